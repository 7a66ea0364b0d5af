import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KiccClient } from '../../electron/kicc/client';
import { createKiccClient } from '../../electron/kicc/client';
import type { KiccClass, KiccOutcome } from '../../electron/kicc/outcome';
import type { FaultSpec, KiccSimulator, SimOriginal } from '../../electron/kicc/simulator';
import { startKiccSimulator } from '../../electron/kicc/simulator';
import type { CancelRequest } from '../../shared/kicc/types';
import { cancelOf, MINUTE, netCancelOf, T0, testClock } from '../unit/simulator/sim-http';

/**
 * The fault matrix: every fault the simulator can inject, on reqCancel and on reqRtran, through
 * the real KICC client over real loopback sockets. Each row asserts the class the client must
 * produce (KICC-API.md "Error classes the client must tell apart") AND whether KICC's state
 * changed, which is what makes the class right or wrong: `in-doubt` rows cover both a committed
 * and an uncommitted KICC, because the client cannot know which, and must not guess.
 */

/** Long enough for a loaded CI machine; the delay rows use their own. */
const READ_TIMEOUT_MS = 5000;
/** undici's timers tick at ~0.5-1 s (docs/kicc-client.md), so "beyond" is well beyond. */
const SHORT_READ_TIMEOUT_MS = 300;
const FAR_BEYOND_MS = 30_000;

type Fault = Omit<FaultSpec, 'endpoint'> | 'refused' | 'none';

interface Row {
  name: string;
  fault: Fault;
  class: KiccClass;
  /** whether KICC's state changed */
  changed: boolean;
  /** whether the request reached the simulator at all */
  reached?: boolean;
  readTimeoutMs?: number;
}

const ROWS: Row[] = [
  { name: 'no fault', fault: 'none', class: 'ok', changed: true },
  {
    name: 'commit-then-drop',
    fault: { kind: 'commit-then-drop' },
    class: 'in-doubt',
    changed: true,
  },
  {
    name: 'drop-before-commit',
    fault: { kind: 'drop-before-commit' },
    class: 'in-doubt',
    changed: false,
  },
  {
    name: 'delay beyond the read timeout, committed',
    fault: { kind: 'delay', delayMs: FAR_BEYOND_MS },
    class: 'in-doubt',
    changed: true,
    readTimeoutMs: SHORT_READ_TIMEOUT_MS,
  },
  {
    name: 'delay beyond the read timeout, not committed',
    fault: { kind: 'delay', delayMs: FAR_BEYOND_MS, commit: false },
    class: 'in-doubt',
    changed: false,
    readTimeoutMs: SHORT_READ_TIMEOUT_MS,
  },
  {
    name: 'delay within the read timeout',
    fault: { kind: 'delay', delayMs: 50 },
    class: 'ok',
    changed: true,
  },
  {
    name: 'corrupt-json, committed',
    fault: { kind: 'corrupt-json' },
    class: 'in-doubt',
    changed: true,
  },
  {
    name: 'corrupt-json, not committed',
    fault: { kind: 'corrupt-json', commit: false },
    class: 'in-doubt',
    changed: false,
  },
  {
    name: 'truncated-body, committed',
    fault: { kind: 'truncated-body' },
    class: 'in-doubt',
    changed: true,
  },
  {
    name: 'truncated-body, not committed',
    fault: { kind: 'truncated-body', commit: false },
    class: 'in-doubt',
    changed: false,
  },
  { name: 'http-500, committed', fault: { kind: 'http-500' }, class: 'in-doubt', changed: true },
  {
    name: 'http-500, not committed',
    fault: { kind: 'http-500', commit: false },
    class: 'in-doubt',
    changed: false,
  },
  {
    name: 'http-503, not committed',
    fault: { kind: 'http-503' },
    class: 'in-doubt',
    changed: false,
  },
  {
    name: 'http-503, committed',
    fault: { kind: 'http-503', commit: true },
    class: 'in-doubt',
    changed: true,
  },
  {
    name: 'reset-mid-response, committed',
    fault: { kind: 'reset-mid-response' },
    class: 'in-doubt',
    changed: true,
  },
  {
    name: 'reset-mid-response, not committed',
    fault: { kind: 'reset-mid-response', commit: false },
    class: 'in-doubt',
    changed: false,
  },
  { name: 'auth-failure (401)', fault: { kind: 'auth-failure' }, class: 'auth', changed: false },
  {
    name: 'temporary-error S999, not committed',
    fault: { kind: 'temporary-error' },
    class: 'retryable',
    changed: false,
  },
  {
    name: 'temporary-error S999, committed',
    fault: { kind: 'temporary-error', commit: true },
    class: 'retryable',
    changed: true,
  },
  {
    name: 'connection refused',
    fault: 'refused',
    class: 'not-sent',
    changed: false,
    reached: false,
  },
];

describe('fault matrix: simulator fault x endpoint -> client class and KICC state', () => {
  let clock: ReturnType<typeof testClock>;
  let sim: KiccSimulator;
  let original: SimOriginal;
  const clients: KiccClient[] = [];

  beforeEach(async () => {
    clock = testClock(T0);
    sim = await startKiccSimulator({ clock, seed: 2024 });
    original = sim.approve({ trxAmt: 58_000, alotMonth: '03' });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await sim.close();
  });

  const client = (readTimeoutMs = READ_TIMEOUT_MS): KiccClient => {
    const made = createKiccClient({
      baseUrl: sim.url,
      credentials: () => sim.credentials,
      clock,
      connectTimeoutMs: 2000,
      readTimeoutMs,
    });
    clients.push(made);
    return made;
  };

  const arm = async (fault: Fault, endpoint: 'cancel' | 'netCancel'): Promise<void> => {
    if (fault === 'none') return;
    if (fault === 'refused') return sim.stop();
    sim.faults.inject({ endpoint, ...fault });
  };

  const expectOutcome = (outcome: KiccOutcome, row: Row, before: number): void => {
    expect({ class: outcome.class, message: outcome.message }).toMatchObject({ class: row.class });
    const seen = sim.ledger.requests().length - before;
    expect(seen).toBe(row.reached === false ? 0 : 1);
  };

  describe.each(ROWS)('$name', (row) => {
    it('on reqCancel', async () => {
      const request: CancelRequest = cancelOf(original, clock.now());
      await arm(row.fault, 'cancel');
      const before = sim.ledger.requests().length;

      const outcome = await client(row.readTimeoutMs).cancel(request);

      expectOutcome(outcome, row, before);
      expect(sim.ledger.original(original.vanTrxNo)?.status).toBe(
        row.changed ? 'cancelled' : 'approved',
      );
      expect(sim.ledger.cancellations()).toHaveLength(row.changed ? 1 : 0);
    });

    it('on reqRtran (verifying a cancellation that landed)', async () => {
      const lost = cancelOf(original, clock.now());
      expect((await client().cancel(lost)).class).toBe('ok');
      clock.advance(2 * MINUTE);
      await arm(row.fault, 'netCancel');
      const before = sim.ledger.requests().length;

      const outcome = await client(row.readTimeoutMs).netCancel(netCancelOf(lost));

      expectOutcome(outcome, row, before);
      expect(sim.ledger.original(original.vanTrxNo)?.status).toBe(
        row.changed ? 'approved' : 'cancelled',
      );
      expect(sim.ledger.netCancels()).toHaveLength(row.changed ? 1 : 0);
    });
  });
});

/**
 * The business answers the simulator gives, as the client classes them: the simulator's codes
 * and the client's code table (electron/kicc/codes.ts) must agree.
 */
describe('business answers: simulator respCd -> client class', () => {
  let clock: ReturnType<typeof testClock>;
  let sim: KiccSimulator;
  let kicc: KiccClient;
  let original: SimOriginal;

  beforeEach(async () => {
    clock = testClock(T0);
    sim = await startKiccSimulator({ clock });
    kicc = createKiccClient({
      baseUrl: sim.url,
      credentials: () => sim.credentials,
      clock,
      readTimeoutMs: READ_TIMEOUT_MS,
    });
    original = sim.approve({ trxAmt: 10_000 });
  });
  afterEach(async () => {
    await kicc.close();
    await sim.close();
  });

  const cancelCases: [string, () => CancelRequest | Promise<CancelRequest>, string, KiccClass][] = [
    [
      'original not found',
      () => cancelOf(original, clock.now(), { orgAprvNo: '10000000' }),
      'S001',
      'rejected',
    ],
    [
      'already cancelled',
      async () => {
        await kicc.cancel(cancelOf(original, clock.now()));
        return cancelOf(original, clock.now());
      },
      'S002',
      'already-cancelled',
    ],
    [
      'amount mismatch',
      () => cancelOf(original, clock.now(), { trxAmt: 10_001 }),
      'S003',
      'rejected',
    ],
    [
      'cancel window expired',
      () => {
        clock.advance(46 * 24 * 60 * MINUTE);
        return cancelOf(original, clock.now());
      },
      'S004',
      'rejected',
    ],
    [
      'duplicate mercTrxNo',
      async () => {
        const first = cancelOf(original, clock.now());
        await kicc.cancel(first);
        return cancelOf(sim.approve(), clock.now(), { mercTrxNo: first.mercTrxNo });
      },
      'S005',
      'duplicate',
    ],
  ];
  it.each(cancelCases)('reqCancel, %s: %s -> %s', async (_name, prepare, code, expected) => {
    const outcome = await kicc.cancel(await prepare());
    expect({ code: outcome.code, class: outcome.class }).toEqual({ code, class: expected });
  });

  it('reqRtran of a cancellation that never landed: S006 -> not-found', async () => {
    const outcome = await kicc.netCancel(netCancelOf(cancelOf(original, clock.now())));
    expect({ code: outcome.code, class: outcome.class }).toEqual({
      code: 'S006',
      class: 'not-found',
    });
  });

  it('reqRtran past the window: S007 -> landed', async () => {
    const lost = cancelOf(original, clock.now());
    await kicc.cancel(lost);
    clock.advance(31 * MINUTE);
    const outcome = await kicc.netCancel(netCancelOf(lost));
    expect({ code: outcome.code, class: outcome.class }).toEqual({ code: 'S007', class: 'landed' });
  });

  it('the verification flow: in doubt, reversed by reqRtran, then a fresh cancellation stands', async () => {
    sim.faults.inject({ endpoint: 'cancel', kind: 'commit-then-drop' });
    const lost = cancelOf(original, clock.now());
    expect((await kicc.cancel(lost)).class).toBe('in-doubt');
    expect((await kicc.netCancel(netCancelOf(lost))).class).toBe('ok');
    expect(sim.ledger.original(original.vanTrxNo)?.status).toBe('approved');
    expect((await kicc.cancel(cancelOf(original, clock.now()))).class).toBe('ok');
    expect(sim.ledger.cancellations().filter((c) => c.status === 'landed')).toHaveLength(1);
  });
});
