import type { RecordImplies } from '../../../shared/contract/review-models';
import type { ReviewOutcome } from '../../../shared/contract/review-requests';
import { REVIEW_TEXT_MAX } from '../../../shared/review/text';
import { contradicts } from '../../../shared/review/findings';
import type { MessageKey } from '../../i18n/translate';

/**
 * The manager's finding for a needs_review cancellation, as typed (issue 6; issue 13 finding 3),
 * checked in the page with the contract's own bounds (shared/contract/review-requests.ts): an
 * outcome chosen; a note of 1 to 500 characters (trimmed); for "cancelled", the portal's
 * approval number when the manager has it (1 to 10 printable ASCII characters); and, when the
 * outcome contradicts what KICC's answers imply, the reason for recording it anyway. Main
 * checks the same again (`contradicts-record`).
 */
export const NOTE_MAX = REVIEW_TEXT_MAX;
export const APRV_NO_MAX = 10;

export interface ResolutionDraft {
  outcome: ReviewOutcome | '';
  note: string;
  cancelAprvNo: string;
  overrideReason: string;
}

export type ResolutionField = keyof ResolutionDraft;

export const emptyResolution: ResolutionDraft = {
  outcome: '',
  note: '',
  cancelAprvNo: '',
  overrideReason: '',
};

export type ResolutionErrors = Partial<Record<ResolutionField, MessageKey>>;

/** The chosen outcome says the opposite of the record: an override with a reason is needed. */
export const isAgainstRecord = (draft: ResolutionDraft, implies: RecordImplies): boolean =>
  draft.outcome !== '' && contradicts(implies, draft.outcome);

/** A required manager's text: the key for "missing" or "too long", or undefined when fine. */
function textError(text: string, missing: MessageKey, tooLong: MessageKey): MessageKey | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return missing;
  return trimmed.length > REVIEW_TEXT_MAX ? tooLong : undefined;
}

export function validateResolution(
  draft: ResolutionDraft,
  implies: RecordImplies,
): ResolutionErrors {
  const errors: ResolutionErrors = {};
  if (draft.outcome === '') errors.outcome = 'review.outcomeRequired';
  const note = textError(draft.note, 'review.noteRequired', 'review.noteTooLong');
  if (note) errors.note = note;
  const aprvNo = draft.cancelAprvNo.trim();
  if (draft.outcome === 'cancelled' && aprvNo !== '') {
    if (!/^[\x21-\x7e]+$/.test(aprvNo)) errors.cancelAprvNo = 'review.aprvNoAscii';
    else if (aprvNo.length > APRV_NO_MAX) errors.cancelAprvNo = 'review.aprvNoTooLong';
  }
  if (isAgainstRecord(draft, implies)) {
    const reason = textError(
      draft.overrideReason,
      'review.overrideRequired',
      'review.overrideTooLong',
    );
    if (reason) errors.overrideReason = reason;
  }
  return errors;
}

/** The request for review.resolve, once the draft has no errors. */
export function resolutionRequest(
  id: string,
  draft: ResolutionDraft & { outcome: ReviewOutcome },
  implies: RecordImplies,
): {
  id: string;
  outcome: ReviewOutcome;
  note: string;
  cancelAprvNo?: string;
  overrideReason?: string;
} {
  const aprvNo = draft.cancelAprvNo.trim();
  return {
    id,
    outcome: draft.outcome,
    note: draft.note.trim(),
    ...(draft.outcome === 'cancelled' && aprvNo !== '' ? { cancelAprvNo: aprvNo } : {}),
    ...(isAgainstRecord(draft, implies) ? { overrideReason: draft.overrideReason.trim() } : {}),
  };
}

/** "다시 열기": a reason of 1 to 500 characters. */
export const validateReopenReason = (reason: string): MessageKey | undefined =>
  textError(reason, 'review.reopenRequired', 'review.reopenTooLong');
