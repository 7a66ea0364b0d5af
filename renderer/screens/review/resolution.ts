import type { ReviewOutcome } from '../../../shared/contract/manager-requests';
import type { MessageKey } from '../../i18n/translate';

/**
 * The manager's finding for a needs_review cancellation, as typed (issue 6), checked in the page
 * with the contract's own bounds (shared/contract/manager-requests.ts reviewResolveSchema): an
 * outcome chosen, a note of 1 to 500 characters (trimmed), and, for "cancelled", the portal's
 * approval number when the manager has it (1 to 10 printable ASCII characters).
 */
export const NOTE_MAX = 500;
export const APRV_NO_MAX = 10;

export interface ResolutionDraft {
  outcome: ReviewOutcome | '';
  note: string;
  cancelAprvNo: string;
}

export type ResolutionField = keyof ResolutionDraft;

export const emptyResolution: ResolutionDraft = { outcome: '', note: '', cancelAprvNo: '' };

export type ResolutionErrors = Partial<Record<ResolutionField, MessageKey>>;

export function validateResolution(draft: ResolutionDraft): ResolutionErrors {
  const errors: ResolutionErrors = {};
  if (draft.outcome === '') errors.outcome = 'review.outcomeRequired';
  const note = draft.note.trim();
  if (note === '') errors.note = 'review.noteRequired';
  else if (note.length > NOTE_MAX) errors.note = 'review.noteTooLong';
  const aprvNo = draft.cancelAprvNo.trim();
  if (draft.outcome === 'cancelled' && aprvNo !== '') {
    if (!/^[\x21-\x7e]+$/.test(aprvNo)) errors.cancelAprvNo = 'review.aprvNoAscii';
    else if (aprvNo.length > APRV_NO_MAX) errors.cancelAprvNo = 'review.aprvNoTooLong';
  }
  return errors;
}

/** The request for review.resolve, once the draft has no errors. */
export function resolutionRequest(
  id: string,
  draft: ResolutionDraft & { outcome: ReviewOutcome },
): { id: string; outcome: ReviewOutcome; note: string; cancelAprvNo?: string } {
  const aprvNo = draft.cancelAprvNo.trim();
  return {
    id,
    outcome: draft.outcome,
    note: draft.note.trim(),
    ...(draft.outcome === 'cancelled' && aprvNo !== '' ? { cancelAprvNo: aprvNo } : {}),
  };
}
