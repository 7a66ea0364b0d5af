import type { Clock } from '../../shared/clock';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { kstDateTime } from '../../shared/kicc/time';
import { cancelBody } from '../kicc/body';
import type { Ledger } from '../ledger/ledger';
import type { Cancellation } from '../ledger/types';
import type { ExposureLimits } from '../queue/exposure';
import { admit } from './admission';
import { approvalFor, recordApproval, type ApprovalVia } from './approval';
import { createAnswerPath, errorText } from './answers';
import { dayEdge, dayEdgeResendAt, endOfKstDay, resendAsStored } from './attemptPolicy';
import { serviceErrors, type ServiceError } from './errors';
import type { ConnectivitySignal, KiccPort } from './exchange';
import { freshCancelRequest, storedCancelRequest } from './kiccRequests';
import type { Terminal } from './kiccRequests';
import { HELD_VERIFICATION_WAIT_MS } from './reversalPolicy';
import { createTransitions, type ReadyAttempt } from './transitions';
import { createMemoryHolds } from './unrecorded';
import { createVerification } from './verification';

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
   * (./exchange.ts isKiccAnswer), the only exchange that proves the credentials work; `settled`:
   * the answer says what happened (./exchange.ts settlesSomething: not in doubt, not S999)
   */
  connectivity(signal: ConnectivitySignal, answered: boolean, settled: boolean): void;
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
    freshOrReview,
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

  const answerPath = createAnswerPath({
    ledger,
    clock,
    kicc: deps.kicc,
    observer: deps.observer,
    retryDelay: deps.retryDelay,
    transitions: { recordCancelAnswer, recordVerification, handBack },
    memory,
    log,
    announce,
    tell,
  });
  const { sendCancel, writeKeptAnswer } = answerPath;

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

  /**
   * queued: resend the SAME request (same body, same mercTrxNo), or a fresh one if none; on a
   * new KST day a fresh one too (new number, today's tranDt/tranTm): the old one never reached
   * KICC, and KICC may check tranDt against its own today (issue 9, sequence 9).
   */
  async function resend(c: Cancellation): Promise<Cancellation> {
    const ready = await ledger.writeSoon((): ReadyAttempt | Cancellation => {
      const previous = c.openAttemptId === null ? null : ledger.attempts.get(c.openAttemptId);
      if (previous === null) return freshOrReview(c, 'queued-fresh');
      const req = storedCancelRequest(previous.body);
      if (previous.kind !== 'cancel' || !req.ok) {
        return toReview(c, 'unexpected-answer', { why: 'unreadable-stored-request' });
      }
      if (previous.class === 'rejected') {
        // refused at the edge of a KST day (./attemptPolicy.ts 'after-day-edge'): sent afresh
        // only once the day has surely turned at KICC; "retry now" does not shorten that wait
        const { tranDt } = req.value;
        const midnight =
          dayEdge(tranDt, previous.sentAt, previous.endedAt ?? previous.sentAt) ??
          endOfKstDay(tranDt);
        const edge = dayEdgeResendAt(midnight, clock.now());
        if (edge > clock.now())
          return ledger.cancellations.update(c.id, { nextTryAt: edge }, clock.now());
        return freshOrReview(c, 'refused-at-day-edge');
      }
      if (!resendAsStored(req.value.tranDt, kstDateTime(clock.now()).date)) {
        return freshOrReview(c, 'resend-new-day');
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

  const { verify, expire, deadlineOf } = createVerification({
    ledger,
    clock,
    kicc: deps.kicc,
    verificationDeadlineMs: deps.verificationDeadlineMs,
    heldVerificationWaitMs: deps.heldVerificationWaitMs ?? HELD_VERIFICATION_WAIT_MS,
    startedAt,
    transitions: { beginAttempt, toReview },
    answerPath,
    announce,
  });

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

export type CancellationWorkflow = ReturnType<typeof createCancellationWorkflow>;

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}
