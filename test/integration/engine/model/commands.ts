import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  FAULT_COMMIT,
  FAULT_KINDS as ALL_FAULT_KINDS,
  type FaultKind,
} from '../../../../electron/kicc/simulator/faults';
import { SKEWED_CLOCK_MS, type KiccProfile } from '../../../../electron/kicc/simulator/profiles';
import { kstDateTime, kstMidnight } from '../../../../shared/kicc/time';
import { cancelOf, signed } from '../../../unit/simulator/sim-http';
import type { ModelSystem } from './system';

/**
 * The model's commands: cancellation requests (with a fault, single or double click, same or
 * new clientRequestId), faults on either endpoint, drains, restarts, crashes (mid-request or
 * mid-drain), KICC down/up, the shell's connectivity signals, time passing (across midnight, past
 * the net-cancel window), the PC's clock alone corrected 5 minutes either way (KICC's never goes
 * back), another terminal cancelling the same payment, and under the clock-skew profile the PC's
 * clock going wrong and right. Every command ends by checking the rule against the simulator's
 * books (./invariants.ts).
 */
export const RECEIPTS = 3;

export interface Model {
  /** receipts the model knows have a live cancellation */
  live: Set<number>;
  /** a request was cut by a crash: the ledger decides whether it exists */
  uncertain: Set<number>;
}
type Cmd = fc.AsyncCommand<Model, ModelSystem>;

/** every fault but 'delay' (undici's read timeout has ~1 s resolution: the fault matrix has it) */
const FAULT_KINDS = ALL_FAULT_KINDS.filter((kind) => kind !== 'delay');
const faultArb = fc.record({ kind: fc.constantFrom(...FAULT_KINDS), commit: fc.boolean() });
const spec = (f: { kind: FaultKind; commit: boolean }) =>
  FAULT_COMMIT[f.kind].fixed ? { kind: f.kind } : f;

function reconcile(m: Model, s: ModelSystem, index: number): void {
  if (!m.uncertain.has(index)) return;
  m.uncertain.delete(index);
  if (s.hasLive(index)) m.live.add(index);
}

abstract class Step implements Cmd {
  check = () => true;
  abstract act(m: Model, s: ModelSystem): Promise<void>;
  async run(m: Model, s: ModelSystem): Promise<void> {
    await this.act(m, s);
    s.checkStep();
  }
}

class Cancel extends Step {
  constructor(
    readonly index: number,
    readonly fault: { kind: FaultKind; commit: boolean } | null,
    readonly clicks: 1 | 2,
    readonly sameClientId: boolean,
  ) {
    super();
  }
  async act(m: Model, s: ModelSystem): Promise<void> {
    reconcile(m, s, this.index);
    if (this.fault !== null) s.sim.faults.inject({ endpoint: 'cancel', ...spec(this.fault) });
    const clientId = randomUUID();
    const calls = Array.from({ length: this.clicks }, () =>
      s.request(this.index, this.sameClientId ? clientId : randomUUID()),
    );
    const results = await Promise.all(calls);
    const oks = results.filter((r) => r.ok);
    for (const r of results) {
      if (!r.ok) expect(r.error.code).toBe('duplicate');
    }
    if (m.live.has(this.index)) {
      expect(oks, 'a receipt with a live cancellation is refused').toHaveLength(0);
      return;
    }
    // every original of the model can be cancelled: "not refunded" is never right here
    for (const r of oks) expect(r.ok && r.value.state).not.toBe('rejected');
    // one cancellation: a double click makes one, or the same one twice (same clientRequestId)
    expect(oks.length).toBeGreaterThanOrEqual(1);
    expect(new Set(oks.map((r) => (r.ok ? r.value.id : ''))).size).toBe(1);
    if (!this.sameClientId) expect(oks).toHaveLength(1);
    m.live.add(this.index);
    s.accepted.add(this.index);
  }
  override toString = () =>
    `Cancel(${this.index}, ${this.fault ? `${this.fault.kind}/${this.fault.commit}` : '-'}, x${this.clicks}${this.sameClientId ? ' same id' : ''})`;
}

class Fault extends Step {
  constructor(
    readonly endpoint: 'cancel' | 'netCancel',
    readonly fault: { kind: FaultKind; commit: boolean },
  ) {
    super();
  }
  async act(_m: Model, s: ModelSystem): Promise<void> {
    s.sim.faults.inject({ endpoint: this.endpoint, ...spec(this.fault) });
  }
  override toString = () => `Fault(${this.endpoint}, ${this.fault.kind}/${this.fault.commit})`;
}

class Drain extends Step {
  async act(_m: Model, s: ModelSystem): Promise<void> {
    await s.services.drain();
  }
  override toString = () => 'Drain';
}

class Restart extends Step {
  async act(_m: Model, s: ModelSystem): Promise<void> {
    await s.restart();
  }
  override toString = () => 'Restart';
}

/** kill -9 while a request (or the queue) is on the wire, after 0..3 turns of the event loop. */
class Crash extends Step {
  constructor(
    readonly index: number | null,
    readonly ticks: number,
  ) {
    super();
  }
  async act(m: Model, s: ModelSystem): Promise<void> {
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
  override toString = () => `Crash(${this.index ?? 'queue'}, ${this.ticks} ticks)`;
}

class Connectivity extends Step {
  constructor(
    readonly what: 'kicc-down' | 'kicc-up' | 'notify-offline' | 'notify-online' | 'resume',
  ) {
    super();
  }
  async act(_m: Model, s: ModelSystem): Promise<void> {
    if (this.what === 'kicc-down' && !s.isSimDown()) await s.simStop();
    if (this.what === 'kicc-up' && s.isSimDown()) await s.simStart();
    if (this.what === 'notify-offline') s.services.notifyOffline();
    if (this.what === 'notify-online') s.services.notifyOnline();
    if (this.what === 'resume') s.services.notifyResume();
  }
  override toString = () => `Connectivity(${this.what})`;
}

type JumpTo =
  | 'next-second'
  | 'ten-minutes'
  | 'forty-minutes'
  | 'back-five-minutes'
  | 'forward-five-minutes'
  | 'before-midnight';

type PcCorrection = 'back-five-minutes' | 'forward-five-minutes';
/** The PC's clock alone, corrected by so many ms (KICC's clock does not move). */
const PC_CORRECTIONS: Record<PcCorrection, number> = {
  'back-five-minutes': -300_000,
  'forward-five-minutes': 300_000,
};

class Jump extends Step {
  constructor(readonly to: JumpTo) {
    super();
  }
  async act(_m: Model, s: ModelSystem): Promise<void> {
    if (this.to === 'back-five-minutes' || this.to === 'forward-five-minutes') {
      // the PC's clock corrected either way; past 5 minutes off, KICC answers 401 to everything
      s.setPcClockOffset(s.sim.clockOffsetMs - PC_CORRECTIONS[this.to]);
      return;
    }
    const now = s.time.clock.now();
    const next: Record<Exclude<JumpTo, PcCorrection>, number> = {
      'next-second': now + 1000,
      'ten-minutes': now + 600_000,
      'forty-minutes': now + 2_400_000, // past the 30-minute net-cancel window
      'before-midnight': kstMidnight(kstDateTime(now).date) + 86_400_000 - 700, // 23:59:59.3 KST
    };
    s.time.set(next[this.to]);
  }
  override toString = () => `Jump(${this.to})`;
}

let elsewhereSeq = 0;

/**
 * Another terminal of the store cancels the same payment at KICC (the counter terminal): the
 * app must then never say "not refunded" for it (issue 9, sequence 1).
 */
class CancelElsewhere extends Step {
  constructor(readonly index: number) {
    super();
  }
  async act(_m: Model, s: ModelSystem): Promise<void> {
    const r = s.receipts[this.index];
    const original = r === undefined ? undefined : s.sim.ledger.original(r.vanTrxNo);
    if (original === undefined || s.isSimDown()) return;
    elsewhereSeq += 1;
    const now = s.time.clock.now();
    const mercTrxNo = `ELSE${String(elsewhereSeq).padStart(12, '0')}`;
    s.books.elsewhere.add(mercTrxNo);
    const body = JSON.stringify(cancelOf(original, now, { mercTrxNo }));
    await signed(s.sim, 'cancel', body, now);
  }
  override toString = () => `CancelElsewhere(${this.index})`;
}

/** The PC's clock goes wrong (KICC's is 7 minutes away: every request 401) or right again. */
class PcClock extends Step {
  constructor(readonly wrong: boolean) {
    super();
  }
  async act(_m: Model, s: ModelSystem): Promise<void> {
    s.setPcClockOffset(this.wrong ? SKEWED_CLOCK_MS : 0);
  }
  override toString = () => `PcClock(${this.wrong ? 'wrong' : 'right'})`;
}

const index = fc.integer({ min: 0, max: RECEIPTS - 1 });
const cancelArb = fc
  .tuple(index, fc.option(faultArb, { freq: 2 }), fc.constantFrom<1 | 2>(1, 1, 2), fc.boolean())
  .map(([i, f, clicks, same]) => new Cancel(i, f, clicks, same));

export function modelCommands(profile: KiccProfile, maxCommands: number) {
  const arbs: fc.Arbitrary<Cmd>[] = [
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
      .constantFrom<JumpTo>(
        'next-second',
        'ten-minutes',
        'forty-minutes',
        'back-five-minutes',
        'forward-five-minutes',
        'before-midnight',
      )
      .map((t) => new Jump(t)),
    index.map((i) => new CancelElsewhere(i)),
  ];
  if (profile.clockOffsetMs !== 0) arbs.push(fc.boolean().map((wrong) => new PcClock(wrong)));
  return fc.commands(arbs, { maxCommands, size: '+1' });
}
