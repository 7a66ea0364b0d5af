import type { z } from 'zod';
import type { Clock } from '../../shared/clock';
import type { PosResult, reviewReopenSchema, reviewResolveSchema } from '../../shared/contract';
import type { JsonObject } from '../audit/canonical';
import { auditDetails } from '../audit/log';
import { cancelledElsewhere } from '../cancellations/cancelledElsewhere';
import { RESOLUTION_NOTES, isManagerResolution } from '../cancellations/resolution-notes';
import { cancellationSubject } from '../ledger/audit';
import type { CancellationChange } from '../ledger/cancellations';
import type { Ledger } from '../ledger/ledger';
import type { Cancellation } from '../ledger/types';
import { storeOpsErrors } from './errors';
import {
  REOPENED_KIND,
  RESOLVED_KIND,
  cancellationEvents,
  findCancellation,
  laterLiveCancellation,
} from './review';
import { reviewErrors } from './review-errors';
import { readRecord } from './review-record';
import { contradicts } from '../../shared/review/findings';

/**
 * The manager's record of a needs_review cancellation, and its correction (issue 6; issue 13
 * finding 3). Neither is a step of the engine's state machine: electron/cancellations/states.ts
 * keeps needs_review final for the ENGINE, which must never leave it by itself. A manager may,
 * after checking KICC's portal; each move has its own check here, and the state change and its
 * audit event are written in ONE transaction, the state re-read inside it.
 *
 *   resolve  needs_review -> cancelled (note 'manager-cancelled') | rejected ('manager-not-cancelled')
 *            Checked against what KICC said (./review-record.ts): a finding that contradicts the
 *            record needs `overrideReason`, kept in the audit event. KICC's code and message stay
 *            on the row; the manager's note goes to the audit event only (its own place: it is
 *            never printed for the customer, nor shown as KICC's reason).
 *            "cancelled" is refused while another receipt's cancellation of the same payment is
 *            cancelled or may be (../cancellations/cancelledElsewhere.ts): one refund, counted once.
 *            `rejected` is the one final state that frees the receipt (the ledger keeps one live,
 *            not rejected, cancellation per receipt): KICC says the payment still stands.
 *
 *   reopen   cancelled | rejected -> needs_review, only when the state is a MANAGER's record
 *            (KICC's own answers are not the manager's to undo), with a reason. The engine's
 *            note, approval number and finish time from before the resolution come back, so
 *            the item reads as the engine handed it over. A "not cancelled" resolution whose
 *            receipt was cancelled again since cannot be reopened: the two would both be live
 *            for one payment (the database's unique index would refuse it too); the manager
 *            looks at the new cancellation instead.
 */
export type ReviewResolution = z.output<typeof reviewResolveSchema>;
export type ReviewReopening = z.output<typeof reviewReopenSchema>;

/** The row as it was before the resolution, kept in its audit event for a reopening. */
interface Before {
  note: string | null;
  aprvNo: string | null;
  finishedAt: number | null;
}

/**
 * `step` on the cancellation as it is inside ONE write transaction (read again there: the state
 * is checked where it is changed); its change and audit event commit together or not at all.
 */
function inOneTransaction(
  ledger: Ledger,
  id: string,
  step: (c: Cancellation) => PosResult<Cancellation>,
): PosResult<Cancellation> {
  const found = findCancellation(ledger, id);
  if (found === null) return { ok: false, error: storeOpsErrors.cancellationNotFound() };
  return ledger.write((): PosResult<Cancellation> => {
    const c = ledger.cancellations.get(found.id);
    return c === null ? { ok: false, error: storeOpsErrors.cancellationNotFound() } : step(c);
  });
}

export function resolveReview(
  ledger: Ledger,
  clock: Clock,
  input: ReviewResolution,
  actor: string,
  confirmedRefusalCodes: readonly string[] = [],
): PosResult<Cancellation> {
  return inOneTransaction(ledger, input.id, (c) => {
    if (c.state !== 'needs_review') return { ok: false, error: storeOpsErrors.notNeedsReview() };
    // One payment, one refund in the books (../cancellations/cancelledElsewhere.ts): while
    // another receipt's cancellation of the same payment is cancelled, or may be, "cancelled"
    // here would count that payment's refund twice. No override: a manager settles the other
    // first (should it end not cancelled, this one may then be recorded cancelled).
    const elsewhere = input.outcome === 'cancelled' ? cancelledElsewhere(ledger, c) : null;
    if (elsewhere !== null) return { ok: false, error: reviewErrors.refundedElsewhere(elsewhere) };
    const { implies } = readRecord(ledger.attempts.forCancellation(c.id), confirmedRefusalCodes);
    const against = contradicts(implies, input.outcome);
    if (against && implies !== 'unknown' && input.overrideReason === undefined) {
      return { ok: false, error: reviewErrors.contradictsRecord(implies) };
    }
    const at = clock.now();
    const to = input.outcome === 'cancelled' ? 'cancelled' : 'rejected';
    const before: Before = { note: c.note, aprvNo: c.result.aprvNo, finishedAt: c.finishedAt };
    const next = ledger.cancellations.update(
      c.id,
      {
        state: to,
        openAttemptId: null,
        inDoubtSince: null,
        nextTryAt: null,
        tries: 0,
        note: RESOLUTION_NOTES[input.outcome],
        finishedAt: at,
        // the portal's cancellation approval number is KICC's data: the slip prints it
        ...(to === 'cancelled' && input.cancelAprvNo !== undefined
          ? { result: { aprvNo: input.cancelAprvNo } }
          : {}),
      },
      at,
    );
    ledger.audit.record({
      at,
      actor,
      kind: RESOLVED_KIND,
      subject: cancellationSubject(c.id),
      details: {
        from: c.state,
        to,
        outcome: input.outcome,
        note: input.note,
        cancelAprvNo: input.cancelAprvNo ?? null,
        implied: implies,
        override:
          input.overrideReason === undefined
            ? null
            : { reason: input.overrideReason, contradicted: against },
        before: { ...before },
        cancellationId: c.id,
        receiptId: c.receiptId,
      },
    });
    return { ok: true, value: next };
  });
}

/** `before` of the latest resolution, else the engine's hand-over note (older resolutions). */
function beforeResolution(ledger: Ledger, c: Cancellation): Partial<Before> {
  const events = cancellationEvents(ledger, c.id);
  const resolved = events.filter((e) => e.kind === RESOLVED_KIND).at(-1);
  const recorded = resolved === undefined ? null : auditDetails(resolved)?.before;
  if (typeof recorded === 'object' && recorded !== null && !Array.isArray(recorded)) {
    const b = recorded as JsonObject;
    return {
      note: typeof b.note === 'string' && !isManagerResolution(b.note) ? b.note : null,
      aprvNo: typeof b.aprvNo === 'string' ? b.aprvNo : null,
      finishedAt: typeof b.finishedAt === 'number' ? b.finishedAt : null,
    };
  }
  const handedOver = events.filter((e) => e.kind === 'cancellation.needs_review').at(-1);
  const note = handedOver === undefined ? undefined : auditDetails(handedOver)?.note;
  return { note: typeof note === 'string' ? note : null };
}

export function reopenReview(
  ledger: Ledger,
  clock: Clock,
  input: ReviewReopening,
  actor: string,
): PosResult<Cancellation> {
  return inOneTransaction(ledger, input.id, (c) => {
    if ((c.state !== 'cancelled' && c.state !== 'rejected') || !isManagerResolution(c.note)) {
      return { ok: false, error: reviewErrors.notManagerResolved() };
    }
    const later = laterLiveCancellation(ledger, c);
    if (later !== null) return { ok: false, error: reviewErrors.receiptCancelledAgain(later) };
    const before = beforeResolution(ledger, c);
    const at = clock.now();
    const change: CancellationChange = {
      state: 'needs_review',
      note: before.note ?? null,
      finishedAt: before.finishedAt ?? c.finishedAt,
      ...('aprvNo' in before ? { result: { aprvNo: before.aprvNo ?? null } } : {}),
    };
    const next = ledger.cancellations.update(c.id, change, at);
    ledger.audit.record({
      at,
      actor,
      kind: REOPENED_KIND,
      subject: cancellationSubject(c.id),
      details: {
        from: c.state,
        to: 'needs_review',
        reopened: c.note,
        reason: input.reason,
        note: next.note,
        cancellationId: c.id,
        receiptId: c.receiptId,
      },
    });
    return { ok: true, value: next };
  });
}
