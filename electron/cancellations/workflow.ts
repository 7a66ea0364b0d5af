import type { Clock } from '../../shared/clock';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { cancelBody, netCancelBody } from '../kicc/body';
import type { Ledger } from '../ledger/ledger';
import type { Cancellation } from '../ledger/types';
import type { ExposureLimits } from '../queue/exposure';
import { admit } from './admission';
import { approvalFor, recordApproval, type ApprovalVia } from './approval';
import { serviceErrors, type ServiceError } from './errors';
import type { ConnectivitySignal, KiccPort } from './exchange';
import { callKicc, isKiccAnswer, signalOf } from './exchange';
import { freshCancelRequest, storedCancelRequest, verificationRequest } from './kiccRequests';
import type { Terminal } from './kiccRequests';
import { createTransitions, type ReadyAttempt } from './transitions';

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
  observer: WorkflowObserver;
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
    freshNumber,
    move,
    beginAttempt,
    prepareFresh,
    toReview,
    current,
    recordCancelAnswer,
    recordVerification,
  } = createTransitions(deps);
  const busy = new Set<number>();
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

  function announce(c: Cancellation): Cancellation {
    deps.observer.cancellationChanged(c);
    return c;
  }

  /** Sends a reqCancel whose attempt row is already committed, and records the answer. */
  async function sendCancel(ready: ReadyAttempt): Promise<Cancellation> {
    const outcome = await callKicc(deps.kicc, { kind: 'cancel', req: ready.req }, clock);
    const recorded = await ledger.writeSoon(() =>
      recordCancelAnswer(ready.cancellation.id, ready.attempt, outcome),
    );
    // the answer first, then what it says about the way to KICC (the queue may react)
    deps.observer.connectivity(signalOf(outcome), isKiccAnswer(outcome));
    return announce(recorded);
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
      if (!isUniqueViolation(error)) throw error;
      const live2 = ledger.cancellations.liveForReceipt(receipt.id);
      if (live2 !== null) return err(serviceErrors.duplicate(live2.id, live2.state));
      throw error;
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

  /** queued: resend the SAME request (same body, same mercTrxNo), or a fresh one if none. */
  async function resend(c: Cancellation): Promise<Cancellation> {
    const ready = await ledger.writeSoon((): ReadyAttempt | Cancellation => {
      const previous = c.openAttemptId === null ? null : ledger.attempts.get(c.openAttemptId);
      if (previous === null) {
        return (
          prepareFresh(c, 'queued-fresh') ??
          toReview(c, 'unexpected-answer', { why: 'unbuildable' })
        );
      }
      const req = storedCancelRequest(previous.body);
      if (previous.kind !== 'cancel' || !req.ok) {
        return toReview(c, 'unexpected-answer', { why: 'unreadable-stored-request' });
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
  async function verify(c: Cancellation): Promise<Cancellation> {
    const now = clock.now();
    if (deadlinePassed(c, now)) {
      return announce(ledger.write(() => toReview(c, 'verification-deadline', {})));
    }
    const lost = c.openAttemptId === null ? null : ledger.attempts.get(c.openAttemptId);
    const req = lost === null || lost.kind !== 'cancel' ? null : verificationRequest(lost.body);
    if (lost === null || req === null || !req.ok) {
      return announce(
        ledger.write(() => toReview(c, 'unexpected-answer', { why: 'unverifiable' })),
      );
    }
    const check = await ledger.writeSoon(() => {
      const attempt = beginAttempt(
        c,
        {
          kind: 'net-cancel',
          mercTrxNo: req.value.mercTrxNo,
          repeatsAttemptId: lost.id,
          body: netCancelBody(req.value),
        },
        'verify',
      );
      ledger.cancellations.update(c.id, {}, clock.now());
      return attempt;
    });
    const outcome = await callKicc(deps.kicc, { kind: 'net-cancel', req: req.value }, clock);
    const next = await ledger.writeSoon(() => recordVerification(c.id, check, outcome));
    deps.observer.connectivity(signalOf(outcome), isKiccAnswer(outcome));
    if (!('attempt' in next)) return announce(next);
    announce(next.cancellation);
    return sendCancel(next);
  }

  /**
   * One queue step for cancellation `id`: resend a queued one, verify an in-doubt one. Returns
   * null when there is nothing to do (already being worked, final, or closed).
   */
  async function work(id: number): Promise<Cancellation | null> {
    if (closed || busy.has(id)) return null;
    const c = ledger.cancellations.get(id);
    if (c === null || (c.state !== 'queued' && c.state !== 'in_doubt')) return null;
    busy.add(id);
    try {
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
   * would start it again at once, in a tight loop. It waits like a failed try instead.
   */
  function backOffAfterFailure(id: number): void {
    try {
      ledger.write(() => {
        const now = clock.now();
        const c = ledger.cancellations.get(id);
        if (c === null || (c.state !== 'queued' && c.state !== 'in_doubt')) return;
        if (c.nextTryAt !== null && c.nextTryAt > now) return;
        const tries = c.tries + 1;
        ledger.cancellations.update(id, { tries, nextTryAt: now + deps.retryDelay(tries) }, now);
      });
    } catch {
      // the ledger refuses this write too: the step's own error is the one reported
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
      .filter((c) => !busy.has(c.id));
    for (const c of late) {
      announce(ledger.write(() => toReview(current(c.id), 'verification-deadline', {})));
    }
    return late.length;
  }

  return {
    request,
    work,
    expireDeadlines,
    deadlineOf,
    isBusy: (id: number): boolean => busy.has(id),
    busyCount: (): number => busy.size,
    /** Stops taking work and waits for the exchanges in flight to be recorded. */
    async close(): Promise<void> {
      closed = true;
      while (running.size > 0) await Promise.allSettled([...running]);
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
