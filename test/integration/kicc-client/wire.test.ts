import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { KiccClient, KiccClientOptions } from '../../../electron/kicc/client';
import { createKiccClient } from '../../../electron/kicc/client';
import type { CancelRequest, NetCancelRequest } from '../../../shared/kicc/types';
import { SEED_REQUEST_EXAMPLE, SEED_RESPONSE_EXAMPLE } from '../../fixtures/seed-examples';
import type { CapturedRequest, StubServer } from './stub-servers';
import { startHttpStub } from './stub-servers';

/** What the client puts on the wire, checked by a real node:http server on loopback. */

const CREDENTIALS = { channelId: 'CH_WIRE_0001', secretKey: 'sk_wire_test_key_0123456789' };
const NOW = Date.UTC(2023, 11, 26, 1, 0, 0); // 2023-12-26 10:00:00 KST
const NONCE = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const seedRequest = JSON.parse(SEED_REQUEST_EXAMPLE) as CancelRequest;

const netCancel: NetCancelRequest = {
  tid: 'T123456789',
  svcId: 'SVC_SIMPLE',
  bizrNo: '1234567890',
  mercTrxNo: 'CANCEL_20231225_0001',
  alotMonth: '00',
  trxAmt: 10000,
  vatAmt: 909,
  svcAmt: 0,
  tranDt: '20231226',
  tranTm: '100000',
};

let stub: StubServer | undefined;
let client: KiccClient | undefined;
afterEach(async () => {
  await client?.close();
  await stub?.close();
  client = undefined;
  stub = undefined;
});

async function setUp(
  answer: (req: CapturedRequest) => { status: number; body: string; contentType?: string },
  overrides: Partial<KiccClientOptions> = {},
): Promise<{ stub: StubServer; client: KiccClient }> {
  stub = await startHttpStub((req, res) => {
    const { status, body, contentType } = answer(req);
    res.writeHead(status, { 'Content-Type': contentType ?? 'application/json; charset=utf-8' });
    res.end(typeof body === 'string' ? Buffer.from(body) : body);
  });
  client = createKiccClient({
    baseUrl: stub.url,
    credentials: () => CREDENTIALS,
    clock: { now: () => NOW },
    newNonce: () => NONCE,
    readTimeoutMs: 2000,
    ...overrides,
  });
  return { stub, client };
}

const seedAnswer = () => ({ status: 200, body: SEED_RESPONSE_EXAMPLE });

/** The receiving side's check, over the exact bytes received (KICC-API.md "Authentication"). */
function verifySignature(req: CapturedRequest): string {
  const header = (name: string): string => String(req.headers[name] ?? '');
  const message = Buffer.concat([
    Buffer.from(header('x-kicc-channelid') + req.path + header('x-kicc-timestamp'), 'utf8'),
    Buffer.from(header('x-kicc-nonce'), 'utf8'),
    req.rawBody,
  ]);
  return createHmac('sha256', CREDENTIALS.secretKey).update(message).digest('base64');
}

describe('KICC client on the wire', () => {
  it("sends the seed's request example exactly: same fields, values and order", async () => {
    const { stub, client } = await setUp(seedAnswer);
    await client.cancel(seedRequest);
    const [received] = stub.requests;
    const body = received?.rawBody.toString('utf8') ?? '';
    expect(JSON.parse(body)).toEqual(JSON.parse(SEED_REQUEST_EXAMPLE));
    expect(Object.keys(JSON.parse(body))).toEqual(Object.keys(JSON.parse(SEED_REQUEST_EXAMPLE)));
    expect(body).toBe(JSON.stringify(JSON.parse(SEED_REQUEST_EXAMPLE)));
  });

  it('POSTs to reqCancel with the documented headers, signed over the exact bytes received', async () => {
    const { stub, client } = await setUp(seedAnswer);
    await client.cancel(seedRequest);
    const [received] = stub.requests;
    if (received === undefined) throw new Error('nothing received');
    expect(received.method).toBe('POST');
    expect(received.path).toBe('/smpy/kiccpay/reqCancel');
    expect(received.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(received.headers['x-kicc-channelid']).toBe(CREDENTIALS.channelId);
    expect(received.headers['x-kicc-timestamp']).toBe(String(NOW));
    expect(received.headers['x-kicc-nonce']).toBe(NONCE);
    expect(received.headers['x-kicc-authorization']).toBe(verifySignature(received));
  });

  it('uses a fresh nonce per request (the default is a UUID v4)', async () => {
    const { stub, client } = await setUp(seedAnswer, { newNonce: undefined });
    await client.cancel(seedRequest);
    await client.cancel(seedRequest);
    const nonces = stub.requests.map((r) => String(r.headers['x-kicc-nonce']));
    expect(nonces[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(nonces[1]).not.toBe(nonces[0]);
    for (const r of stub.requests)
      expect(r.headers['x-kicc-authorization']).toBe(verifySignature(r));
  });

  it("parses the seed's response example into the same values, and records the exchange", async () => {
    const times = [NOW, NOW + 1234];
    const { stub, client } = await setUp(seedAnswer, { clock: { now: () => times.shift() ?? 0 } });
    const outcome = await client.cancel(seedRequest);
    expect(outcome).toEqual({
      class: 'ok',
      code: '0000',
      message: 'Cancellation Success',
      response: { ...JSON.parse(SEED_RESPONSE_EXAMPLE), extra: {} },
      exchange: {
        endpoint: 'cancel',
        path: '/smpy/kiccpay/reqCancel',
        mercTrxNo: 'CANCEL_20231225_0001',
        requestBody: stub.requests[0]?.rawBody.toString('utf8'),
        sentAt: NOW,
        endedAt: NOW + 1234,
        httpStatus: 200,
        responseBody: SEED_RESPONSE_EXAMPLE,
      },
    });
  });

  it.each([
    { call: 'netCancel', path: '/smpy/kiccpay/reqRtran' },
    { call: 'approve', path: '/smpy/kiccpay/reqAprv' },
  ] as const)('$call POSTs to $path with its own body', async ({ call, path }) => {
    const { stub, client } = await setUp(() => ({ status: 200, body: '{"respCd":"0000"}' }));
    const outcome = await client[call](netCancel);
    expect(stub.requests[0]?.path).toBe(path);
    expect(stub.requests[0]?.rawBody.toString('utf8')).toBe(JSON.stringify(netCancel));
    expect(outcome.exchange).toMatchObject({
      endpoint: call,
      path,
      mercTrxNo: netCancel.mercTrxNo,
    });
    expect(outcome.class).toBe('ok');
  });

  it('keeps one connection alive across requests', async () => {
    const { stub, client } = await setUp(seedAnswer);
    for (let i = 0; i < 3; i += 1) {
      expect((await client.cancel(seedRequest)).class).toBe('ok');
      // undici hands a finished socket back to the pool one event-loop turn later (it waits a
      // turn in case a server closes despite keep-alive); a request sent sooner opens another.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(stub.requests.map((r) => r.connection)).toEqual([0, 0, 0]);
  });

  it('decodes an answer by its declared charset (a Korean respMsg in EUC-KR)', async () => {
    // "취소 거절" in EUC-KR
    const eucKr = Buffer.from('c3eb bcd2 20b0 c5c0 fd'.replace(/ /g, ''), 'hex');
    const body = Buffer.concat([
      Buffer.from('{"respCd":"S003","respMsg":"'),
      eucKr,
      Buffer.from('"}'),
    ]);
    stub = await startHttpStub((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=EUC-KR' });
      res.end(body);
    });
    client = createKiccClient({
      baseUrl: stub.url,
      credentials: () => CREDENTIALS,
      clock: { now: () => NOW },
    });
    const outcome = await client.cancel(seedRequest);
    expect(outcome).toMatchObject({ class: 'rejected', code: 'S003', message: '취소 거절' });
    expect(outcome.exchange.responseBody).toBe('{"respCd":"S003","respMsg":"취소 거절"}');
  });

  it('reads the credentials at each request, so new ones apply at once', async () => {
    let current = CREDENTIALS;
    const { stub, client } = await setUp(seedAnswer, { credentials: () => current });
    await client.cancel(seedRequest);
    current = { channelId: 'CH_WIRE_0002', secretKey: CREDENTIALS.secretKey };
    await client.cancel(seedRequest);
    expect(stub.requests.map((r) => r.headers['x-kicc-channelid'])).toEqual([
      'CH_WIRE_0001',
      'CH_WIRE_0002',
    ]);
  });
});

describe('KICC client without usable credentials', () => {
  it.each([
    { name: 'not set', credentials: () => null, reason: /not set/ },
    {
      name: 'empty channel id',
      credentials: () => ({ channelId: '', secretKey: 'k' }),
      reason: /not set/,
    },
    {
      name: 'empty secret key',
      credentials: () => ({ channelId: 'c', secretKey: '' }),
      reason: /not set/,
    },
    {
      name: 'a channel id no header can carry',
      credentials: () => ({ channelId: 'CH\r\nX-Evil: 1', secretKey: 'k' }),
      reason: /header/,
    },
    {
      name: 'the credential store failing',
      credentials: () => {
        throw new Error('decrypt failed for sk_leaky_secret');
      },
      reason: /could not be read/,
    },
  ])('$name: class auth, and nothing is sent', async ({ credentials, reason }) => {
    const { stub, client } = await setUp(seedAnswer, { credentials });
    const outcome = await client.cancel(seedRequest);
    expect(outcome.class).toBe('auth');
    expect(outcome.message).toMatch(reason);
    expect(outcome.exchange.error).toMatch(reason);
    expect(outcome.exchange.requestBody).toBe(JSON.stringify(seedRequest));
    expect(outcome.exchange.httpStatus).toBeUndefined();
    expect(JSON.stringify(outcome)).not.toContain('sk_leaky_secret');
    expect(stub.connections()).toBe(0);
  });
});
