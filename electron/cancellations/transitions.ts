import type { Clock } from '../../shared/clock';
import type { CancelRequest } from '../../shared/kicc/types';
import { cancelBody } from '../kicc/body';
import type { KiccOutcome } from '../kicc/outcome';
import type { CancellationChange } from '../ledger/cancellations';
import type { Ledger } from '../ledger/ledger';
import type { Attempt, Cancellation, CancellationNote, CancellationState } from '../ledger/types';
import { dayEdge, dayEdgeResendAt, decideAfterCancel, decideNumberTaken } from './attemptPolicy';
import { ALREADY_CANCELLED_ELSEWHERE, cancelledElsewhere } from './cancelledElsewhere';
import { attemptEnd, resultOf } from './exchange';
import {
  earlierUnanswered,
  firstSendOfNumber,
  numbersTaken,
  refusals,
  reversedByUs,
  unansweredCancels,
} from './history';
import { freshCancelRequest, storedCancelRequest, type Terminal } from './kiccRequests';
import { isConfirmedRefusal } from './refusalCodes';
import type { HoldBack } from './reversalPolicy';
import { assertMove } from './states';
import type { UnrecordedAnswer } from './unrecorded';
import { decideAfterVerification } from './verificationPolicy';

/**
 * What each step WRITES: the ledger side of the state machine (./workflow.ts does the calls).
 * Every function here runs inside the caller's transaction (ledger.write), so a state change,
 * its attempt row and its audit event are committed together or not at all. Every change of
 * state is checked against ./states.ts before it is written; what an answer MEANS is the
 * policies' (./attemptPolicy.ts, ./verificationPolicy.ts), from facts read here (./history.ts).
 */

export interface TransitionDeps {
  ledger: Ledger;
  clock: Clock;
  terminal: Terminal;
  newMercTrxNo: () => string;
  /** back-off before try number `tries` (1 = first retry), jitter included */
  retryDelay: (tries: number) => number;
  /** reqCancel codes confirmed to mean "nothing happened" (settings; ./refusalCodes.ts) */
  confirmedRefusalCodes: () => readonly string[];
}

/** An attempt committed in state 'sending', ready to be sent. */
export interface ReadyAttempt {
  cancellation: Cancellation;
  attempt: Attempt;
  req: CancelRequest;
}

export const ENGINE = 'engine';

/** The error an attempt is closed with when its answer could not be recorded. */
export const ANSWER_NOT_RECORDED = 'answer-not-recorded';

/** How many fresh numbers are drawn before the generator is taken for broken. */
export const NUMBER_DRAWS = 5;

export function createTransitions(deps: TransitionDeps) {
  const { ledger, clock } = deps;

  /** A mercTrxNo no fresh attempt in this ledger ever used (the DB also enforces it). */
  function freshNumber(): string {
    for (let tries = 0; tries < NUMBER_DRAWS; tries += 1) {
      const number = deps.newMercTrxNo();
      if (!ledger.attempts.isFreshNumberUsed(number)) return number;
    }
    throw new Error('the mercTrxNo generator keeps repeating numbers already used');
  }

  /** Changes state (checked against ./states.ts) and writes the audit event, in the caller's Tx. */
  function move(
    c: Cancellation,
    to: CancellationState,
    change: CancellationChange,
    detail: Record<string, unknown>,
  ): Cancellation {
    assertMove(c.id, c.state, to);
    const at = clock.now();
    const next = ledger.cancellations.update(c.id, { ...change, state: to }, at);
    ledger.audit.appendAudit({
      at,
      actor: ENGINE,
      kind: `cancellation.${to}`,
      cancellationId: c.id,
      receiptId: c.receiptId,
      detail: { from: c.state, ...detail },
    });
    return next;
  }

  const finalChange = (now: number, note: CancellationNote | null): CancellationChange => ({
    inDoubtSince: null,
    nextTryAt: null,
    tries: 0,
    note,
    finishedAt: now,
  });

  function beginAttempt(
    c: Cancellation,
    attempt: Omit<Parameters<Ledger['attempts']['begin']>[0], 'cancellationId' | 'sentAt'>,
    reason: string,
  ): Attempt {
    const sentAt = clock.now();
    const begun = ledger.attempts.begin({ ...attempt, cancellationId: c.id, sentAt });
    ledger.audit.appendAudit({
      at: sentAt,
      actor: ENGINE,
      kind: 'attempt.sent',
      cancellationId: c.id,
      receiptId: c.receiptId,
      detail: {
        attemptId: begun.id,
        kind: begun.kind,
        mercTrxNo: begun.mercTrxNo,
        repeatsAttemptId: begun.repeatsAttemptId,
        reason,
      },
    });
    return begun;
  }

  /**
   * Inside a transaction: a fresh attempt (new mercTrxNo, tranDt/tranTm of now in KST) written
   * in state 'sending' and the cancellation moved to 'sending'. Null when the request cannot be
   * built (the terminal settings broke a field rule after the cancellation was accepted).
   */
  function prepareFresh(c: Cancellation, reason: string): ReadyAttempt | null {
    const req = freshCancelRequest(deps.terminal, c.target, freshNumber(), clock.now());
    if (!req.ok) return null;
    const attempt = beginAttempt(
      c,
      {
        kind: 'cancel',
        mercTrxNo: req.value.mercTrxNo,
        repeatsAttemptId: null,
        body: cancelBody(req.value),
      },
      reason,
    );
    const cancellation = move(
      c,
      'sending',
      { openAttemptId: attempt.id },
      { attemptId: attempt.id, reason },
    );
    return { cancellation, attempt, req: req.value };
  }

  /**
   * needs_review, with KICC's respCd/respMsg of the deciding answer kept on the row (issue 9)
   * and the note saying what the engine could not tell (./doubts.ts words it).
   */
  function toReview(
    c: Cancellation,
    note: CancellationNote,
    detail: Record<string, unknown>,
    deciding?: KiccOutcome,
  ): Cancellation {
    const result = deciding === undefined ? {} : { result: resultOf(deciding) };
    return move(
      c,
      'needs_review',
      { ...finalChange(clock.now(), note), ...result },
      { note, ...detail },
    );
  }

  function current(id: number): Cancellation {
    const c = ledger.cancellations.get(id);
    if (c === null) throw new Error(`cancellation ${id} vanished`);
    return c;
  }

  /**
   * A fresh attempt, or needs_review when the request cannot be built any more. `said`, `deciding`:
   * the answer that called for it, when one did.
   */
  function freshOrReview(
    c: Cancellation,
    reason: string,
    said: Record<string, unknown> = {},
    deciding?: KiccOutcome,
  ): ReadyAttempt | Cancellation {
    return (
      prepareFresh(c, reason) ??
      toReview(c, 'unexpected-answer', { ...said, why: 'unbuildable' }, deciding)
    );
  }

  /** The reqCancel's answer, and in the same transaction what it leads to (a fresh number). */
  function recordCancelAnswer(
    id: number,
    attempt: Attempt,
    outcome: KiccOutcome,
  ): ReadyAttempt | Cancellation {
    ledger.attempts.finish(attempt.id, attemptEnd(outcome));
    const c = current(id);
    const now = clock.now();
    const said = { attemptId: attempt.id, class: outcome.class, code: outcome.code ?? null };
    const history = ledger.attempts.factsFor(id);
    const tranDt = storedTranDt(attempt.body);
    const edge = tranDt === null ? null : dayEdge(tranDt, attempt.sentAt, now);
    const decision = decideAfterCancel(outcome.class, outcome.code, {
      confirmedRefusal: isConfirmedRefusal(outcome.code, deps.confirmedRefusalCodes()),
      afterOurReversal: reversedByUs(history).size > 0,
      firstSendOfNumber: firstSendOfNumber(history, attempt),
      numbersTaken: numbersTaken(history),
      atDayEdge: edge !== null,
      earlierRefusals: refusals(history, attempt.id),
    });
    switch (decision.next) {
      case 'cancelled': {
        // "already cancelled" while another receipt holds this payment: one refund, not two
        const elsewhere = decision.note === 'stood-earlier' ? cancelledElsewhere(ledger, c) : null;
        if (elsewhere !== null) {
          return move(
            c,
            'needs_review',
            { ...finalChange(now, ALREADY_CANCELLED_ELSEWHERE), result: resultOf(outcome) },
            { ...said, note: ALREADY_CANCELLED_ELSEWHERE, elsewhere: elsewhere.id },
          );
        }
        return move(
          c,
          'cancelled',
          { ...finalChange(now, decision.note), result: resultOf(outcome) },
          { ...said, note: decision.note },
        );
      }
      case 'rejected':
        return move(c, 'rejected', { ...finalChange(now, null), result: resultOf(outcome) }, said);
      case 'queued': {
        // The SAME request is resent later: it never reached KICC (or KICC refused our
        // credentials before processing it).
        if (decision.signal === 'auth' && attempt.repeatsAttemptId !== null) {
          // A resend refused 401/403: the queue pauses and its items are untouched (issue 3):
          // no try counted, no back-off; it is due again as soon as the pause lifts.
          return move(
            c,
            'queued',
            { openAttemptId: attempt.id, inDoubtSince: null, nextTryAt: c.nextTryAt ?? now },
            said,
          );
        }
        const tries = c.tries + 1;
        return move(
          c,
          'queued',
          {
            openAttemptId: attempt.id,
            inDoubtSince: null,
            tries,
            nextTryAt: now + deps.retryDelay(tries),
          },
          said,
        );
      }
      case 'in_doubt': {
        const tries = c.tries + 1;
        return move(
          c,
          'in_doubt',
          {
            openAttemptId: attempt.id,
            inDoubtSince: c.inDoubtSince ?? now,
            tries,
            nextTryAt: now + deps.retryDelay(tries),
          },
          said,
        );
      }
      case 'fresh-number':
        return freshOrReview(c, 'number-taken', said, outcome);
      case 'after-day-edge':
        // nothing happened: queued, and sent afresh once the day has turned at KICC too (the
        // queue's resend of a request from an earlier day draws a new number and date)
        return move(
          c,
          'queued',
          {
            openAttemptId: attempt.id,
            inDoubtSince: null,
            tries: c.tries + 1,
            nextTryAt: dayEdgeResendAt(edge ?? now, now),
          },
          { ...said, why: 'refused-at-day-edge' },
        );
      case 'needs_review':
        return toReview(c, decision.note, said, outcome);
    }
  }

  /**
   * The reqRtran's answer about the lost attempt it repeats, and in the same transaction what it
   * leads to: no instant exists where "reversed" is known and the fresh attempt is not written.
   * `holdBack`: why this reqRtran was not allowed to reverse (./reversalPolicy.ts), or null.
   */
  function recordVerification(
    id: number,
    check: Attempt,
    outcome: KiccOutcome,
    holdBack: HoldBack | null,
  ): ReadyAttempt | Cancellation {
    ledger.attempts.finish(check.id, attemptEnd(outcome));
    const c = current(id);
    const now = clock.now();
    const said = {
      verificationId: check.id,
      class: outcome.class,
      code: outcome.code ?? null,
      holdBack,
    };
    const history = ledger.attempts.factsFor(id);
    const decision = decideAfterVerification(outcome.class, {
      holdBack,
      earlierUnanswered: earlierUnanswered(history, check.repeatsAttemptId ?? -1, check.id),
      unansweredCancels: unansweredCancels(history),
    });
    switch (decision.next) {
      case 'fresh-attempt':
        return freshOrReview(
          c,
          outcome.class === 'ok' ? 'verified-reversed' : 'verified-not-landed',
          said,
          outcome,
        );
      case 'cancelled':
        return move(
          c,
          'cancelled',
          { ...finalChange(now, 'verified-landed'), result: resultOf(outcome) },
          { ...said, note: 'verified-landed' },
        );
      case 'keep-verifying': {
        const tries = c.tries + 1;
        return move(c, 'in_doubt', { tries, nextTryAt: now + deps.retryDelay(tries) }, said);
      }
      case 'pause-for-auth':
        // Items are untouched (issue 3): the queue pauses; this one is verified when it resumes.
        ledger.audit.appendAudit({
          at: now,
          actor: ENGINE,
          kind: 'verification.auth-refused',
          cancellationId: c.id,
          receiptId: c.receiptId,
          detail: said,
        });
        return c;
      case 'needs-review':
        return toReview(c, decision.note, said, outcome);
    }
  }

  /**
   * KICC's answer could not be written, again and again (./workflow.ts): the attempt is closed as
   * in doubt (KICC's code kept: a 0000 makes the verification wait out the window instead of
   * reversing a refund KICC confirmed, ./history.ts answeredLanded) and the cancellation handed
   * to the queue as in_doubt, without a restart. A small write, so it can pass where the
   * answer's did not.
   *
   * One answer is not doubtful whatever the disk does: S005 to a first send proves another
   * transaction owns the number (issue 9, sequence 5), and a verification would send a reqRtran
   * on THEIR number: reverse their payment inside KICC's window, or read its S007 as our refund
   * standing after it. That attempt is closed as the duplicate it is, and the cancellation queued
   * without an open attempt, so the queue's resend draws a fresh number (`resend`: nothing to
   * repeat), or, past ./attemptPolicy.ts MAX_NUMBERS_TAKEN, a manager is asked: the policy decides,
   * as when the answer is written.
   */
  function handBack(answer: UnrecordedAnswer, why: string): Cancellation {
    const now = clock.now();
    const { outcome } = answer;
    const said = `${outcome.class}${outcome.code === undefined ? '' : ` ${outcome.code}`}`;
    const numberTaken =
      answer.kind === 'cancel' &&
      outcome.class === 'duplicate' &&
      firstSendOfNumber(ledger.attempts.factsFor(answer.id), answer.attempt);
    if (ledger.attempts.get(answer.attempt.id)?.state === 'sending') {
      ledger.attempts.finish(answer.attempt.id, {
        state: 'failed',
        class: numberTaken ? 'duplicate' : 'in-doubt',
        code: outcome.code ?? null,
        message: `KICC answered (${said}) but the answer could not be recorded (${why}); ${
          numberTaken
            ? 'another transaction owns this number, a fresh one is drawn'
            : 'verified instead'
        }`,
        httpStatus: outcome.exchange.httpStatus ?? null,
        responseBody: null,
        error: ANSWER_NOT_RECORDED,
        endedAt: now,
      });
    }
    const c = current(answer.id);
    const detail = { attemptId: answer.attempt.id, said, why: ANSWER_NOT_RECORDED };
    const tries = c.tries + 1;
    if (c.state === 'sending' && c.openAttemptId === answer.attempt.id) {
      if (numberTaken) {
        // the policy's own rule for an S005 written normally: a fresh number, or a manager
        const decision = decideNumberTaken(numbersTaken(ledger.attempts.factsFor(c.id)));
        if (decision.next === 'needs_review') return toReview(c, decision.note, detail, outcome);
        return move(
          c,
          'queued',
          {
            openAttemptId: null,
            inDoubtSince: null,
            tries,
            nextTryAt: now + deps.retryDelay(tries),
          },
          { ...detail, next: 'fresh-number' },
        );
      }
      return move(
        c,
        'in_doubt',
        { inDoubtSince: c.inDoubtSince ?? now, tries, nextTryAt: now + deps.retryDelay(tries) },
        detail,
      );
    }
    if (c.state !== 'in_doubt') return c;
    return move(c, 'in_doubt', { tries, nextTryAt: now + deps.retryDelay(tries) }, detail);
  }

  return {
    handBack,
    freshNumber,
    freshOrReview,
    move,
    beginAttempt,
    prepareFresh,
    toReview,
    current,
    recordCancelAnswer,
    recordVerification,
  };
}

export type Transitions = ReturnType<typeof createTransitions>;

/** A stored reqCancel's tranDt; null if unreadable. */
function storedTranDt(body: string): string | null {
  const req = storedCancelRequest(body);
  return req.ok ? req.value.tranDt : null;
}
