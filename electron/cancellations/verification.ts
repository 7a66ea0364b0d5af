import type { Clock } from '../../shared/clock';
import { auditDetails } from '../audit/log';
import { netCancelBody } from '../kicc/body';
import { cancellationSubject } from '../ledger/audit';
import type { Ledger } from '../ledger/ledger';
import type { Cancellation } from '../ledger/types';
import type { AnswerPath } from './answers';
import type { KiccPort } from './exchange';
import { callKicc } from './exchange';
import { answeredLanded, otherReversals } from './history';
import { verificationRequest } from './kiccRequests';
import { verificationTiming, type VerificationTiming } from './reversalPolicy';
import type { Transitions } from './transitions';
import type { UnrecordedAnswer } from './unrecorded';
import { noteAtDeadline } from './verificationPolicy';

/**
 * The queue's step for an in-doubt cancellation: verify it with reqRtran, when the reversal
 * policy lets that reqRtran go (./reversalPolicy.ts), or hand it to a manager at its deadline.
 */
export interface VerificationDeps {
  ledger: Ledger;
  clock: Clock;
  kicc: KiccPort;
  /** in_doubt for longer than this -> needs_review (issue 3) */
  verificationDeadlineMs: number;
  /** ./reversalPolicy.ts HELD_VERIFICATION_WAIT_MS unless a test on real time shortens it */
  heldVerificationWaitMs: number;
  /** this process's start: a doubt's deadline counts from the later of the two */
  startedAt: number;
  transitions: Pick<Transitions, 'beginAttempt' | 'toReview'>;
  answerPath: Pick<AnswerPath, 'writeAnswer' | 'afterAnswer'>;
  announce: (c: Cancellation) => Cancellation;
}

export function createVerification(deps: VerificationDeps) {
  const { ledger, clock, startedAt, answerPath, announce } = deps;
  const { beginAttempt, toReview } = deps.transitions;

  /** When a doubt that began at `inDoubtSince` is handed to a manager. */
  function deadlineOf(inDoubtSince: number): number {
    return Math.max(inDoubtSince, startedAt) + deps.verificationDeadlineMs;
  }

  function deadlinePassed(c: Cancellation, now: number): boolean {
    return c.inDoubtSince !== null && now >= deadlineOf(c.inDoubtSince);
  }

  /**
   * The reqRtran that verifies `c`'s lost attempt, and when it may go: at once, or (when it must
   * not reverse) once KICC's net-cancel window is over (./reversalPolicy.ts; issue 9,
   * sequences 2, 3). Null when there is nothing to verify with.
   */
  function verificationPlan(c: Cancellation, now: number) {
    const lost = c.openAttemptId === null ? null : ledger.attempts.get(c.openAttemptId);
    const req = lost === null || lost.kind !== 'cancel' ? null : verificationRequest(lost.body);
    if (lost === null || req === null || !req.ok) return null;
    const timing = verificationTiming({
      now,
      waitMs: deps.heldVerificationWaitMs,
      lost: { sentAt: lost.sentAt, tranDt: req.value.tranDt, answeredLanded: answeredLanded(lost) },
      otherReversals: otherReversals(ledger.attempts.factsFor(c.id), lost.id),
      orgAprvDt: c.target.orgAprvDt,
    });
    return { lost, req: req.value, timing };
  }

  /**
   * Past its deadline: to a manager, saying why it is still unsettled: still waiting out KICC's
   * window (a verification held back from reversing), or simply not verified in time.
   */
  function expire(c: Cancellation): Cancellation {
    const now = clock.now();
    const timing = verificationPlan(c, now)?.timing;
    const holdBack = timing !== undefined && timing.at > now ? timing.holdBack : null;
    return toReview(c, noteAtDeadline(holdBack), { holdBack });
  }

  /**
   * in_doubt: reqRtran with the lost attempt's own data (KICC-API.md), then what
   * ./verificationPolicy.ts decides; a fresh attempt is written in the SAME transaction as the
   * verification's answer, so no instant exists where the answer is known and the next step not.
   */
  async function verify(c: Cancellation): Promise<Cancellation> {
    const now = clock.now();
    if (deadlinePassed(c, now)) return announce(ledger.write(() => expire(c)));
    const plan = verificationPlan(c, now);
    if (plan === null) {
      return announce(
        ledger.write(() => toReview(c, 'unexpected-answer', { why: 'unverifiable' })),
      );
    }
    const { lost, req, timing } = plan;
    if (timing.at > now) return announce(await ledger.writeSoon(() => holdBackUntil(c, timing)));
    const check = await ledger.writeSoon(() => {
      const attempt = beginAttempt(
        c,
        {
          kind: 'net-cancel',
          mercTrxNo: req.mercTrxNo,
          repeatsAttemptId: lost.id,
          body: netCancelBody(req),
        },
        timing.holdBack === null ? 'verify' : `verify-after-window:${timing.holdBack}`,
      );
      ledger.cancellations.touch(c.id, clock.now());
      return attempt;
    });
    const outcome = await callKicc(deps.kicc, { kind: 'net-cancel', req }, clock);
    const answer: UnrecordedAnswer = {
      id: c.id,
      kind: 'net-cancel',
      attempt: check,
      outcome,
      holdBack: timing.holdBack,
      failures: 0,
    };
    return answerPath.afterAnswer(answer, await answerPath.writeAnswer(answer), c);
  }

  /**
   * The verification waits until `timing.at`; said once in the audit log, with why. "Retry now"
   * (and a drain, and connectivity back) makes the item due again, and it is held again: the
   * wait is the same, so the log does not say it again (a tight loop of drains once wrote one
   * event per drain: 91 in 1.2 s).
   */
  function holdBackUntil(c: Cancellation, timing: VerificationTiming): Cancellation {
    const now = clock.now();
    if (c.nextTryAt === timing.at) return c;
    if (!saidBefore(c.id, timing))
      ledger.audit.appendAudit({
        at: now,
        actor: 'engine',
        kind: 'verification.held-back',
        cancellationId: c.id,
        receiptId: c.receiptId,
        detail: { holdBack: timing.holdBack, until: timing.at },
      });
    return ledger.cancellations.update(c.id, { nextTryAt: timing.at }, now);
  }

  /** This very hold (same end, same reason) is already in `id`'s audit log. */
  function saidBefore(id: number, timing: VerificationTiming): boolean {
    return ledger.audit
      .list({ subject: cancellationSubject(id), kind: 'verification.held-back' })
      .some((row) => {
        const detail = auditDetails(row);
        return detail?.until === timing.at && detail.holdBack === timing.holdBack;
      });
  }

  return { verify, expire, deadlineOf, deadlinePassed };
}
