import type { CancellationState } from '../../shared/contract/models';
import { isManagerResolution } from '../cancellations/resolution-notes';

/**
 * "관리자 확인" on the close, the reports and the CSV (issue 13): a final outcome the MANAGER
 * recorded from KICC's merchant portal, not KICC's own answer. Decided from the row's note, the
 * mark the review's resolution leaves and its reopening takes back
 * (electron/cancellations/resolution-notes.ts, the one rule the slips and screens use too); only
 * a final state can carry it, so a reopened item waiting for the manager again is simply
 * unresolved.
 */
export function isManualOutcome(c: { state: CancellationState; note: string | null }): boolean {
  return (c.state === 'cancelled' || c.state === 'rejected') && isManagerResolution(c.note);
}
