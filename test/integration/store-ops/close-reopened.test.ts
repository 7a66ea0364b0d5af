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

/** A 40,000 cancellation whose answer was lost (`fault`), to a manager on day D. */
async function handedOver(
  world: StoreOpsWorld,
  time: ManualTime,
  fault: 'commit-then-drop' | 'drop-before-commit' = 'commit-then-drop',
): Promise<string> {
  const receipt = await world.receipt({ trxAmt: 40_000 });
  world.sim.faults.inject({ endpoint: 'cancel', kind: fault });
  const answer = await world.stack.call('cancellations.request', cancelRequestFor(receipt));
  if (!answer.ok) throw new Error(answer.error.code);
  time.set(at(D, 13));
  await world.services.drain();
  const id = (answer.value as Cancellation).id;
  expect(world.services.ledger.cancellations.get(Number(id))?.state).toBe('needs_review');
  return id;
}

it('"not refunded" printed on D, reopened and recorded "cancelled" on D+1: the refund is on D+1\'s paper, once', async () => {
  const time = createManualTime(at(D, 10));
  const world = (w = await createWorld({
    clock: time.clock,
    verificationDeadlineMs: HOUR,
    cashierMaxAmount: 10_000_000,
  }));
  const id = await handedOver(world, time);
  time.set(at(D, 14));
  await world.stack.becomeManager();
  expect(
    await world.stack.call('review.resolve', { id, outcome: 'not-cancelled', note: '잘못 봄' }),
  ).toMatchObject({ ok: true, value: { state: 'rejected' } });
  expect((await printed(world, time, D)).notRefunded).toContain(id);

  time.set(at(D1, 10));
  await world.stack.becomeManager();
  expect(await world.stack.call('review.reopen', { id, reason: '포털에 취소 있음' })).toMatchObject(
    { ok: true },
  );
  expect(
    await world.stack.call('review.resolve', { id, outcome: 'cancelled', note: '포털: 취소 확인' }),
  ).toMatchObject({ ok: true, value: { state: 'cancelled' } });
  expect(world.sim.ledger.cancellations().filter((c) => c.status === 'landed')).toHaveLength(1);

  const d1 = await printed(world, time, D1);
  expect(d1.refunded).toEqual([id]);
  expect(d1.notRefunded).toEqual([]);
  // and never again on a later day
  expect((await printed(world, time, D2)).refunded).toEqual([]);
});

it('recorded again with the same outcome on a later day: not counted a second time', async () => {
  const time = createManualTime(at(D, 10));
  const world = (w = await createWorld({
    clock: time.clock,
    verificationDeadlineMs: HOUR,
    cashierMaxAmount: 10_000_000,
  }));
  const id = await handedOver(world, time);
  time.set(at(D, 14));
  await world.stack.becomeManager();
  await world.stack.call('review.resolve', { id, outcome: 'cancelled', note: '포털: 취소 확인' });
  expect((await printed(world, time, D)).refunded).toEqual([id]);

  time.set(at(D1, 10));
  await world.stack.becomeManager();
  expect(await world.stack.call('review.reopen', { id, reason: '다시 확인' })).toMatchObject({
    ok: true,
  });
  expect(
    await world.stack.call('review.resolve', { id, outcome: 'cancelled', note: '포털: 취소 맞음' }),
  ).toMatchObject({ ok: true });
  const d1 = await printed(world, time, D1);
  expect(d1.refunded).toEqual([]);
  expect(d1.notRefunded).toEqual([]);
});

it('a refund printed on D and withdrawn on D+1 (reopened, "not cancelled"): D+1\'s paper counts it not refunded', async () => {
  const time = createManualTime(at(D, 10));
  const world = (w = await createWorld({
    clock: time.clock,
    verificationDeadlineMs: HOUR,
    cashierMaxAmount: 10_000_000,
  }));
  const id = await handedOver(world, time, 'drop-before-commit');
  time.set(at(D, 14));
  await world.stack.becomeManager();
  await world.stack.call('review.resolve', { id, outcome: 'cancelled', note: '잘못 봄' });
  expect((await printed(world, time, D)).refunded).toEqual([id]);

  time.set(at(D1, 10));
  await world.stack.becomeManager();
  await world.stack.call('review.reopen', { id, reason: '포털에 취소 없음' });
  expect(
    await world.stack.call('review.resolve', {
      id,
      outcome: 'not-cancelled',
      note: '포털: 승인 유지',
    }),
  ).toMatchObject({ ok: true, value: { state: 'rejected' } });
  expect(world.sim.ledger.cancellations().filter((c) => c.status === 'landed')).toHaveLength(0);
  const d1 = await printed(world, time, D1);
  expect(d1.refunded).toEqual([]);
  expect(d1.notRefunded).toEqual([id]);
});
