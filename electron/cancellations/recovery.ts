import type { Clock } from '../../shared/clock';
import type { Ledger } from '../ledger/ledger';
import type { Cancellation } from '../ledger/types';
import { assertMove } from './states';

/**
 * Start-up: read back what the last run may have left half-done (DESIGN.md "process restart
 * finds `sending` -> in_doubt"). Runs once, before the queue starts, in one transaction.
 *
 * - An attempt still 'sending' is an exchange whose outcome nobody saw: it is closed as failed,
 *   class in-doubt. If it was a reqCancel, its cancellation becomes in_doubt about it (to be
 *   verified with its own mercTrxNo). If it was a verification (reqRtran), the cancellation
 *   stays in_doubt about the same lost attempt, and is verified again: a repeated reqRtran
 *   whose first one landed finds nothing to reverse (S006) and leads to a fresh attempt, which
 *   is right because the original is approved again (KICC-API.md reqRtran [A]).
 * - A cancellation 'pending' (accepted, nothing sent) is queued for a fresh attempt.
 * - Every in_doubt or queued item becomes due now: the queue works it as soon as KICC answers.
 *
 * in_doubt_since keeps the first doubt (the audit trail's truth); the verification deadline is
 * counted from the later of it and the process's start (workflow.ts deadlineOf): a PC that was
 * off for a weekend still verifies before handing to a manager.
 */
export interface RecoveryReport {
  /** attempts found 'sending' and closed as in doubt */
  interruptedAttempts: number;
  /** cancellations moved to in_doubt or queued */
  changed: Cancellation[];
}

/** the error of an exchange the app stopped during (the review screen says so: store-ops/review-record.ts) */
export const APP_STOPPED = 'the app stopped before the answer was recorded';

export function recoverAfterRestart(ledger: Ledger, clock: Clock): RecoveryReport {
  return ledger.write(() => {
    const now = clock.now();
    const changed = new Map<number, Cancellation>();
    const interrupted = ledger.attempts.sending();

    for (const attempt of interrupted) {
      ledger.attempts.finish(attempt.id, {
        state: 'failed',
        class: 'in-doubt',
        code: null,
        message: APP_STOPPED,
        httpStatus: null,
        responseBody: null,
        error: APP_STOPPED,
        endedAt: now,
      });
      const c = ledger.cancellations.get(attempt.cancellationId);
      if (c === null) throw new Error(`attempt ${attempt.id} has no cancellation`);
      if (attempt.kind === 'cancel' && c.state === 'sending' && c.openAttemptId === attempt.id) {
        assertMove(c.id, c.state, 'in_doubt');
        changed.set(
          c.id,
          ledger.cancellations.update(
            c.id,
            { state: 'in_doubt', inDoubtSince: c.inDoubtSince ?? now, nextTryAt: now },
            now,
          ),
        );
      }
      ledger.audit.appendAudit({
        at: now,
        actor: 'engine',
        kind: 'attempt.interrupted',
        cancellationId: c.id,
        receiptId: c.receiptId,
        detail: { attemptId: attempt.id, kind: attempt.kind, mercTrxNo: attempt.mercTrxNo },
      });
    }

    // Defensive: a cancellation 'sending' without a sending attempt cannot be produced by the
    // workflow (both are written in one transaction); if it exists, its open attempt is in doubt.
    for (const c of ledger.cancellations.inState('sending')) {
      const next = c.openAttemptId === null ? 'queued' : 'in_doubt';
      changed.set(
        c.id,
        ledger.cancellations.update(
          c.id,
          {
            state: next,
            inDoubtSince: next === 'in_doubt' ? (c.inDoubtSince ?? now) : null,
            nextTryAt: now,
          },
          now,
        ),
      );
    }
    for (const c of ledger.cancellations.inState('pending')) {
      changed.set(
        c.id,
        ledger.cancellations.update(
          c.id,
          { state: 'queued', openAttemptId: null, nextTryAt: now },
          now,
        ),
      );
    }
    ledger.cancellations.makeAllDue(now);
    return { interruptedAttempts: interrupted.length, changed: [...changed.values()] };
  });
}
