import { afterEach, describe, expect, it } from 'vitest';
import { recoverAfterRestart } from '../../../electron/cancellations/recovery';
import { openLedger, type Ledger } from '../../../electron/ledger/ledger';
import type { CancellationState } from '../../../electron/ledger/types';
import { sampleCancellation, sampleReceipt, tempLedger } from './tmpLedger';

/**
 * A restart after the process died mid-exchange (DESIGN.md: "process restart finds `sending`
 * -> in_doubt"). The ledger is closed without any finishing write and reopened from the file.
 */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const clock = { now: () => 50_000 };

function died(setup: (ledger: Ledger) => void): Ledger {
  const t = tempLedger();
  cleanups.push(t.remove);
  setup(t.ledger);
  t.ledger.close(); // no answer was ever recorded
  const reopened = openLedger(t.file);
  cleanups.unshift(() => reopened.close());
  return reopened;
}

function cancellation(ledger: Ledger, state: CancellationState): number {
  const r = ledger.receipts.insert(sampleReceipt(), 1);
  return ledger.cancellations.insert(sampleCancellation(r.id, state, r.vanTrxNo ?? ''), 1);
}

describe('restart after the process died', () => {
  it('an attempt found sending becomes in doubt, and so does its cancellation', () => {
    let id = 0;
    let attemptId = 0;
    const ledger = died((l) => {
      id = cancellation(l, 'sending');
      attemptId = l.attempts.begin({
        cancellationId: id,
        kind: 'cancel',
        mercTrxNo: 'M1',
        repeatsAttemptId: null,
        body: '{}',
        sentAt: 2,
      }).id;
      l.cancellations.update(id, { openAttemptId: attemptId }, 2);
    });
    const report = recoverAfterRestart(ledger, clock);
    expect(report.interruptedAttempts).toBe(1);
    expect(ledger.attempts.get(attemptId)).toMatchObject({
      state: 'failed',
      class: 'in-doubt',
      endedAt: 50_000,
    });
    expect(ledger.cancellations.get(id)).toMatchObject({
      state: 'in_doubt',
      openAttemptId: attemptId,
      inDoubtSince: 50_000,
      nextTryAt: 50_000,
    });
    expect(ledger.audit.forCancellation(id).map((e) => e.kind)).toEqual(['attempt.interrupted']);
  });

  it('a verification found sending leaves the cancellation in doubt about the same lost attempt', () => {
    let id = 0;
    let lostId = 0;
    const ledger = died((l) => {
      id = cancellation(l, 'in_doubt');
      lostId = l.attempts.begin({
        cancellationId: id,
        kind: 'cancel',
        mercTrxNo: 'M1',
        repeatsAttemptId: null,
        body: '{}',
        sentAt: 2,
      }).id;
      l.attempts.finish(lostId, {
        state: 'failed',
        class: 'in-doubt',
        code: null,
        message: null,
        httpStatus: null,
        responseBody: null,
        error: 'reset',
        endedAt: 3,
      });
      l.cancellations.update(id, { openAttemptId: lostId, inDoubtSince: 3, nextTryAt: 999_999 }, 3);
      l.attempts.begin({
        cancellationId: id,
        kind: 'net-cancel',
        mercTrxNo: 'M1',
        repeatsAttemptId: lostId,
        body: '{}',
        sentAt: 4,
      });
    });
    recoverAfterRestart(ledger, clock);
    expect(ledger.cancellations.get(id)).toMatchObject({
      state: 'in_doubt',
      openAttemptId: lostId,
      inDoubtSince: 3,
      nextTryAt: 50_000,
    });
    expect(ledger.attempts.sending()).toEqual([]);
  });

  it('a pending cancellation (nothing sent) is queued for a fresh attempt; final ones are untouched', () => {
    let pending = 0;
    let done = 0;
    const ledger = died((l) => {
      pending = cancellation(l, 'pending');
      done = cancellation(l, 'cancelled');
    });
    recoverAfterRestart(ledger, clock);
    expect(ledger.cancellations.get(pending)).toMatchObject({
      state: 'queued',
      openAttemptId: null,
    });
    expect(ledger.cancellations.get(done)).toMatchObject({ state: 'cancelled', updatedAt: 1 });
  });

  it('a committed answer survives the restart as it was', () => {
    let id = 0;
    const ledger = died((l) => {
      id = cancellation(l, 'sending');
      l.write(() => {
        const a = l.attempts.begin({
          cancellationId: id,
          kind: 'cancel',
          mercTrxNo: 'M1',
          repeatsAttemptId: null,
          body: '{}',
          sentAt: 2,
        });
        l.attempts.finish(a.id, {
          state: 'answered',
          class: 'ok',
          code: '0000',
          message: 'ok',
          httpStatus: 200,
          responseBody: '{}',
          error: null,
          endedAt: 3,
        });
        l.cancellations.update(id, { state: 'cancelled', openAttemptId: a.id, finishedAt: 3 }, 3);
      });
    });
    expect(recoverAfterRestart(ledger, clock)).toEqual({ interruptedAttempts: 0, changed: [] });
    expect(ledger.cancellations.get(id)?.state).toBe('cancelled');
  });
});
