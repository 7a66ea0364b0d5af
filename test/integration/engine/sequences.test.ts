import { afterEach, describe, expect, it } from 'vitest';
import { createKiccClient } from '../../../electron/kicc/client';
import type { KiccSimulatorOptions } from '../../../electron/kicc/simulator/server';
import { createManualTime, type ManualTime } from '../../../electron/queue/scheduler';
import type { ServicesConfig } from '../../../electron/services';
import { kstDateTime, kstMidnight } from '../../../shared/kicc/time';
import type { CancelRequest } from '../../../shared/kicc/types';
import { cancelOf, kicc } from '../../unit/simulator/sim-http';
import { faultyDisk } from '../../unit/ledger/diskFaults';
import { createWorld, type World } from './world';

/**
 * Issue 9's ten numbered sequences, each as it was found (a payments reviewer's script against
 * a KICC that reads one [A] otherwise), each named after its number. Every one of them ended
 * with money lost or a cashier told the wrong thing on the engine this issue started from.
 */
const MINUTE = 60_000;
const DAY = 86_400_000;
/** 2024-03-10 12:00 KST */
const NOON = Date.UTC(2024, 2, 10, 3, 0, 0);
const kstAt = (day: number, hh: number, mm: number, ss = 0): number =>
  kstMidnight(kstDateTime(day).date) + ((hh * 60 + mm) * 60 + ss) * 1000;

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

async function world(
  time: ManualTime,
  sim: KiccSimulatorOptions = {},
  services: Partial<ServicesConfig> = {},
): Promise<World> {
  w = await createWorld({ time, sim, services });
  return w;
}

function only(world: World) {
  const [c] = world.services.ledger.cancellations.list({ limit: 10, offset: 0 });
  if (c === undefined) throw new Error('no cancellation');
  return c;
}

async function requested(world: World, receiptId: string) {
  const result = await world.cancel(receiptId);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('1. An unknown code on reqCancel is a final, red "rejected"', () => {
  it('KICC\'s real "already cancelled" code, unknown to the app: amber needs_review with KICC\'s code and message, not rejected', async () => {
    const time = createManualTime(NOON);
    const x = await world(time, { profile: 'unknown-codes' });
    const r = x.receipt();
    const original = x.sim.ledger.original(r.vanTrxNo);
    if (original === undefined) throw new Error('no original');
    // the counter terminal cancelled it earlier
    await kicc(x.sim, 'cancel', cancelOf(original, NOON), NOON);

    const view = await requested(x, r.id);
    expect(view.state).toBe('needs_review');
    expect(view.rejection).toBeNull();
    const c = only(x);
    expect(c.note).toBe('unknown-code');
    expect(c.result).toMatchObject({ code: 'E102', message: '이미 취소된 거래' });
    // the receipt cannot be cancelled again, so no second refund follows
    const again = await x.cancel(r.id);
    expect(again.ok ? again.value.state : again.error.code).toBe('duplicate');
  });

  it('a code confirmed to mean "nothing happened" (here: by a manager in settings) is still a plain refusal', async () => {
    const time = createManualTime(NOON);
    const x = await world(time, { profile: 'unknown-codes' }, {});
    const r = x.receipt({ at: NOON - 50 * DAY }); // past the 45-day window: E104
    await x.restartWith({ kicc: { confirmedRefusalCodes: () => ['E104'] } });
    const view = await requested(x, r.id);
    expect(view.state).toBe('rejected');
    expect(view.rejection).toEqual({ respCd: 'E104', respMsg: '취소 가능 기간 경과' });
  });
});

describe('2. A refused redo after our own reversal is a plain "rejected"', () => {
  it('last day of the window, the answer lost at 23:59:50: no reversal across midnight, the refund stands', async () => {
    const lastDay = kstAt(NOON, 23, 59, 50);
    const time = createManualTime(lastDay);
    const x = await world(time);
    const r = x.receipt({ at: lastDay - 45 * DAY }); // approved 45 KST days ago: today is the last day
    x.sim.faults.inject({ endpoint: 'cancel', kind: 'commit-then-drop' });
    expect((await requested(x, r.id)).state).toBe('in_doubt');
    time.set(lastDay + MINUTE); // 00:00:50, the next KST day: a redo would get S004
    await x.settleInTime();

    const c = only(x);
    expect(c.state).toBe('cancelled');
    expect(c.note).toBe('verified-landed');
    expect(x.sim.ledger.netCancels()).toEqual([]);
    expect(x.sim.ledger.original(r.vanTrxNo)?.status).toBe('cancelled');
    // nothing was sent while a reversal would have been needed: one verification, after the window
    const checks = x.services.ledger.attempts
      .forCancellation(c.id)
      .filter((a) => a.kind === 'net-cancel');
    expect(checks).toHaveLength(1);
    expect(checks[0]?.sentAt).toBeGreaterThanOrEqual(lastDay + 30 * MINUTE);
  });
});

describe('2. The wait for the window, and "retry now"', () => {
  it('"retry now" and drains during the wait neither shorten it nor write it again in the audit log', async () => {
    const lastDay = kstAt(NOON, 23, 59, 50);
    const time = createManualTime(lastDay);
    const x = await world(time);
    const r = x.receipt({ at: lastDay - 45 * DAY });
    x.sim.faults.inject({ endpoint: 'cancel', kind: 'commit-then-drop' });
    expect((await requested(x, r.id)).state).toBe('in_doubt');
    const c = only(x);
    const [lost] = x.services.ledger.attempts.forCancellation(c.id);
    if (lost === undefined) throw new Error('no attempt');
    time.set(lastDay + MINUTE);
    for (let i = 0; i < 5; i += 1) {
      expect(x.services.retryNow().ok).toBe(true);
      await x.services.drain();
      time.advance(MINUTE);
    }
    const held = x.services.ledger.audit
      .forCancellation(c.id)
      .filter((e) => e.kind === 'verification.held-back');
    expect(held).toHaveLength(1);
    expect(held[0]?.detail).toMatchObject({ until: lost.sentAt + 41 * MINUTE });
    expect(x.services.ledger.cancellations.get(c.id)).toMatchObject({
      state: 'in_doubt',
      nextTryAt: lost.sentAt + 41 * MINUTE,
    });
    expect(x.sim.ledger.requests().filter((q) => q.endpoint === 'netCancel')).toEqual([]);

    await x.settleInTime();
    expect(x.services.ledger.cancellations.get(c.id)?.state).toBe('cancelled');
    // one verification, once the wait was over
    const checks = x.sim.ledger.requests().filter((q) => q.endpoint === 'netCancel');
    expect(checks).toHaveLength(1);
    expect(checks[0]?.receivedAt).toBeGreaterThanOrEqual(lost.sentAt + 41 * MINUTE);
  });
});

describe('2b. A reversal minutes before midnight, the redo refused for its date (found by a review, 2026-12-06)', () => {
  it("KICC's clock 4 minutes ahead checks tranDt: no reversal at 23:56:30, the refund that landed stands", async () => {
    const lost = kstAt(NOON, 23, 53);
    const time = createManualTime(lost);
    const x = await world(time, { profile: 'tranDt-today' });
    await x.restartWith({ kicc: { confirmedRefusalCodes: () => ['S008'] } }); // as training does
    const r = x.receipt({ at: NOON });
    x.sim.setClockOffset(4 * MINUTE); // KICC at 23:57: the lost request is accepted, on its day
    x.sim.faults.inject({ endpoint: 'cancel', kind: 'commit-then-drop' });
    expect((await requested(x, r.id)).state).toBe('in_doubt');
    // verified at 23:56:30 by the PC, 00:00:30 at KICC: a redo dated the PC's today is refused
    time.set(kstAt(NOON, 23, 56, 30));
    await x.settleInTime();

    const c = only(x);
    expect(c).toMatchObject({ state: 'cancelled', note: 'verified-landed' });
    expect(x.sim.ledger.netCancels()).toEqual([]);
    expect(x.sim.ledger.original(r.vanTrxNo)?.status).toBe('cancelled');
    const checks = x.services.ledger.attempts
      .forCancellation(c.id)
      .filter((a) => a.kind === 'net-cancel');
    expect(checks).toHaveLength(1);
    expect(checks[0]?.sentAt).toBeGreaterThanOrEqual(lost + 41 * MINUTE);
  });
});

describe('3. An endless cancel -> reverse -> cancel loop', () => {
  it.each<[string, KiccSimulatorOptions['profile']]>([
    ['an issuer slower than the read timeout', { issuer: 'slow', lateAnswerMs: 0 }],
    ['a 200 body the strict parser refuses', 'unparseable-200'],
  ])('%s: at most one reversal of ours, then it settles', async (_name, profile) => {
    const time = createManualTime(NOON);
    const x = await world(time, { profile });
    const r = x.receipt();
    await requested(x, r.id);
    await x.settleInTime(200 * MINUTE);

    const c = only(x);
    expect(['cancelled', 'needs_review']).toContain(c.state);
    expect(x.sim.ledger.netCancels().length).toBeLessThanOrEqual(1);
    expect(x.sim.ledger.cancellations().length).toBeLessThanOrEqual(2);
    expect(x.sim.ledger.cancellations().filter((k) => k.status === 'landed')).toHaveLength(1);
    if (c.state === 'cancelled')
      expect(x.sim.ledger.original(r.vanTrxNo)?.status).toBe('cancelled');
  });
});

describe('3. An endless cancel -> reverse -> cancel loop (refused requests, answers never seen)', () => {
  it('cancelled at the counter, every answer too late: a bounded number of reqCancels, then a manager', async () => {
    const time = createManualTime(NOON);
    const x = await world(time, { profile: { issuer: 'slow', lateAnswerMs: 0 } });
    const r = x.receipt();
    const original = x.sim.ledger.original(r.vanTrxNo);
    if (original === undefined) throw new Error('no original');
    x.sim.faults.inject({ endpoint: 'cancel', kind: 'delay', delayMs: 0, commit: true }); // on time
    await kicc(x.sim, 'cancel', cancelOf(original, NOON), NOON); // the counter terminal
    await requested(x, r.id);
    await x.settleInTime(24 * 60 * MINUTE);

    const c = only(x);
    expect(c).toMatchObject({ state: 'needs_review', note: 'unanswered-cancels' });
    const sent = x.services.ledger.attempts
      .forCancellation(c.id)
      .filter((a) => a.kind === 'cancel');
    expect(sent).toHaveLength(3);
    expect(x.sim.ledger.netCancels()).toEqual([]);
  });
});

describe('4. S007 after an unanswered reqRtran is read as "it stands"', () => {
  it('a KICC that checks its window first: S007 after our reversal went unanswered -> needs_review, not "cancelled"', async () => {
    const time = createManualTime(NOON);
    const x = await world(time, { profile: 'window-first' });
    const r = x.receipt();
    x.sim.faults.inject({ endpoint: 'cancel', kind: 'commit-then-drop' });
    expect((await requested(x, r.id)).state).toBe('in_doubt');
    x.sim.faults.inject({ endpoint: 'netCancel', kind: 'commit-then-drop' }); // reverses, answer lost
    await x.services.drain();
    expect(x.sim.ledger.original(r.vanTrxNo)?.status).toBe('approved');
    time.set(NOON + 40 * MINUTE); // 40 minutes offline
    await x.settleInTime();

    const c = only(x);
    expect(c.state).not.toBe('cancelled');
    expect(c.state).toBe('needs_review');
    expect(c.note).toBe('window-after-unanswered-reversal');
    expect(c.result).toMatchObject({ code: 'S007', message: '망취소 가능 시간 경과' });
  });
});

/**
 * Another transaction of the merchant takes our first number just before we send it (issue 9,
 * sequence 5): KICC's port for `x`, through a real client, that approves a foreign payment under
 * the first reqCancel's mercTrxNo, with its amounts, tranDt and tranTm. Restarting with the same
 * `first` again (a new port, the old one is closed) claims nothing more.
 */
async function foreignOwnerOfFirstNumber(
  x: World,
  time: ManualTime,
  first = { claimed: false },
): Promise<void> {
  const client = createKiccClient({
    baseUrl: x.sim.url,
    credentials: () => x.sim.credentials,
    clock: time.clock,
  });
  await x.restartWith({
    kiccPort: {
      cancel: (req: CancelRequest) => {
        if (!first.claimed) {
          first.claimed = true;
          const { mercTrxNo, trxAmt, vatAmt, svcAmt, alotMonth, tranDt, tranTm } = req;
          x.sim.approve({
            mercTrxNo,
            trxAmt,
            vatAmt,
            svcAmt,
            alotMonth,
            tranDt,
            tranTm,
            foreign: true,
          });
        }
        return client.cancel(req);
      },
      netCancel: (req) => client.netCancel(req),
      close: () => client.close(),
    },
  });
}

/** The foreign payment is untouched, ours cancelled once, under a second number of ours. */
function expectOnlyOursCancelled(x: World, vanTrxNo: string): void {
  const c = only(x);
  expect(c.state).toBe('cancelled');
  expect(x.sim.ledger.netCancels()).toEqual([]);
  const foreign = x.sim.ledger.originals().filter((o) => o.foreign === true);
  expect(foreign.map((o) => o.status)).toEqual(['approved']);
  expect(x.sim.ledger.original(vanTrxNo)?.status).toBe('cancelled');
  const attempts = x.services.ledger.attempts.forCancellation(c.id);
  expect(attempts.map((a) => [a.kind, a.class, a.code])).toEqual([
    ['cancel', 'duplicate', 'S005'],
    ['cancel', 'ok', '0000'],
  ]);
  expect(attempts[1]?.mercTrxNo).not.toBe(attempts[0]?.mercTrxNo);
}

describe('5. S005 on the first send of a fresh mercTrxNo', () => {
  it('proves someone else owns the number: a fresh number, never a net-cancel of THEIR transaction', async () => {
    const time = createManualTime(NOON);
    const x = await world(time);
    await foreignOwnerOfFirstNumber(x, time);
    const r = x.receipt();
    await requested(x, r.id);
    await x.settleInTime();
    expectOnlyOursCancelled(x, r.vanTrxNo);
  });
});

/**
 * Found by a review on 2026-12-06: when the ledger refused S005's answer until it was handed to
 * the queue, the hand-back closed the attempt as an ordinary doubt, and the verification sent a
 * reqRtran on the number another transaction owns.
 */
describe('5b. An S005 whose answer the ledger could not write is verified on THEIR number', () => {
  async function s005NotWritten(time: ManualTime, approvedAt = NOON) {
    const faulty = faultyDisk();
    const x = await world(time, {}, { openLedger: faulty.openLedger });
    await foreignOwnerOfFirstNumber(x, time);
    const disk = faulty.disk();
    const r = x.receipt({ at: approvedAt });
    disk.failWhile('writeSoon'); // every answer write (group commit) refused; small writes pass
    const result = await x.cancel(r.id);
    expect(result.ok).toBe(true);
    await x.services.drain();
    time.advance(10_000);
    await x.services.drain(); // the kept answer refused once more: handed to the queue
    const handed = only(x);
    expect(handed.state).toBe('queued');
    expect(handed.openAttemptId).toBeNull();
    const [taken] = x.services.ledger.attempts.forCancellation(handed.id);
    expect(taken).toMatchObject({ class: 'duplicate', code: 'S005', error: 'answer-not-recorded' });
    disk.heal();
    await x.settleInTime();
    return { x, r };
  }

  it('inside the net-cancel window: a fresh number, their payment is not reversed', async () => {
    const { x, r } = await s005NotWritten(createManualTime(NOON));
    expectOnlyOursCancelled(x, r.vanTrxNo);
  });

  it('a graceful restart with the S005 still in memory: handed over as the duplicate it is', async () => {
    const time = createManualTime(NOON);
    const faulty = faultyDisk();
    const x = await world(time, {}, { openLedger: faulty.openLedger });
    const first = { claimed: false };
    await foreignOwnerOfFirstNumber(x, time, first);
    const r = x.receipt();
    faulty.disk().failNext('writeSoon', 3); // the answer's three tries refused: kept in memory
    const result = await x.cancel(r.id);
    expect(result.ok && result.value.state).toBe('sending');
    await foreignOwnerOfFirstNumber(x, time, first); // a restart: close() hands the answer over
    expect(only(x)).toMatchObject({ state: 'queued', openAttemptId: null });
    await x.settleInTime();
    expectOnlyOursCancelled(x, r.vanTrxNo);
  });

  it('an original near the end of its cancel window (reversal held back): never "cancelled" on THEIR S007', async () => {
    const { x, r } = await s005NotWritten(createManualTime(NOON), NOON - 44 * DAY);
    expectOnlyOursCancelled(x, r.vanTrxNo);
  });
});

describe("6. KICC's answer is lost when the ledger write fails", () => {
  it('SQLITE_FULL on the answer write: the cashier sees amber, never an error; the answer is written from memory, no restart, no reversal', async () => {
    const time = createManualTime(NOON);
    const faulty = faultyDisk();
    const x = await world(time, {}, { openLedger: faulty.openLedger });
    const disk = faulty.disk();
    const r = x.receipt();
    disk.failNext('writeSoon', 3);
    const result = await x.cancel(r.id);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(['sending', 'in_doubt']).toContain(result.value.state);
    await x.settleInTime();

    const c = only(x);
    expect(c.state).toBe('cancelled');
    expect(c.note).toBeNull();
    expect(x.sim.ledger.netCancels()).toEqual([]);
    expect(x.services.ledger.attempts.sending()).toEqual([]);
  });

  it('a write that keeps failing: handed to the queue as in_doubt without a restart, then verified', async () => {
    const time = createManualTime(NOON);
    const faulty = faultyDisk();
    const x = await world(time, {}, { openLedger: faulty.openLedger });
    const disk = faulty.disk();
    const r = x.receipt();
    disk.failWhile('writeSoon');
    const result = await x.cancel(r.id);
    expect(result.ok).toBe(true);
    await x.services.drain();
    time.advance(10_000);
    await x.services.drain();
    expect(only(x).state).toBe('in_doubt');
    const [lost] = x.services.ledger.attempts.forCancellation(only(x).id);
    expect(lost).toMatchObject({ state: 'failed', class: 'in-doubt', code: '0000' });
    expect(lost?.error).toBe('answer-not-recorded');
    disk.heal();
    await x.settleInTime();
    const c = only(x);
    // KICC had said 0000: verified after the window, so the refund it made is never reversed
    expect(c).toMatchObject({ state: 'cancelled', note: 'verified-landed' });
    expect(x.sim.ledger.netCancels()).toEqual([]);
    expect(x.sim.ledger.cancellations().filter((k) => k.status === 'landed')).toHaveLength(1);
  });
});

describe('7. No overall time limit on one exchange', () => {
  it('one byte every 100 ms does not keep the cancellation "sending": it is in doubt at the deadline, and close() returns', async () => {
    const { startTrickleStub } = await import('../kicc-client/stub-servers');
    const stub = await startTrickleStub(100);
    const time = createManualTime(NOON);
    const x = await world(time, {}, {});
    await x.restartWith({
      kicc: {
        baseUrl: stub.url,
        credentials: () => x.sim.credentials,
        connectTimeoutMs: 500,
        readTimeoutMs: 1000,
        exchangeDeadlineMs: 1500,
      },
    });
    const r = x.receipt();
    const started = Date.now();
    const result = await x.cancel(r.id);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.ok && result.value.state).toBe('in_doubt');
    const closing = x.services.close();
    await expect(closing).resolves.toBeUndefined();
    await stub.close();
  });
});

describe('9. A queued (proven not sent) request resent after midnight keeps the old tranDt/tranTm', () => {
  it("a KICC that checks tranDt: the resend on the new day carries a new number and the new day's date", async () => {
    const late = kstAt(NOON, 23, 59, 50);
    const time = createManualTime(late);
    const x = await world(time, { profile: 'tranDt-today' });
    const r = x.receipt();
    await x.sim.stop(); // connection refused: provably not sent
    expect((await requested(x, r.id)).state).toBe('queued');
    time.set(late + MINUTE); // 00:00:50 the next day
    await x.sim.restart();
    await x.settleInTime();

    const c = only(x);
    expect(c.state).toBe('cancelled');
    const [first, resent] = x.services.ledger.attempts.forCancellation(c.id);
    const body = JSON.parse(resent?.body ?? '{}') as CancelRequest;
    expect(body.tranDt).toBe(kstDateTime(late + MINUTE).date);
    expect(resent?.mercTrxNo).not.toBe(first?.mercTrxNo);
    expect(resent?.repeatsAttemptId).toBeNull();
  });
});

/**
 * 9b and 9d: 23:59:58 under `tranDt-today` (S008 confirmed, as training does), the payment
 * already cancelled at the counter terminal, and KICC's clock 5 s ahead: its day has turned.
 */
async function cancelledAtCounterBeforeMidnight() {
  const late = kstAt(NOON, 23, 59, 58);
  const time = createManualTime(late);
  const x = await world(time, { profile: 'tranDt-today' });
  await x.restartWith({ kicc: { confirmedRefusalCodes: () => ['S008'] } });
  const r = x.receipt({ at: NOON });
  const original = x.sim.ledger.original(r.vanTrxNo);
  if (original === undefined) throw new Error('no original');
  await kicc(x.sim, 'cancel', cancelOf(original, late), late); // the counter terminal
  x.sim.setClockOffset(5000);
  return { late, time, x, r };
}

describe('9b. A refusal at midnight read as "not refunded" (found by the soak of 2026-12-05)', () => {
  it('KICC checks tranDt before "already cancelled": the payment cancelled at the counter, ours refused for its date -> sent again on the new day -> cancelled, never rejected', async () => {
    const { late, x, r } = await cancelledAtCounterBeforeMidnight();

    const view = await requested(x, r.id);
    expect(view.state).toBe('queued'); // amber, not the red "취소 거절"
    const [refused] = x.services.ledger.attempts.forCancellation(only(x).id);
    expect(refused).toMatchObject({ class: 'rejected', code: 'S008' });
    expect(only(x).nextTryAt).toBe(kstMidnight(kstDateTime(late + DAY).date) + 5 * MINUTE);

    x.sim.setClockOffset(0);
    await x.services.drain(); // "retry now" before the day has turned: nothing is sent
    expect(x.services.ledger.attempts.forCancellation(only(x).id)).toHaveLength(1);
    await x.settleInTime();
    const c = only(x);
    expect(c).toMatchObject({ state: 'cancelled', note: 'stood-earlier' });
    const [, resent] = x.services.ledger.attempts.forCancellation(c.id);
    const body = JSON.parse(resent?.body ?? '{}') as CancelRequest;
    expect(body.tranDt).toBe(kstDateTime(late + DAY).date);
    expect(resent?.mercTrxNo).not.toBe(refused?.mercTrxNo);
    expect(x.services.ledger.attempts.forCancellation(c.id)).toHaveLength(2);
  });
});

describe("9c. A refusal just after midnight by a PC clock ahead of KICC's (found by the model, 2026-12-05)", () => {
  it("the PC 4.5 minutes ahead at 00:02: KICC, still on yesterday, refuses today's tranDt -> queued until 00:05, then cancelled, never rejected", async () => {
    const early = kstAt(NOON + DAY, 0, 2);
    const time = createManualTime(early);
    const x = await world(time, { profile: 'tranDt-today' });
    await x.restartWith({ kicc: { confirmedRefusalCodes: () => ['S008'] } }); // as training does
    const r = x.receipt({ at: NOON });
    x.sim.setClockOffset(-4.5 * MINUTE); // KICC's clock 4.5 minutes behind: 23:57:30 yesterday

    const view = await requested(x, r.id);
    expect(view.state).toBe('queued'); // amber, not the red "취소 거절"
    const [refused] = x.services.ledger.attempts.forCancellation(only(x).id);
    expect(refused).toMatchObject({ class: 'rejected', code: 'S008' });
    expect(only(x).nextTryAt).toBe(kstAt(NOON + DAY, 0, 5));

    await x.settleInTime();
    const c = only(x);
    expect(c.state).toBe('cancelled');
    const attempts = x.services.ledger.attempts.forCancellation(c.id);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]?.sentAt).toBeGreaterThanOrEqual(kstAt(NOON + DAY, 0, 5));
    expect(attempts[1]?.mercTrxNo).not.toBe(refused?.mercTrxNo);
    expect(x.sim.ledger.original(r.vanTrxNo)?.status).toBe('cancelled');
  });
});

describe('9d. The resend of a midnight refusal refused at the next midnight (found by the model, 2026-12-06, seed -236012147)', () => {
  it('the app closed for the day: the resend goes at 23:59:58 the next day and KICC refuses its date again -> queued again, then cancelled, never rejected', async () => {
    const { late, time, x, r } = await cancelledAtCounterBeforeMidnight();

    expect((await requested(x, r.id)).state).toBe('queued');
    // The app is closed until 23:59:58 the next day: the resend goes at that midnight's edge.
    time.set(late + DAY);
    await x.services.drain();
    const c = only(x);
    expect(c.state).toBe('queued'); // amber again: KICC refused the date, not the payment
    const attempts = x.services.ledger.attempts.forCancellation(c.id);
    expect(attempts.map((a) => [a.class, a.code])).toEqual([
      ['rejected', 'S008'],
      ['rejected', 'S008'],
    ]);
    expect(c.nextTryAt).toBe(kstMidnight(kstDateTime(late + 2 * DAY).date) + 5 * MINUTE);

    x.sim.setClockOffset(0);
    await x.settleInTime();
    expect(only(x)).toMatchObject({ state: 'cancelled', note: 'stood-earlier' });
    expect(x.services.ledger.attempts.forCancellation(c.id)).toHaveLength(3);
  });
});

describe('10. A PC clock more than 5 minutes off looks like wrong credentials', () => {
  it("KICC's Date header 7 minutes away: the queue pauses for the CLOCK, and says how to fix it", async () => {
    const time = createManualTime(NOON);
    const x = await world(time, { profile: 'clock-skew' });
    const r = x.receipt();
    expect((await requested(x, r.id)).state).toBe('queued');
    const status = x.services.queueStatus();
    expect(status.ok && status.value.summary.pausedReason).toBe('clock-skew');
    const [attempt] = x.services.ledger.attempts.forCancellation(only(x).id);
    expect(attempt?.message).toMatch(/clock/i);
    expect(attempt?.message).toMatch(/7 minutes/);

    x.sim.setClockOffset(0); // Windows time synchronised
    x.services.retryNow();
    await x.settleInTime();
    expect(only(x).state).toBe('cancelled');
  });
});

describe('11. A held-back verification timed by a PC clock corrected forward (found by the model, 2026-12-05)', () => {
  it("the PC 4.5 minutes slow at the send and 4.5 fast at the verification: the reqRtran waits until KICC's window is surely over, and reverses nothing", async () => {
    const time = createManualTime(NOON);
    const x = await world(time);
    const r = x.receipt({ at: NOON - 43 * DAY }); // 2 days of its window left: no redo is safe
    x.sim.setClockOffset(4.5 * MINUTE); // KICC's clock 4.5 minutes ahead of the PC's
    x.sim.faults.inject({ endpoint: 'cancel', kind: 'commit-then-drop' });
    expect((await requested(x, r.id)).state).toBe('in_doubt');
    const [lost] = x.services.ledger.attempts.forCancellation(only(x).id);
    if (lost === undefined) throw new Error('no attempt');
    // Windows time sync corrects the PC 9 minutes forward: now 4.5 minutes ahead of KICC's
    time.set(time.clock.now() + 9 * MINUTE);
    x.sim.setClockOffset(-4.5 * MINUTE);
    await x.settleInTime();

    const c = only(x);
    expect(c).toMatchObject({ state: 'cancelled', note: 'verified-landed' });
    expect(x.sim.ledger.netCancels()).toEqual([]); // KICC's minute 27 would have reversed it
    expect(x.sim.ledger.cancellations()).toHaveLength(1);
    const checks = x.services.ledger.attempts
      .forCancellation(c.id)
      .filter((a) => a.kind === 'net-cancel');
    expect(checks).toHaveLength(1);
    // 30 minutes of KICC's window, twice the 5 minutes the clocks may differ, and a margin
    expect(checks[0]?.sentAt).toBe(lost.sentAt + 41 * MINUTE);
  });
});
