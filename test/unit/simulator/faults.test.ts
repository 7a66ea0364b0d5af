import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultSpec, KiccSimulator, SimOriginal } from '../../../electron/kicc/simulator';
import { startKiccSimulator } from '../../../electron/kicc/simulator';
import type { Exchange, TestClock } from './sim-http';
import { cancelOf, kicc, netCancelOf, sendOverTcp, signed, T0, testClock } from './sim-http';

/**
 * Each fault as the client's socket meets it, and whether KICC's state committed
 * (electron/kicc/simulator/fault-delivery.ts has the table these rows check).
 */
type Seen =
  | 'json answer'
  | 'no answer'
  | 'answer that is not JSON'
  | 'http 500'
  | 'http 503'
  | 'bare 401'
  | 'S999 answer';

function seen(exchange: Exchange): Seen | string {
  if (exchange.kind === 'broken') {
    return exchange.status === undefined
      ? 'no answer'
      : `broken (${exchange.code}) after HTTP ${exchange.status}`;
  }
  if (exchange.status === 401 && exchange.body === '') return 'bare 401';
  if (exchange.status === 500 || exchange.status === 503) return `http ${exchange.status}`;
  if (exchange.status !== 200) return `http ${exchange.status}`;
  try {
    const answer = JSON.parse(exchange.body) as { respCd?: string };
    return answer.respCd === 'S999' ? 'S999 answer' : 'json answer';
  } catch {
    return 'answer that is not JSON';
  }
}

describe('simulator faults', () => {
  let clock: TestClock;
  let sim: KiccSimulator;
  let original: SimOriginal;

  beforeEach(async () => {
    clock = testClock(T0);
    sim = await startKiccSimulator({ clock, seed: 11 });
    original = sim.approve({ trxAmt: 12_000 });
  });
  afterEach(() => sim.close());

  const cancelled = (): boolean => sim.ledger.original(original.vanTrxNo)?.status === 'cancelled';

  const rows: [string, Omit<FaultSpec, 'endpoint'>, Seen, boolean][] = [
    ['commit-then-drop', { kind: 'commit-then-drop' }, 'no answer', true],
    ['drop-before-commit', { kind: 'drop-before-commit' }, 'no answer', false],
    [
      'corrupt-json (commits by default)',
      { kind: 'corrupt-json' },
      'answer that is not JSON',
      true,
    ],
    [
      'corrupt-json, commit: false',
      { kind: 'corrupt-json', commit: false },
      'answer that is not JSON',
      false,
    ],
    ['http-500 (commits by default)', { kind: 'http-500' }, 'http 500', true],
    ['http-500, commit: false', { kind: 'http-500', commit: false }, 'http 500', false],
    ['http-503 (does not commit by default)', { kind: 'http-503' }, 'http 503', false],
    ['http-503, commit: true', { kind: 'http-503', commit: true }, 'http 503', true],
    ['auth-failure', { kind: 'auth-failure' }, 'bare 401', false],
    [
      'temporary-error (does not commit by default)',
      { kind: 'temporary-error' },
      'S999 answer',
      false,
    ],
    [
      'temporary-error, commit: true',
      { kind: 'temporary-error', commit: true },
      'S999 answer',
      true,
    ],
    ['delay, answered in time', { kind: 'delay', delayMs: 20 }, 'json answer', true],
    [
      'delay, commit: false, answered in time',
      { kind: 'delay', delayMs: 20, commit: false },
      'json answer',
      true,
    ],
  ];
  it.each(rows)('%s', async (_name, fault, expected, commits) => {
    sim.faults.inject({ endpoint: 'cancel', ...fault });
    const exchange = await signed(sim, 'cancel', JSON.stringify(cancelOf(original, T0)), T0);
    expect(seen(exchange)).toBe(expected);
    expect(cancelled()).toBe(commits);
    expect(sim.ledger.requests().at(-1)).toMatchObject({ fault: fault.kind, committed: commits });
  });

  it('truncated-body: HTTP 200, half of the Content-Length, then the stream ends; commits', async () => {
    sim.faults.inject({ endpoint: 'cancel', kind: 'truncated-body' });
    const exchange = await signed(sim, 'cancel', JSON.stringify(cancelOf(original, T0)), T0);
    expect(exchange).toMatchObject({ kind: 'broken', status: 200 });
    const partial = exchange.kind === 'broken' ? exchange.partialBody : '';
    expect(partial.startsWith('{"respCd":"0000"')).toBe(true);
    expect(() => JSON.parse(partial) as unknown).toThrow();
    expect(cancelled()).toBe(true);
  });

  it('truncated-body, commit: false, leaves the original approved', async () => {
    sim.faults.inject({ endpoint: 'cancel', kind: 'truncated-body', commit: false });
    const exchange = await signed(sim, 'cancel', JSON.stringify(cancelOf(original, T0)), T0);
    expect(exchange).toMatchObject({ kind: 'broken', status: 200 });
    expect(cancelled()).toBe(false);
  });

  it('reset-mid-response: the connection is reset (ECONNRESET) with no complete answer; commits', async () => {
    sim.faults.inject({ endpoint: 'cancel', kind: 'reset-mid-response' });
    const exchange = await signed(sim, 'cancel', JSON.stringify(cancelOf(original, T0)), T0);
    expect(exchange).toMatchObject({ kind: 'broken', code: 'ECONNRESET' });
    expect(cancelled()).toBe(true);
  });

  it('reset-mid-response ends the TCP connection with a reset (RST), not a close', async () => {
    sim.faults.inject({ endpoint: 'cancel', kind: 'reset-mid-response', commit: false });
    const tcp = await sendOverTcp(sim, 'cancel', JSON.stringify(cancelOf(original, T0)), T0);
    expect(tcp.ending).toBe('ECONNRESET');
    expect(cancelled()).toBe(false);
  });

  it('truncated-body ends the TCP connection with an orderly close after half the body', async () => {
    sim.faults.inject({ endpoint: 'cancel', kind: 'truncated-body' });
    const tcp = await sendOverTcp(sim, 'cancel', JSON.stringify(cancelOf(original, T0)), T0);
    expect(tcp.ending).toBe('end');
    const [head = '', partial = ''] = tcp.received.split('\r\n\r\n');
    const declared = Number(/Content-Length: ([0-9]+)/.exec(head)?.[1]);
    expect(Buffer.byteLength(partial)).toBe(Math.floor(declared / 2));
  });

  it('commit-then-drop closes the connection without a single byte of answer', async () => {
    sim.faults.inject({ endpoint: 'cancel', kind: 'commit-then-drop' });
    const tcp = await sendOverTcp(sim, 'cancel', JSON.stringify(cancelOf(original, T0)), T0);
    expect(tcp.received).toBe('');
    expect(cancelled()).toBe(true);
  });

  it('delay beyond the client timeout: the client gives up, the cancellation has landed', async () => {
    sim.faults.inject({ endpoint: 'cancel', kind: 'delay', delayMs: 60_000 });
    const body = JSON.stringify(cancelOf(original, T0));
    const exchange = await signed(sim, 'cancel', body, T0, { giveUpAfterMs: 150 });
    expect(exchange).toMatchObject({ kind: 'broken', code: 'TIMEOUT' });
    expect(cancelled()).toBe(true);
  });

  it('delay with commit: false: a client that gives up leaves nothing processed', async () => {
    sim.faults.inject({ endpoint: 'cancel', kind: 'delay', delayMs: 300, commit: false });
    const body = JSON.stringify(cancelOf(original, T0));
    const exchange = await signed(sim, 'cancel', body, T0, { giveUpAfterMs: 50 });
    expect(exchange).toMatchObject({ kind: 'broken', code: 'TIMEOUT' });
    // After the delay has run out, the dropped request has still not been processed.
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(cancelled()).toBe(false);
    expect(sim.ledger.requests().at(-1)).toMatchObject({ fault: 'delay', committed: false });
  });

  it('applies a counted fault to exactly the next N requests of its endpoint', async () => {
    const others = [sim.approve(), sim.approve(), sim.approve()];
    sim.faults.inject({ endpoint: 'cancel', kind: 'http-503', count: 2 });
    const statuses: (number | undefined)[] = [];
    for (const o of others) {
      const exchange = await signed(sim, 'cancel', JSON.stringify(cancelOf(o, T0)), T0);
      statuses.push(exchange.kind === 'answer' ? exchange.status : undefined);
    }
    expect(statuses).toEqual([503, 503, 200]);
    expect(sim.faults.plan().counted).toEqual([]);
  });

  it('scopes a fault to its endpoint; "any" reaches every endpoint', async () => {
    sim.faults.inject({ endpoint: 'netCancel', kind: 'http-500' });
    const lost = cancelOf(original, T0);
    expect((await kicc(sim, 'cancel', lost, T0)).respCd).toBe('0000');
    const netCancel = await signed(sim, 'netCancel', JSON.stringify(netCancelOf(lost)), T0);
    expect(netCancel).toMatchObject({ status: 500 });
    // http-500 commits by default: the reversal happened behind the 500.
    expect(sim.ledger.netCancels()).toHaveLength(1);

    sim.faults.inject({ endpoint: 'any', kind: 'auth-failure', count: 2 });
    expect(await signed(sim, 'cancel', JSON.stringify(cancelOf(original, T0)), T0)).toMatchObject({
      status: 401,
    });
    expect(await signed(sim, 'approve', '{}', T0)).toMatchObject({ status: 401 });
  });

  it('clear() removes every pending fault', async () => {
    sim.faults.inject({ endpoint: 'cancel', kind: 'http-500', count: 5 });
    sim.faults.setProbability({ endpoint: 'cancel', kind: 'http-503', p: 1 });
    sim.faults.clear();
    expect(sim.faults.plan()).toEqual({ counted: [], probabilities: [] });
    expect((await kicc(sim, 'cancel', cancelOf(original, T0), T0)).respCd).toBe('0000');
  });

  it('p = 1 always applies; p = 0 removes the rule', async () => {
    sim.faults.setProbability({ endpoint: 'cancel', kind: 'http-503', p: 1 });
    const body = JSON.stringify(cancelOf(original, T0));
    expect(await signed(sim, 'cancel', body, T0)).toMatchObject({ status: 503 });
    sim.faults.setProbability({ endpoint: 'cancel', kind: 'http-503', p: 0 });
    expect(sim.faults.plan().probabilities).toEqual([]);
    expect(await signed(sim, 'cancel', body, T0)).toMatchObject({ status: 200 });
  });

  it('draws probabilistic faults from the seed: the same seed gives the same sequence', async () => {
    const sequence = async (seed: number): Promise<number[]> => {
      const s = await startKiccSimulator({ clock, seed });
      try {
        s.faults.setProbability({ endpoint: 'approve', kind: 'http-503', p: 0.5 });
        const statuses: number[] = [];
        for (let i = 0; i < 16; i += 1) {
          const exchange = await signed(s, 'approve', '{}', T0);
          statuses.push(exchange.kind === 'answer' ? exchange.status : 0);
        }
        return statuses;
      } finally {
        await s.close();
      }
    };
    const first = await sequence(42);
    expect(await sequence(42)).toEqual(first);
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await sequence(43)).not.toEqual(first);
  });

  const badSpecs: [string, Parameters<KiccSimulator['faults']['inject']>[0]][] = [
    [
      'commit-then-drop that does not commit',
      { endpoint: 'cancel', kind: 'commit-then-drop', commit: false },
    ],
    [
      'drop-before-commit that commits',
      { endpoint: 'cancel', kind: 'drop-before-commit', commit: true },
    ],
    ['auth-failure that commits', { endpoint: 'cancel', kind: 'auth-failure', commit: true }],
    ['a count of 0', { endpoint: 'cancel', kind: 'http-500', count: 0 }],
    ['a negative delay', { endpoint: 'cancel', kind: 'delay', delayMs: -1 }],
  ];
  it.each(badSpecs)(
    'refuses a fault spec with %s (a bug in the test that wrote it)',
    (_name, spec) => {
      expect(() => sim.faults.inject(spec)).toThrow(RangeError);
    },
  );

  it('refuses a probability outside 0..1', () => {
    expect(() =>
      sim.faults.setProbability({ endpoint: 'cancel', kind: 'http-500', p: 1.5 }),
    ).toThrow(RangeError);
  });
});

describe('simulator refusing connections', () => {
  let sim: KiccSimulator;
  beforeEach(async () => {
    sim = await startKiccSimulator({ clock: testClock(T0) });
  });
  afterEach(() => sim.close());

  it('stop() refuses connections (ECONNREFUSED); restart() accepts them again on the same URL', async () => {
    const url = sim.url;
    await sim.stop();
    expect(await signed(sim, 'approve', '{}', T0)).toMatchObject({
      kind: 'broken',
      code: 'ECONNREFUSED',
    });
    expect(sim.ledger.requests()).toEqual([]);
    await sim.restart();
    expect(sim.url).toBe(url);
    expect(await signed(sim, 'approve', '{}', T0)).toMatchObject({ kind: 'answer', status: 200 });
  });

  it('refuse({ forMs }) refuses until the time has passed, then listens again', async () => {
    await sim.faults.refuse({ forMs: 200 });
    expect(await signed(sim, 'approve', '{}', T0)).toMatchObject({ code: 'ECONNREFUSED' });
    let exchange: Exchange = await signed(sim, 'approve', '{}', T0);
    for (let i = 0; i < 100 && exchange.kind === 'broken'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      exchange = await signed(sim, 'approve', '{}', T0);
    }
    expect(exchange).toMatchObject({ kind: 'answer', status: 200 });
  });
});
