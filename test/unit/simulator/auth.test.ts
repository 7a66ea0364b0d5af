import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KICC_PATHS } from '../../../shared/kicc/types';
import { kiccHeaders } from '../../../electron/kicc/signing';
import type { KiccSimulator, SimOriginal } from '../../../electron/kicc/simulator';
import { startKiccSimulator } from '../../../electron/kicc/simulator';
import type { Exchange, TestClock } from './sim-http';
import { cancelOf, MINUTE, send, signed, T0, testClock } from './sim-http';

/** KICC-API.md [A]: 401 with no JSON body on any authentication failure. */
function expectBare401(exchange: Exchange): void {
  expect(exchange).toMatchObject({ kind: 'answer', status: 401, body: '' });
  if (exchange.kind === 'answer') expect(exchange.headers['content-type']).toBeUndefined();
}

describe('simulator authentication', () => {
  let clock: TestClock;
  let sim: KiccSimulator;
  let original: SimOriginal;
  let body: string;
  const path = KICC_PATHS.cancel;

  beforeEach(async () => {
    clock = testClock(T0);
    sim = await startKiccSimulator({ clock });
    original = sim.approve();
    body = JSON.stringify(cancelOf(original, T0));
  });
  afterEach(() => sim.close());

  const headersFor = (nonce = 'n-1') =>
    kiccHeaders({ credentials: sim.credentials, path, body, timestampMs: T0, nonce });

  it('accepts a correctly signed request', async () => {
    expect(await signed(sim, 'cancel', body, T0)).toMatchObject({ kind: 'answer', status: 200 });
  });

  const headerNames = [
    'X-KICC-ChannelId',
    'X-KICC-Timestamp',
    'X-KICC-Nonce',
    'X-KICC-Authorization',
  ] as const;
  it.each(headerNames)('refuses a request without %s', async (name) => {
    const headers: Record<string, string> = { ...headersFor() };
    delete headers[name];
    expectBare401(await send(sim.url, path, body, headers));
    expect(sim.ledger.requests().at(-1)).toMatchObject({
      auth: 'missing-header',
      committed: false,
    });
  });

  const forged: [string, () => Promise<Exchange>, string][] = [
    [
      'an unknown channel id',
      () =>
        signed(sim, 'cancel', body, T0, {
          credentials: { ...sim.credentials, channelId: 'OTHER01' },
        }),
      'unknown-channel',
    ],
    [
      'a signature made with another secret',
      () =>
        signed(sim, 'cancel', body, T0, {
          credentials: { ...sim.credentials, secretKey: 'wrong' },
        }),
      'bad-signature',
    ],
    [
      'a body re-serialised after signing (whitespace added)',
      () => signed(sim, 'cancel', body.replace(',', ', '), T0, { signedBody: body }),
      'bad-signature',
    ],
    [
      'a timestamp more than 5 minutes behind',
      () => signed(sim, 'cancel', body, T0, { timestampMs: T0 - 5 * MINUTE - 1 }),
      'timestamp-skew',
    ],
    [
      'a timestamp more than 5 minutes ahead',
      () => signed(sim, 'cancel', body, T0, { timestampMs: T0 + 5 * MINUTE + 1 }),
      'timestamp-skew',
    ],
    [
      'a timestamp in seconds, not milliseconds',
      () => signed(sim, 'cancel', body, T0, { timestampMs: Math.floor(T0 / 1000) }),
      'timestamp-skew',
    ],
    [
      'a timestamp that is not a number',
      () => send(sim.url, path, body, { ...headersFor(), 'X-KICC-Timestamp': 'yesterday' }),
      'bad-timestamp',
    ],
  ];
  it.each(forged)(
    'refuses %s with a bare 401 and changes nothing',
    async (_name, attempt, reason) => {
      expectBare401(await attempt());
      expect(sim.ledger.requests().at(-1)).toMatchObject({ auth: reason, committed: false });
      expect(sim.ledger.cancellations()).toEqual([]);
    },
  );

  it('signs over the exact bytes: the same body with extra whitespace, signed as sent, passes', async () => {
    const spaced = body.replace(',', ',   ');
    expect(await signed(sim, 'cancel', spaced, T0)).toMatchObject({ kind: 'answer', status: 200 });
  });

  const skewEdges: [string, number][] = [
    ['exactly 5 minutes behind', T0 - 5 * MINUTE],
    ['exactly 5 minutes ahead', T0 + 5 * MINUTE],
  ];
  it.each(skewEdges)('accepts a timestamp %s', async (_name, timestampMs) => {
    expect(await signed(sim, 'cancel', body, T0, { timestampMs })).toMatchObject({ status: 200 });
  });

  it('refuses a replayed nonce, even with a valid signature', async () => {
    expect(await send(sim.url, path, body, headersFor('same-nonce'))).toMatchObject({
      status: 200,
    });
    expectBare401(await send(sim.url, path, body, headersFor('same-nonce')));
    expect(sim.ledger.requests().at(-1)?.auth).toBe('nonce-replayed');
    expect(sim.ledger.cancellations()).toHaveLength(1);
  });

  it('does not let a forged request burn the nonce the real client will use', async () => {
    const forgedHeaders = { ...headersFor('nonce-x'), 'X-KICC-Authorization': 'AAAA' };
    expectBare401(await send(sim.url, path, body, forgedHeaders));
    expect(await send(sim.url, path, body, headersFor('nonce-x'))).toMatchObject({ status: 200 });
  });

  it('honours a configured skew', async () => {
    await sim.close();
    sim = await startKiccSimulator({ clock, timestampSkewMs: 1000 });
    expectBare401(await signed(sim, 'cancel', body, T0, { timestampMs: T0 - 1001 }));
  });

  it('answers 404 with no body on a path that is not KICC', async () => {
    const exchange = await send(sim.url, '/smpy/kiccpay/reqSomething', body, headersFor());
    expect(exchange).toMatchObject({ kind: 'answer', status: 404, body: '' });
  });

  it('answers 405 to a GET on a KICC path', async () => {
    const exchange = await send(sim.url, path, '', headersFor(), 'GET');
    expect(exchange).toMatchObject({ kind: 'answer', status: 405, body: '' });
  });
});
