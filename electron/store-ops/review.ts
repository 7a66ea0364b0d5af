import type { Clock } from '../../shared/clock';
import type { PosResult, ReviewDetail } from '../../shared/contract';
import type { z } from 'zod';
import type { reviewResolveSchema } from '../../shared/contract';
import { auditDetails } from '../audit/log';
import { auditEventView } from '../audit/view';
import { attemptView, cancellationView } from '../cancellations/views';
import type { CancellationView } from '../cancellations/views';
import { cancellationSubject } from '../ledger/audit';
import type { Ledger } from '../ledger/ledger';
import type { Cancellation } from '../ledger/types';
import { storeOpsErrors } from './errors';

/**
 * needs_review resolution (issue 6): the manager sees everything known — every attempt with the
 * exact body sent and KICC's raw answer, and every audit event — checks KICC's merchant portal,
 * and records the true outcome with a note.
 *
 *   cancelled      -> `cancelled` (note 'manager-cancelled'): the receipt stays cancelled.
 *   not-cancelled  -> `rejected`  (note 'manager-not-cancelled'): the ledger's one-live-
 *                     cancellation-per-receipt rule excludes `rejected`, so the receipt can be
 *                     cancelled again, which is right: KICC says the payment still stands.
 * No new state: every screen already knows both. Should the manager be wrong, a new
 * cancellation gets KICC's "already cancelled" (S002) and ends `cancelled`: no double refund.
 *
 * This is a manager's record, not a step of the engine's state machine
 * (electron/cancellations/states.ts keeps needs_review final for the engine): it is written
 * here, with its own check, the state change and its audit event in ONE transaction.
 */
export type ReviewResolution = z.output<typeof reviewResolveSchema>;

export const RESOLVED_KIND = 'cancellation.resolved';

export const RESOLUTION_NOTES = {
  cancelled: 'manager-cancelled',
  'not-cancelled': 'manager-not-cancelled',
} as const;

function rowId(id: string): number | null {
  if (!/^[1-9][0-9]{0,15}$/.test(id)) return null;
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : null;
}

export function findCancellation(ledger: Ledger, id: string): Cancellation | null {
  const n = rowId(id);
  return n === null ? null : ledger.cancellations.get(n);
}

export const viewOf = (ledger: Ledger, c: Cancellation): CancellationView =>
  cancellationView(c, ledger.attempts.forCancellation(c.id));

export function getReview(ledger: Ledger, id: string): PosResult<ReviewDetail> {
  const c = findCancellation(ledger, id);
  if (c === null) return { ok: false, error: storeOpsErrors.cancellationNotFound() };
  const attempts = ledger.attempts.forCancellation(c.id);
  const events = ledger.audit.list({ subject: cancellationSubject(c.id), limit: 10_000 });
  const resolved = events.filter((e) => e.kind === RESOLVED_KIND).at(-1);
  const details = resolved === undefined ? null : auditDetails(resolved);
  const outcome = details?.outcome;
  return {
    ok: true,
    value: {
      cancellation: cancellationView(c, attempts),
      requestedBy: c.requestedBy,
      approvedBy: c.approvedBy,
      note: c.note,
      inDoubtSince: c.inDoubtSince,
      attempts: attempts.map(attemptView),
      audit: events.map(auditEventView),
      resolution:
        resolved !== undefined && (outcome === 'cancelled' || outcome === 'not-cancelled')
          ? {
              outcome,
              note: typeof details?.note === 'string' ? details.note : '',
              by: resolved.actor,
              at: resolved.at,
            }
          : null,
    },
  };
}

export function resolveReview(
  ledger: Ledger,
  clock: Clock,
  input: ReviewResolution,
  actor: string,
): PosResult<Cancellation> {
  const found = findCancellation(ledger, input.id);
  if (found === null) return { ok: false, error: storeOpsErrors.cancellationNotFound() };
  return ledger.write((): PosResult<Cancellation> => {
    // read again inside the transaction: the state is checked where it is changed
    const c = ledger.cancellations.get(found.id);
    if (c === null) return { ok: false, error: storeOpsErrors.cancellationNotFound() };
    if (c.state !== 'needs_review') return { ok: false, error: storeOpsErrors.notNeedsReview() };
    const at = clock.now();
    const to = input.outcome === 'cancelled' ? 'cancelled' : 'rejected';
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
        result:
          to === 'cancelled'
            ? { code: null, message: input.note, aprvNo: input.cancelAprvNo ?? c.result.aprvNo }
            : { code: null, message: input.note },
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
        cancellationId: c.id,
        receiptId: c.receiptId,
      },
    });
    return { ok: true, value: next };
  });
}
