import type { Clock } from '../../shared/clock';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { kstDateTime } from '../../shared/kicc/time';
import { cancelBody, netCancelBody } from '../kicc/body';
import type { Ledger } from '../ledger/ledger';
import type { Cancellation } from '../ledger/types';
import type { ExposureLimits } from '../queue/exposure';
import { admit } from './admission';
import { approvalFor, recordApproval, type ApprovalVia } from './approval';
import { resendAsStored } from './attemptPolicy';
import { serviceErrors, type ServiceError } from './errors';
import type { ConnectivitySignal, KiccPort } from './exchange';
import { callKicc, isKiccAnswer, signalOf } from './exchange';
import { answeredLanded, otherReversals } from './history';
import { freshCancelRequest, storedCancelRequest, verificationRequest } from './kiccRequests';
import type { Terminal } from './kiccRequests';
import {
  HELD_VERIFICATION_WAIT_MS,
  verificationTiming,
  type VerificationTiming,
} from './reversalPolicy';
import { createTransitions, type ReadyAttempt } from './transitions';
import { createMemoryHolds, type UnrecordedAnswer } from './unrecorded';
import { noteAtDeadline } from './verificationPolicy';

/**
 * The cancellation state machine (DESIGN.md "A cancellation's life"; docs/engine.md).
 *
 * The outbox rule: every step is committed to the ledger BEFORE it is acted on. An attempt row
 * in state 'sending', holding the exact body and its mercTrxNo, is committed before the HTTP call;
 * the answer is committed after, together with the state it leads to. Whatever instant the
 * process dies at, the ledger says what may have happened (./recovery.ts reads it back).
 *
 * One process owns the ledger (electron/ledger/open.ts: exclusive lock), so "who is working on
 * cancellation N" is an in-memory set: a cancellation is never worked by two steps at once.
 */

export interface WorkflowObserver {
  /** after every committed change of a cancellation */
  cancellationChanged(cancellation: Cancellation): void;
  /**
   * after every exchange: what it says about the way to KICC; `answered`: KICC really answered
   * (./exchange.ts isKiccAnswer), the only exchange that proves the credentials work
   */
  connectivity(signal: ConnectivitySignal, answered: boolean): void;
}

export interface WorkflowLimits extends ExposureLimits {
  /** above this amount a cancellation needs a manager's approval (DESIGN.md "Who does what") */
  cashierMaxAmount: number;
}

export interface WorkflowDeps {
  ledger: Ledger;
  kicc: KiccPort;
  clock: Clock;
  terminal: Terminal;
  newMercTrxNo: () => string;
  /** back-off before try number `tries` (1 = first retry), jitter included */
  retryDelay: (tries: number) => number;
  /** in_doubt for longer than this -> needs_review (issue 3) */
  verificationDeadlineMs: number;
  limits: WorkflowLimits;
  /** true while KICC cannot be reached (offline, or paused for credentials): limits apply */
  exposureApplies: () => boolean;
  /** reqCancel codes confirmed to mean "nothing happened" (./refusalCodes.ts), read per answer */
  confirmedRefusalCodes: () => readonly string[];
  /** ./reversalPolicy.ts HELD_VERIFICATION_WAIT_MS unless a test on real time shortens it */
  heldVerificationWaitMs?: number;
  observer: WorkflowObserver;
  /** structured events (a write the ledger refused); never secrets */
  log?: (event: string, fields: Record<string, unknown>) => void;
}

/**
 * Tries of an answer's write inside the exchange's own call (each its own transaction: a group
 * commit rolled back by another step's fault succeeds the next time), before it is left to the
 * queue (issue 9, sequence 6).
 */
export const ANSWER_WRITE_TRIES = 3;

export interface NewCancellationInput {
  receiptId: number;
  /** the screen's idempotency key: the same key again answers with the same cancellation */
  clientRequestId: string | null;
  /** the amounts the cashier confirmed; must be the original's (full cancellation only) */
  confirmedAmounts: { trxAmt: number; vatAmt: number; svcAmt: number } | null;
  reason: string | null;
  requestedBy: string;
  /** the manager who approved it (seam for the manager issue); null: the cashier alone */
  approvedBy: string | null;
  /** how: the manager's PIN for this one, or manager mode open (./approval.ts) */
  approvedVia?: ApprovalVia;
}

export function createCancellationWorkflow(deps: WorkflowDeps) {
  const { ledger, clock } = deps;
  const {
    handBack,
    freshNumber,
    move,
    beginAttempt,
    prepareFresh,
    toReview,
    current,
    recordCancelAnswer,
    recordVerification,
  } = createTransitions(deps);
  const log = deps.log ?? (() => undefined);
  const busy = new Set<number>();
  const memory = createMemoryHolds();
  // A doubt's deadline counts from the later of its start and this process's start: a PC that
  // was off for a weekend gets a whole deadline to verify before a manager is asked (docs/engine.md).
  const startedAt = clock.now();
  const running = new Set<Promise<unknown>>();
  let closed = false;

  const track = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    void work.finally(() => running.delete(work)).catch(() => undefined);
    return work;
  };

  /** Tells the observer; what it throws is logged: after TX1 nothing reaches the cashier as an error. */
  function tell(event: string, what: () => void): void {
    try {
      what();
    } catch (error) {
      log('engine.observer-failed', { event, error: errorText(error) });
    }
  }

  function announce(c: Cancellation): Cancellation {
    tell('cancellation', () => deps.observer.cancellationChanged(c));
    return c;
  }

  /** Sends a reqCancel whose attempt row is already committed, and records the answer. */
  async function sendCancel(ready: ReadyAttempt): Promise<Cancellation> {
    const outcome = await callKicc(deps.kicc, { kind: 'cancel', req: ready.req }, clock);
    const answer: UnrecordedAnswer = {
      id: ready.cancellation.id,
      kind: 'cancel',
      attempt: ready.attempt,
      outcome,
      holdBack: null,
      failures: 0,
    };
    return afterAnswer(answer, await writeAnswer(answer), ready.cancellation);
  }

  const applyAnswer = (a: UnrecordedAnswer): ReadyAttempt | Cancellation =>
    a.kind === 'cancel'
      ? recordCancelAnswer(a.id, a.attempt, a.outcome)
      : recordVerification(a.id, a.attempt, a.outcome, a.holdBack);

  /**
   * KICC's answer written with what it leads to; null when the ledger refused it ANSWER_WRITE_TRIES
   * times: it is then kept in memory for the queue (issue 9, sequence 6), never thrown at the
   * cashier, whose cancellation shows amber meanwhile.
   */
  async function writeAnswer(a: UnrecordedAnswer): Promise<ReadyAttempt | Cancellation | null> {
    let refusal: unknown;
    for (let i = 0; i < ANSWER_WRITE_TRIES; i += 1) {
      try {
        return await ledger.writeSoon(() => applyAnswer(a));
      } catch (error) {
        refusal = error;
      }
    }
    keepUnrecorded(a, refusal);
    return null;
  }

  function keepUnrecorded(a: UnrecordedAnswer, refusal: unknown): void {
    const failures = a.failures + 1;
    memory.keep({ ...a, failures }, clock.now() + deps.retryDelay(failures));
    log('engine.answer-not-recorded', {
      cancellationId: a.id,
      attemptId: a.attempt.id,
      class: a.outcome.class,
      code: a.outcome.code,
      failures,
      error: errorText(refusal),
    });
  }

  /** After an answer: what it says about the way to KICC, then a fresh attempt, if one is due. */
  async function afterAnswer(
    a: UnrecordedAnswer,
    next: ReadyAttempt | Cancellation | null,
    before: Cancellation,
  ): Promise<Cancellation> {
    // the answer first, then what it says about the way to KICC (the queue may react)
    tell('connectivity', () =>
      deps.observer.connectivity(signalOf(a.outcome), isKiccAnswer(a.outcome)),
    );
    if (next === null) return announce(readOr(a.id, before));
    if (!('attempt' in next)) return announce(next);
    announce(next.cancellation);
    return sendCancel(next);
  }

  /** The row as the ledger has it, or `fallback` should even reading fail. */
  function readOr(id: number, fallback: Cancellation): Cancellation {
    try {
      return ledger.cancellations.get(id) ?? fallback;
    } catch {
      return fallback;
    }
  }

  /**
   * A kept answer, written again (the queue's step). Refused once more, the attempt is closed as
   * in doubt and the cancellation handed to the queue (./transitions.ts handBack), a smaller
   * write; refused too, it waits in memory for the next try.
   */
  async function writeKeptAnswer(a: UnrecordedAnswer): Promise<Cancellation | null> {
    let next: ReadyAttempt | Cancellation;
    try {
      next = await ledger.writeSoon(() => applyAnswer(a));
    } catch (error) {
      try {
        const handed = ledger.write(() => handBack(a, errorText(error)));
        memory.forget(a.id);
        return announce(handed);
      } catch {
        keepUnrecorded(a, error);
        return null;
      }
    }
    memory.forget(a.id);
    if (!('attempt' in next)) return announce(next);
    announce(next.cancellation);
    return sendCancel(next);
  }

  // ---- a cashier's request -------------------------------------------------------------------

  type Started = { existing: Cancellation } | { ready: ReadyAttempt };

  /**
   * Everything before the call, synchronously: no await between the checks and the commit, so
   * two calls at once (a double click) cannot both pass the "already has one" check; and the
   * database's unique index would refuse the second anyway.
   */
  function start(input: NewCancellationInput): Result<Started, ServiceError> {
    if (closed) return err(serviceErrors.closed());
    const admitted = admit(deps, input);
    if (!admitted.ok) return admitted;
    if ('existing' in admitted.value) return ok({ existing: admitted.value.existing });
    const { receipt, target } = admitted.value;
    const mercTrxNo = freshNumber();
    const req = freshCancelRequest(deps.terminal, target, mercTrxNo, clock.now());
    if (!req.ok) return err(serviceErrors.invalidRequest(req.error));
    const request = req.value;
    const approval = approvalFor(input, target.trxAmt, deps.limits.cashierMaxAmount);

    try {
      return ok({
        ready: ledger.write(() => {
          const at = clock.now();
          const id = ledger.cancellations.insert(
            {
              receiptId: receipt.id,
              clientRequestId: input.clientRequestId,
              state: 'sending',
              requestedBy: input.requestedBy,
              approvedBy: approval?.by ?? null,
              reason: input.reason,
              target,
            },
            at,
          );
          ledger.audit.appendAudit({
            at,
            actor: input.requestedBy,
            kind: 'cancellation.requested',
            cancellationId: id,
            receiptId: receipt.id,
            detail: {
              trxAmt: target.trxAmt,
              approvedBy: approval?.by ?? null,
              reason: input.reason,
              clientRequestId: input.clientRequestId,
            },
          });
          if (approval !== null) {
            const approved = { id, receiptId: receipt.id, requestedBy: input.requestedBy, target };
            recordApproval(ledger, approval, approved, at);
          }
          const fresh = current(id);
          const attempt = beginAttempt(
            fresh,
            { kind: 'cancel', mercTrxNo, repeatsAttemptId: null, body: cancelBody(request) },
            'requested',
          );
          const cancellation = ledger.cancellations.update(id, { openAttemptId: attempt.id }, at);
          return { cancellation, attempt, req: request };
        }),
      });
    } catch (error) {
      // The unique indexes are the last line: should the checks above ever be bypassed, the
      // database refuses the second live cancellation of a receipt.
      if (isUniqueViolation(error)) {
        const live2 = ledger.cancellations.liveForReceipt(receipt.id);
        if (live2 !== null) return err(serviceErrors.duplicate(live2.id, live2.state));
      }
      // The first write refused (a full disk): nothing was sent, nothing is kept (issue 9).
      log('engine.first-write-failed', { receiptId: receipt.id, error: errorText(error) });
      return err(serviceErrors.notRecorded());
    }
  }

  async function request(input: NewCancellationInput): Promise<Result<Cancellation, ServiceError>> {
    const started = start(input);
    if (!started.ok) return started;
    if ('existing' in started.value) return ok(started.value.existing);
    const ready = started.value.ready;
    busy.add(ready.cancellation.id);
    announce(ready.cancellation);
    try {
      return ok(await track(sendCancel(ready)));
    } finally {
      busy.delete(ready.cancellation.id);
    }
  }

  // ---- the queue's steps ---------------------------------------------------------------------

  const freshOrUnbuildable = (c: Cancellation, reason: string): ReadyAttempt | Cancellation =>
    prepareFresh(c, reason) ?? toReview(c, 'unexpected-answer', { why: 'unbuildable' });

  /**
   * queued: resend the SAME request (same body, same mercTrxNo), or a fresh one if none; on a
   * new KST day a fresh one too (new number, today's tranDt/tranTm): the old one never reached
   * KICC, and KICC may check tranDt against its own today (issue 9, sequence 9).
   */
  async function resend(c: Cancellation): Promise<Cancellation> {
    const ready = await ledger.writeSoon((): ReadyAttempt | Cancellation => {
      const previous = c.openAttemptId === null ? null : ledger.attempts.get(c.openAttemptId);
      if (previous === null) return freshOrUnbuildable(c, 'queued-fresh');
      const req = storedCancelRequest(previous.body);
      if (previous.kind !== 'cancel' || !req.ok) {
        return toReview(c, 'unexpected-answer', { why: 'unreadable-stored-request' });
      }
      if (!resendAsStored(req.value.tranDt, kstDateTime(clock.now()).date)) {
        return freshOrUnbuildable(c, 'resend-new-day');
      }
      const attempt = beginAttempt(
        c,
        {
          kind: 'cancel',
          mercTrxNo: previous.mercTrxNo,
          repeatsAttemptId: previous.repeatsAttemptId ?? previous.id,
          body: previous.body,
        },
        'resend',
      );
      const cancellation = move(
        c,
        'sending',
        { openAttemptId: attempt.id },
        { attemptId: attempt.id },
      );
      return { cancellation, attempt, req: req.value };
    });
    if (!('attempt' in ready)) return announce(ready);
    announce(ready.cancellation);
    return sendCancel(ready);
  }

  /** When a doubt that began at `inDoubtSince` is handed to a manager. */
  function deadlineOf(inDoubtSince: number): number {
    return Math.max(inDoubtSince, startedAt) + deps.verificationDeadlineMs;
  }

  function deadlinePassed(c: Cancellation, now: number): boolean {
    return c.inDoubtSince !== null && now >= deadlineOf(c.inDoubtSince);
  }

  /**
   * in_doubt: reqRtran with the lost attempt's own data (KICC-API.md), then what
   * ./verificationPolicy.ts decides; a fresh attempt is written in the SAME transaction as the
   * verification's answer, so no instant exists where the answer is known and the next step not.
   */
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
      waitMs: deps.heldVerificationWaitMs ?? HELD_VERIFICATION_WAIT_MS,
      lost: { sentAt: lost.sentAt, tranDt: req.value.tranDt, answeredLanded: answeredLanded(lost) },
      otherReversals: otherReversals(ledger.attempts.forCancellation(c.id), lost.id),
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
      ledger.cancellations.update(c.id, {}, clock.now());
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
    return afterAnswer(answer, await writeAnswer(answer), c);
  }

  /** The verification waits until `timing.at`; said once in the audit log, with why. */
  function holdBackUntil(c: Cancellation, timing: VerificationTiming): Cancellation {
    const now = clock.now();
    if (c.nextTryAt === timing.at) return c;
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

  /**
   * One queue step for cancellation `id`: resend a queued one, verify an in-doubt one. Returns
   * null when there is nothing to do (already being worked, final, or closed).
   */
  async function work(id: number): Promise<Cancellation | null> {
    const now = clock.now();
    if (closed || busy.has(id) || memory.held(id, now)) return null;
    memory.release(id);
    const kept = memory.answer(id);
    const c = kept === undefined ? ledger.cancellations.get(id) : null;
    if (kept === undefined && (c === null || (c.state !== 'queued' && c.state !== 'in_doubt'))) {
      return null;
    }
    busy.add(id);
    try {
      if (kept !== undefined) return await track(writeKeptAnswer(kept));
      if (c === null) return null;
      return await track(c.state === 'queued' ? resend(c) : verify(c));
    } catch (error) {
      backOffAfterFailure(id);
      throw error;
    } finally {
      busy.delete(id);
    }
  }

  /**
   * A step that threw (a bug, a ledger write refused) left its item due: without this the queue
   * would start it again at once, in a tight loop. It waits like a failed try instead; should the
   * ledger refuse that write too, it waits in memory (issue 9: no tight loop on a full disk).
   */
  function backOffAfterFailure(id: number): void {
    const now = clock.now();
    try {
      ledger.write(() => {
        const c = ledger.cancellations.get(id);
        if (c === null || (c.state !== 'queued' && c.state !== 'in_doubt')) return;
        if (c.nextTryAt !== null && c.nextTryAt > now) return;
        const tries = c.tries + 1;
        ledger.cancellations.update(id, { tries, nextTryAt: now + deps.retryDelay(tries) }, now);
      });
    } catch {
      // the ledger refuses this write too: the step's own error is the one reported
      memory.hold(id, now + deps.retryDelay(1));
    }
  }

  /** in_doubt past the verification deadline -> needs_review. Returns how many moved. */
  function expireDeadlines(): number {
    if (closed) return 0;
    const now = clock.now();
    // every doubt's deadline is at least startedAt + deadline (deadlineOf)
    if (now < deadlineOf(startedAt)) return 0;
    const late = ledger.cancellations
      .inDoubtSince(now - deps.verificationDeadlineMs)
      .filter((c) => !busy.has(c.id) && memory.answer(c.id) === undefined);
    for (const c of late) announce(ledger.write(() => expire(current(c.id))));
    return late.length;
  }

  return {
    request,
    work,
    expireDeadlines,
    deadlineOf,
    isBusy: (id: number): boolean => busy.has(id) || memory.held(id, clock.now()),
    busyCount: (): number => busy.size,
    /** cancellations whose answer waits in memory and is due for another write (queue steps) */
    keptAnswersDue: (): number[] => memory.dueAnswers(clock.now()),
    /** "retry now" / drain: every kept answer is written again at the next pass */
    retryKeptNow: (): void => memory.answersDueNow(clock.now()),
    /** when something held in memory is due again (the queue's timer), or null */
    nextInMemoryAt: (): number | null => memory.nextAt(clock.now()),
    /** Stops taking work and waits for the exchanges in flight to be recorded. */
    async close(): Promise<void> {
      closed = true;
      while (running.size > 0) await Promise.allSettled([...running]);
      // answers still in memory: written, or handed back, while there is a chance (else start-up
      // recovery finds their attempts 'sending' and verifies them)
      for (const kept of memory.all()) {
        try {
          ledger.write(() => handBack(kept, 'closing'));
        } catch {
          // the next start's recovery closes the attempt as in doubt
        }
      }
    },
  };
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

export type CancellationWorkflow = ReturnType<typeof createCancellationWorkflow>;

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}
