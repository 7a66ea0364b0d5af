import { afterEach, expect, it } from 'vitest';
import type { Cancellation } from '../../../shared/contract';
import { auditDetails } from '../../../electron/audit/log';
import { createManualTime, type ManualTime } from '../../../electron/queue/scheduler';
import { END_OF_DAY_PRINTED } from '../../../electron/reports/close-record';
import { cancelRequestFor, createWorld } from './world';
import type { StoreOpsWorld } from './world';

/**
 * A manager's record changed on a later day (found by a review, 2026-12-06): day D's paper
 * counted an item as not refunded; on D+1 the manager reopened it and recorded "cancelled". That
 * refund was on no paper: every close skipped it as "counted on another day's paper". It is now
 * counted on the close of the day that settled it, under its new outcome; one that keeps its
 * outcome is still counted once.
 */
const KST = 9 * 3_600_000;
const at = (day: string, hh: number) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)), hh) - KST;
const D = '20240310';
const D1 = '20240311';
const D2 = '20240312';
const HOUR = 3_600_000;

let w: StoreOpsWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

async function printed(world: StoreOpsWorld, time: ManualTime, day: string) {
  time.set(at(day, 23));
  await world.stack.becomeManager();
  expect(await world.stack.call('reports.printEndOfDay', { from: day })).toMatchObject({
    ok: true,
  });
  const row = world.services.ledger.audit.list({ kind: END_OF_DAY_PRINTED }).at(-1);
  return auditDetails(row!) as { refunded: string[]; notRefunded: string[] };
}

type Outcome = 'cancelled' | 'not-cancelled';

/**
 * A 40,000 cancellation whose answer was lost (`fault`), handed to the manager on day D, who
 * records `first` at 14:00; D's paper is printed at 23:00 (its record returned).
 */
async function recordedOnD(first: Outcome, fault: 'commit-then-drop' | 'drop-before-commit') {
  const time = createManualTime(at(D, 10));
  const world = (w = await createWorld({
    clock: time.clock,
    verificationDeadlineMs: HOUR,
    cashierMaxAmount: 10_000_000,
  }));
  const receipt = await world.receipt({ trxAmt: 40_000 });
  world.sim.faults.inject({ endpoint: 'cancel', kind: fault });
  const answer = await world.stack.call('cancellations.request', cancelRequestFor(receipt));
  if (!answer.ok) throw new Error(answer.error.code);
  time.set(at(D, 13));
  await world.services.drain();
  const id = (answer.value as Cancellation).id;
  expect(world.services.ledger.cancellations.get(Number(id))?.state).toBe('needs_review');
  time.set(at(D, 14));
  await world.stack.becomeManager();
  expect(
    await world.stack.call('review.resolve', { id, outcome: first, note: '첫 기록' }),
  ).toMatchObject({ ok: true });
  return { world, time, id, paperD: await printed(world, time, D) };
}

/** On D+1 at 10:00 the manager reopens it and records `then`; D+1's paper is printed. */
async function recordedAgainOnD1(
  world: StoreOpsWorld,
  time: ManualTime,
  id: string,
  then: Outcome,
) {
  time.set(at(D1, 10));
  await world.stack.becomeManager();
  expect(await world.stack.call('review.reopen', { id, reason: '포털 다시 확인' })).toMatchObject({
    ok: true,
  });
  expect(
    await world.stack.call('review.resolve', { id, outcome: then, note: '포털: 다시 확인함' }),
  ).toMatchObject({ ok: true, value: { state: then === 'cancelled' ? 'cancelled' : 'rejected' } });
  return printed(world, time, D1);
}

it('"not refunded" printed on D, reopened and recorded "cancelled" on D+1: the refund is on D+1\'s paper, once', async () => {
  const { world, time, id, paperD } = await recordedOnD('not-cancelled', 'commit-then-drop');
  expect(paperD.notRefunded).toContain(id);
  const d1 = await recordedAgainOnD1(world, time, id, 'cancelled');
  expect(world.sim.ledger.cancellations().filter((c) => c.status === 'landed')).toHaveLength(1);
  expect(d1.refunded).toEqual([id]);
  expect(d1.notRefunded).toEqual([]);
  // and never again on a later day
  expect((await printed(world, time, D2)).refunded).toEqual([]);
});

it('recorded again with the same outcome on a later day: not counted a second time', async () => {
  const { world, time, id, paperD } = await recordedOnD('cancelled', 'commit-then-drop');
  expect(paperD.refunded).toEqual([id]);
  const d1 = await recordedAgainOnD1(world, time, id, 'cancelled');
  expect(d1.refunded).toEqual([]);
  expect(d1.notRefunded).toEqual([]);
});

it('a refund printed on D and withdrawn on D+1 (reopened, "not cancelled"): D+1\'s paper counts it not refunded', async () => {
  const { world, time, id, paperD } = await recordedOnD('cancelled', 'drop-before-commit');
  expect(paperD.refunded).toEqual([id]);
  const d1 = await recordedAgainOnD1(world, time, id, 'not-cancelled');
  expect(world.sim.ledger.cancellations().filter((c) => c.status === 'landed')).toHaveLength(0);
  expect(d1.refunded).toEqual([]);
  expect(d1.notRefunded).toEqual([id]);
});
