import type { CancellationState } from '../../shared/contract/models';
import { RESOLUTION_NOTES, RESOLVED_KIND } from '../store-ops/review';

/**
 * "관리자 확인" (issue 13): a final outcome that the MANAGER recorded from KICC's merchant portal,
 * not KICC's own answer. Reports, the close and the CSV mark it; this is the one place that
 * decides it.
 *
 * Evidence, strongest first:
 *  1. the cancellation's audit events: the last of `cancellation.resolved` (a manager's record)
 *     and `cancellation.reopened` (that record withdrawn: docs/manager-guide.md, the reopen
 *     path) decides. A manual record can keep KICC's code on the row, so the row alone may not
 *     tell; the events always do.
 *  2. without such events (a ledger written before the events existed, or a caller that did not
 *     read them): the row's note, 'manager-cancelled' / 'manager-not-cancelled'.
 * Only a final state (`cancelled`, `rejected`) can be a manual outcome: a reopened item waiting
 * for the manager again is simply unresolved.
 */
export const REOPENED_KIND = 'cancellation.reopened';
export const RESOLUTION_EVENT_KINDS = [RESOLVED_KIND, REOPENED_KIND] as const;
export type ResolutionEventKind = (typeof RESOLUTION_EVENT_KINDS)[number];

const MANUAL_NOTES: ReadonlySet<string> = new Set(Object.values(RESOLUTION_NOTES));

export function isManualOutcome(
  c: { state: CancellationState; note: string | null },
  lastResolutionEvent: ResolutionEventKind | null,
): boolean {
  if (c.state !== 'cancelled' && c.state !== 'rejected') return false;
  if (lastResolutionEvent !== null) return lastResolutionEvent === RESOLVED_KIND;
  return c.note !== null && MANUAL_NOTES.has(c.note);
}
