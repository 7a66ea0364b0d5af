import type { PosResult, ReviewDetail, ReviewStep } from '../../shared/contract';
import type { AuditEventRow } from '../audit/chain';
import type { JsonObject } from '../audit/canonical';
import { auditDetails } from '../audit/log';
import { auditEventView } from '../audit/view';
import { isManagerResolution } from '../cancellations/resolution-notes';
import { attemptView, cancellationView } from '../cancellations/views';
import type { CancellationView } from '../cancellations/views';
import { cancellationSubject } from '../ledger/audit';
import type { Ledger } from '../ledger/ledger';
import type { Cancellation } from '../ledger/types';
import { storeOpsErrors } from './errors';
import { readRecord } from './review-record';

/**
 * What the manager sees of a cancellation to review (issue 6; issue 13 finding 3; issue 9 "the
 * manager's review screen"): every exchange with KICC exactly as recorded, each one read
 * (./review-record.ts) with what the record implies, every audit event, and the manager's own
 * steps: resolutions and reopenings (./review-resolution.ts), oldest first. The manager's note
 * lives in the audit log's 'cancellation.resolved' event, never on the cancellation's row,
 * whose result keeps KICC's code and message.
 */

export { RESOLUTION_NOTES } from '../cancellations/resolution-notes';
export const RESOLVED_KIND = 'cancellation.resolved';
export const REOPENED_KIND = 'cancellation.reopened';

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

export const cancellationEvents = (ledger: Ledger, id: number): AuditEventRow[] =>
  ledger.audit.list({ subject: cancellationSubject(id), limit: 10_000 });

const text = (details: JsonObject | null, key: string): string | null => {
  const value = details?.[key];
  return typeof value === 'string' ? value : null;
};

/** The reason of an override, as 'cancellation.resolved' records it ({ override: { reason } }). */
function overrideReasonOf(details: JsonObject | null): string | null {
  const override = details?.override;
  if (typeof override !== 'object' || override === null || Array.isArray(override)) return null;
  return text(override as JsonObject, 'reason');
}

/** The manager's resolutions and reopenings, from the audit log, oldest first. */
export function reviewSteps(events: readonly AuditEventRow[]): ReviewStep[] {
  const steps: ReviewStep[] = [];
  for (const event of events) {
    const details = auditDetails(event);
    if (event.kind === RESOLVED_KIND) {
      const outcome = text(details, 'outcome');
      if (outcome !== 'cancelled' && outcome !== 'not-cancelled') continue;
      steps.push({
        kind: 'resolved',
        outcome,
        note: text(details, 'note') ?? '',
        overrideReason: overrideReasonOf(details),
        by: event.actor,
        at: event.at,
      });
    } else if (event.kind === REOPENED_KIND) {
      steps.push({
        kind: 'reopened',
        reason: text(details, 'reason') ?? '',
        by: event.actor,
        at: event.at,
      });
    }
  }
  return steps;
}

/**
 * The receipt's other live cancellation, which keeps a "not cancelled" resolution closed: the
 * ledger holds one live (not rejected) cancellation per receipt.
 */
export function laterLiveCancellation(ledger: Ledger, c: Cancellation): Cancellation | null {
  if (c.state !== 'rejected') return null;
  const live = ledger.cancellations.liveForReceipt(c.receiptId);
  return live !== null && live.id !== c.id ? live : null;
}

export function getReview(
  ledger: Ledger,
  id: string,
  confirmedRefusalCodes: readonly string[] = [],
): PosResult<ReviewDetail> {
  const c = findCancellation(ledger, id);
  if (c === null) return { ok: false, error: storeOpsErrors.cancellationNotFound() };
  const attempts = ledger.attempts.forCancellation(c.id);
  const events = cancellationEvents(ledger, c.id);
  const history = reviewSteps(events);
  const manual = isManagerResolution(c.note);
  const last = history.at(-1);
  const read = readRecord(attempts, confirmedRefusalCodes);
  const blockedBy = manual ? laterLiveCancellation(ledger, c) : null;
  return {
    ok: true,
    value: {
      cancellation: cancellationView(c, attempts),
      requestedBy: c.requestedBy,
      approvedBy: c.approvedBy,
      note: c.note,
      inDoubtSince: c.inDoubtSince,
      attempts: attempts.map(attemptView),
      record: {
        exchanges: read.exchanges.map((e) => ({ ...e, attemptId: String(e.attemptId) })),
        implies: read.implies,
        basisAttemptId: read.basisAttemptId === null ? null : String(read.basisAttemptId),
      },
      audit: events.map(auditEventView),
      resolution:
        manual && last?.kind === 'resolved'
          ? {
              outcome: last.outcome,
              note: last.note,
              overrideReason: last.overrideReason,
              by: last.by,
              at: last.at,
            }
          : null,
      history,
      reopen: {
        allowed: manual && blockedBy === null,
        blockedBy: blockedBy === null ? null : { id: String(blockedBy.id), state: blockedBy.state },
      },
    },
  };
}
