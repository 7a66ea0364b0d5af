import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createKiccClient } from '../../../electron/kicc/client';
import type { KiccOutcome } from '../../../electron/kicc/outcome';
import type { CancelRequest } from '../../../shared/kicc/types';
import { SEED_REQUEST_EXAMPLE } from '../../fixtures/seed-examples';
import type { CapturedRequest, StubServer } from './stub-servers';
import { closedPort, httpAnswer, startRawStub } from './stub-servers';

/**
 * ChannelId and SecretKey never appear in logs, error texts or results (DESIGN.md; preamble).
 * The channel id IS sent, as a header, so every scenario checks the server got it, and that it
 * then shows up nowhere in what the client hands back or logs.
 */

const CHANNEL_ID = 'CHANNEL-ID-7f3a9c';
const SECRET_KEY = 'SECRET-KEY-e41b2c0d';
const request = JSON.parse(SEED_REQUEST_EXAMPLE) as CancelRequest;

const stubs: StubServer[] = [];
afterEach(async () => {
  for (const stub of stubs.splice(0)) await stub.close();
});

/** The server quotes every header it got back, as a careless gateway would. */
const echoHeaders = (req: CapturedRequest): string =>
  JSON.stringify({ respCd: 'S008', respMsg: `bad request ${JSON.stringify(req.headers)}` });

const SCENARIOS: {
  name: string;
  behave?: (req: CapturedRequest, socket: Socket) => void;
  class: KiccOutcome['class'];
}[] = [
  {
    name: 'success',
    behave: (_r, s) => s.write(httpAnswer(200, '{"respCd":"0000"}')),
    class: 'ok',
  },
  {
    name: 'S008 (logged loudly)',
    behave: (r, s) => s.write(httpAnswer(200, echoHeaders(r))),
    class: 'rejected',
  },
  { name: '401', behave: (r, s) => s.write(httpAnswer(401, echoHeaders(r))), class: 'auth' },
  { name: '500', behave: (r, s) => s.write(httpAnswer(500, echoHeaders(r))), class: 'in-doubt' },
  {
    name: 'corrupt JSON quoting the headers',
    behave: (r, s) => s.write(httpAnswer(200, `${echoHeaders(r)},,`)),
    class: 'in-doubt',
  },
  { name: 'read timeout', behave: () => undefined, class: 'in-doubt' },
  { name: 'reset', behave: (_r, s) => s.resetAndDestroy(), class: 'in-doubt' },
  { name: 'connection refused', class: 'not-sent' },
];

describe('secrets stay out of outcomes and logs', () => {
  it.each(SCENARIOS)('$name', async (scenario) => {
    let baseUrl = `http://127.0.0.1:${await closedPort()}`;
    let stub: StubServer | undefined;
    if (scenario.behave) {
      stub = await startRawStub(scenario.behave);
      stubs.push(stub);
      baseUrl = stub.url;
    }
    const lines: string[] = [];
    const client = createKiccClient({
      baseUrl,
      credentials: () => ({ channelId: CHANNEL_ID, secretKey: SECRET_KEY }),
      clock: { now: () => 1_700_000_000_000 },
      readTimeoutMs: 300,
      log: (event, fields) => lines.push(JSON.stringify({ event, fields })),
    });

    const outcome = await client.cancel(request);
    await client.close();

    expect(outcome.class).toBe(scenario.class);
    if (stub) expect(stub.requests[0]?.headers['x-kicc-channelid']).toBe(CHANNEL_ID);
    const everything = [JSON.stringify(outcome), ...lines].join('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(everything).not.toContain(CHANNEL_ID);
    expect(everything).not.toContain(SECRET_KEY);
    // The request is logged by what it is, never by its headers.
    expect(JSON.parse(lines[0] ?? '{}')).toEqual({
      event: 'kicc.request',
      fields: {
        endpoint: 'cancel',
        path: '/smpy/kiccpay/reqCancel',
        mercTrxNo: request.mercTrxNo,
        bytes: Buffer.byteLength(JSON.stringify(request)),
      },
    });
  });

  it('an answer quoting the channel id is kept, with the id replaced', async () => {
    const stub = await startRawStub((r, s) => s.write(httpAnswer(200, echoHeaders(r))));
    stubs.push(stub);
    const client = createKiccClient({
      baseUrl: stub.url,
      credentials: () => ({ channelId: CHANNEL_ID, secretKey: SECRET_KEY }),
      clock: { now: () => 0 },
    });
    const outcome = await client.cancel(request);
    await client.close();
    expect(outcome.response?.respMsg).toContain('"x-kicc-channelid":"[redacted]"');
    expect(outcome.exchange.responseBody).toContain('[redacted]');
  });
});
