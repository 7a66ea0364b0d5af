import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKiccSimulator, type KiccSimulator } from '../../../electron/kicc/simulator/server';
import type { FaultKind } from '../../../electron/kicc/simulator/faults';
import { createManualTime } from '../../../electron/queue/scheduler';
import { kstMidnight, kstDateTime } from '../../../shared/kicc/time';
import { tempDir } from '../../unit/ledger/tmpLedger';
import { createModelSystem, T_START, type ModelSystem } from './modelWorld';

/**
 * Model-based property test (issue 3): random sequences of cancellation requests, double
 * clicks, faults, restarts and crashes (also mid-exchange), connectivity flaps and clock jumps
 * across midnight. At quiescence: every cancellation final; the app's ledger agrees with the
 * simulator's; never two effective cancellations of one original; no accepted request lost.
 *
 * Runs: KICC_PROPERTY_RUNS (what `npm run soak -- N` sets) or ENGINE_MODEL_RUNS; default 1000,
 * what `npm test` runs.
 * The 'delay' fault is left out here (undici's read timeout has a 1 s resolution, which would
 * make each run slow); the fault matrix covers it.
 */
const RUNS = Number(process.env.KICC_PROPERTY_RUNS ?? process.env.ENGINE_MODEL_RUNS ?? 1000);
const RECEIPTS = 3;

interface Model {
  /** receipts the model knows have a live cancellation */
  live: Set<number>;
  /** a request was cut by a crash: the ledger decides whether it exists */
  uncertain: Set<number>;
}
type Cmd = fc.AsyncCommand<Model, ModelSystem>;

const FAULT_KINDS: FaultKind[] = [
  'commit-then-drop',
  'drop-before-commit',
  'corrupt-json',
  'truncated-body',
  'http-500',
  'http-503',
  'reset-mid-response',
  'auth-failure',
  'temporary-error',
];
const faultArb = fc.record({
  kind: fc.constantFrom(...FAULT_KINDS),
  commit: fc.boolean(),
});
const fixedCommit = new Set<FaultKind>(['commit-then-drop', 'drop-before-commit', 'auth-failure']);
const spec = (f: { kind: FaultKind; commit: boolean }) =>
  fixedCommit.has(f.kind) ? { kind: f.kind } : f;

function reconcile(m: Model, s: ModelSystem, index: number): void {
  if (!m.uncertain.has(index)) return;
  m.uncertain.delete(index);
  if (s.hasLive(index)) m.live.add(index);
}

class Cancel implements Cmd {
  constructor(
    readonly index: number,
    readonly fault: { kind: FaultKind; commit: boolean } | null,
    readonly clicks: 1 | 2,
    readonly sameClientId: boolean,
  ) {}
  check = () => true;
  async run(m: Model, s: ModelSystem): Promise<void> {
    reconcile(m, s, this.index);
    if (this.fault !== null)
      simOf(s).faults.inject({ endpoint: 'cancel', ...spec(this.fault), count: 1 });
    const clientId = randomUUID();
    const calls = Array.from({ length: this.clicks }, () =>
      s.request(this.index, this.sameClientId ? clientId : randomUUID()),
    );
    const results = await Promise.all(calls);
    const oks = results.filter((r) => r.ok);
    for (const r of results) {
      if (!r.ok) expect(r.error.code).toBe('duplicate');
      else expect(['cancelled', 'queued', 'in_doubt', 'sending']).toContain(r.value.state);
    }
    if (m.live.has(this.index)) {
      expect(oks, 'a receipt with a live cancellation is refused').toHaveLength(0);
      return;
    }
    // one cancellation: a double click makes one, or the same one twice (same clientRequestId)
    expect(oks.length).toBeGreaterThanOrEqual(1);
    expect(new Set(oks.map((r) => (r.ok ? r.value.id : ''))).size).toBe(1);
    if (!this.sameClientId) expect(oks).toHaveLength(1);
    m.live.add(this.index);
    s.accepted.add(this.index);
  }
  toString = () =>
    `Cancel(${this.index}, ${this.fault ? `${this.fault.kind}/${this.fault.commit}` : '-'}, x${this.clicks}${this.sameClientId ? ' same id' : ''})`;
}

class Fault implements Cmd {
  constructor(
    readonly endpoint: 'cancel' | 'netCancel',
    readonly fault: { kind: FaultKind; commit: boolean },
  ) {}
  check = () => true;
  async run(_m: Model, s: ModelSystem): Promise<void> {
    simOf(s).faults.inject({ endpoint: this.endpoint, ...spec(this.fault), count: 1 });
  }
  toString = () => `Fault(${this.endpoint}, ${this.fault.kind}/${this.fault.commit})`;
}

class Drain implements Cmd {
  check = () => true;
  async run(_m: Model, s: ModelSystem): Promise<void> {
    await s.services.drain();
  }
  toString = () => 'Drain';
}

class Restart implements Cmd {
  check = () => true;
  async run(_m: Model, s: ModelSystem): Promise<void> {
    await s.restart();
  }
  toString = () => 'Restart';
}

/** kill -9 while a request (or the queue) is on the wire, after 0..3 turns of the event loop. */
class Crash implements Cmd {
  constructor(
    readonly index: number | null,
    readonly ticks: number,
  ) {}
  check = () => true;
  async run(m: Model, s: ModelSystem): Promise<void> {
    let inFlight: Promise<unknown>;
    if (this.index !== null) {
      reconcile(m, s, this.index);
      inFlight = s.request(this.index).catch(() => undefined);
      if (!m.live.has(this.index)) m.uncertain.add(this.index);
    } else {
      inFlight = s.services.drain().catch(() => undefined);
    }
    for (let i = 0; i < this.ticks; i += 1) await new Promise((resolve) => setImmediate(resolve));
    await s.crash();
    await inFlight;
  }
  toString = () => `Crash(${this.index ?? 'queue'}, ${this.ticks} ticks)`;
}

class Connectivity implements Cmd {
  constructor(
    readonly what: 'kicc-down' | 'kicc-up' | 'notify-offline' | 'notify-online' | 'resume',
  ) {}
  check = () => true;
  async run(_m: Model, s: ModelSystem): Promise<void> {
    if (this.what === 'kicc-down' && !s.isSimDown()) await s.simStop();
    if (this.what === 'kicc-up' && s.isSimDown()) await s.simStart();
    if (this.what === 'notify-offline') s.services.notifyOffline();
    if (this.what === 'notify-online') s.services.notifyOnline();
    if (this.what === 'resume') s.services.notifyResume();
  }
  toString = () => `Connectivity(${this.what})`;
}

class Jump implements Cmd {
  constructor(
    readonly to:
      'next-second' | 'ten-minutes' | 'forty-minutes' | 'back-five-minutes' | 'before-midnight',
  ) {}
  check = () => true;
  async run(_m: Model, s: ModelSystem): Promise<void> {
    const time = timeOf(s);
    const now = time.clock.now();
    const next: Record<typeof this.to, number> = {
      'next-second': now + 1000,
      'ten-minutes': now + 600_000,
      'forty-minutes': now + 2_400_000, // past the 30-minute net-cancel window
      'back-five-minutes': now - 300_000, // the PC's clock corrected backwards
      'before-midnight': kstMidnight(kstDateTime(now).date) + 86_400_000 - 700, // 23:59:59.3 KST
    };
    time.set(next[this.to]);
  }
  toString = () => `Jump(${this.to})`;
}

// The system's simulator and time, kept beside it (one per file).
let sim: KiccSimulator;
let time: ReturnType<typeof createManualTime>;
const simOf = (_s: ModelSystem) => sim;
const timeOf = (_s: ModelSystem) => time;

const index = fc.integer({ min: 0, max: RECEIPTS - 1 });
const cancelArb = fc
  .tuple(index, fc.option(faultArb, { freq: 2 }), fc.constantFrom<1 | 2>(1, 1, 2), fc.boolean())
  .map(([i, f, clicks, same]) => new Cancel(i, f, clicks, same));
const commands = fc.commands(
  [
    cancelArb,
    cancelArb, // twice: requests are the point of the exercise
    fc
      .tuple(fc.constantFrom<'cancel' | 'netCancel'>('cancel', 'netCancel'), faultArb)
      .map(([e, f]) => new Fault(e, f)),
    fc.constant(new Drain()),
    fc.constant(new Restart()),
    fc.tuple(fc.option(index), fc.integer({ min: 0, max: 3 })).map(([i, t]) => new Crash(i, t)),
    fc
      .constantFrom('kicc-down', 'kicc-up', 'notify-offline', 'notify-online', 'resume' as const)
      .map((w) => new Connectivity(w as Connectivity['what'])),
    fc
      .constantFrom(
        'next-second',
        'ten-minutes',
        'forty-minutes',
        'back-five-minutes',
        'before-midnight' as const,
      )
      .map((t) => new Jump(t as Jump['to'])),
  ],
  { maxCommands: 24, size: '+1' },
);

describe('model-based: requests, double clicks, faults, restarts, flaps, clock jumps', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    time = createManualTime(T_START);
    sim = await startKiccSimulator({ seed: 11, clock: time.clock });
    dir = tempDir('engine-model-');
  });
  afterAll(async () => {
    await sim.close();
    dir.remove();
  });

  it(
    `holds the invariants over ${RUNS} random runs`,
    async () => {
      let run = 0;
      const stats = { cmds: 0, cancellations: 0, requests: 0 };
      await fc.assert(
        fc.asyncProperty(fc.integer(), commands, async (seed, cmds) => {
          run += 1;
          time.set(T_START);
          sim.reset();
          const system = createModelSystem(sim, time, dir.dir, run, seed);
          try {
            system.addReceipts(RECEIPTS);
            await fc.asyncModelRun(
              () => ({
                model: { live: new Set<number>(), uncertain: new Set<number>() },
                real: system,
              }),
              cmds,
            );
            await system.settle();
            system.checkInvariants();
            if (process.env.ENGINE_MODEL_STATS) {
              stats.cmds += [...cmds].length;
              stats.cancellations += system.services.ledger.cancellations.count({});
              stats.requests += sim.ledger.requests().length;
            }
          } finally {
            await system.dispose();
          }
        }),
        { numRuns: RUNS },
      );
      if (process.env.ENGINE_MODEL_STATS) console.log('model stats', stats);
    },
    Math.max(900_000, RUNS * 200),
  );
});
