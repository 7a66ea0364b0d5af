import type { koReview } from './ko-review';

/** English of ./ko-review.ts: the type makes a missing key an error. */
export const enReview: Record<keyof typeof koReview, string> = {
  'review.title': 'Needs review',
  'review.help':
    'Cancellations whose outcome could not be verified automatically. Do not refund these in cash until they are resolved. Open each one, compare with KICC’s merchant portal and record what really happened.',
  'review.loading': 'Loading…',
  'review.empty': 'Nothing needs review.',
  'review.open': 'Open',
  'review.resolvedCancelled': 'Approval no. {no}: recorded as “cancelled”. It has left the list.',
  'review.resolvedNot':
    'Approval no. {no}: recorded as “not cancelled”. The receipt can be cancelled again.',
  'review.reopened': 'Approval no. {no}: reopened. Record the right outcome below.',
  'review.manualTitle': 'Recently resolved by a manager',
  'review.manualHelp':
    'If an outcome was recorded wrongly, open it and use “Reopen” to put it right.',
  'review.manualEmpty': 'No cancellation was resolved by a manager.',
  'review.outcomeColumn': 'Recorded outcome',

  'review.detailTitle': 'Needs review: approval no. {no}',
  'review.detailTitleResolved': 'Resolved by a manager: approval no. {no}',
  'review.requestedBy': 'Requested by',
  'review.approvedBy': 'Approved by',
  'review.noApproval': 'None (within the limit)',
  'review.inDoubtSince': 'Being verified since',
  'review.whyTitle': 'Why a manager must look',
  'review.unknownTitle': 'What the app could not tell',
  'review.conclusionTitle': 'What the record says',
  'review.implies.refunded':
    'By the record, this payment IS cancelled at KICC (the card is refunded).',
  'review.implies.not-refunded':
    'By the record, this payment is NOT cancelled at KICC (the card is not refunded).',
  'review.implies.unknown':
    'The record alone cannot tell whether the card payment is cancelled. Check KICC’s merchant portal.',
  'review.basis': 'Because of exchange no. {n}: {words}',
  'review.portalTitle': 'Check in KICC’s merchant portal',
  'review.portalHelp':
    'Log in to KICC’s merchant portal (web), find the payment below and see whether it is cancelled. Ask your KICC sales representative if you do not know the address.',
  'review.portalOriginal': 'Original: approval date {date}, approval no. {no}, amount {amount}',
  'review.portalOurNumbers': 'Merchant transaction numbers this app sent:',

  'review.attemptsTitle': 'Exchanges with KICC ({count})',
  'review.exchangeN': 'No. {n}',
  'review.kind.cancel': 'Cancellation request',
  'review.kind.net-cancel': 'Net-cancel request (reverses a cancellation)',
  'review.reading.cancel-accepted': 'Result: KICC cancelled the card payment (refunded).',
  'review.reading.cancel-already-cancelled':
    'Result: KICC says the payment was already cancelled. The card payment is cancelled.',
  'review.reading.cancel-refused': 'Result: KICC refused the cancellation. Nothing was done.',
  'review.reading.cancel-unknown-code':
    'Result: a code this app does not know. It may mean “already cancelled”, so whether it is cancelled is unknown.',
  'review.reading.cancel-unexpected':
    'Result: an answer a cancellation request should never get. Whether it is cancelled is unknown.',
  'review.reading.cancel-duplicate':
    'Result: a request with this number was made before. The first one’s outcome is unknown.',
  'review.reading.cancel-temporary-error':
    'Result: a temporary error at KICC — whether it went through is unknown.',
  'review.reading.cancel-no-answer':
    'Cancellation request — no answer ({cause}). It may have gone through at KICC.',
  'review.reading.cancel-not-sent': 'Cancellation request — not sent. It never reached KICC.',
  'review.reading.cancel-credentials-refused':
    'Cancellation request — KICC refused our credentials (not processed).',
  'review.reading.cancel-unfinished': 'Cancellation request — not finished (no answer recorded).',
  'review.reading.net-cancel-reversed':
    'Verified: the cancellation was reversed. The original payment is approved again (the refund is undone).',
  'review.reading.net-cancel-not-found':
    'Verified: the cancellation never reached KICC. There was nothing to reverse.',
  'review.reading.net-cancel-too-late':
    'Verified: the cancellation went through and is too old to reverse: it stands (refunded).',
  'review.reading.net-cancel-too-late-after-no-answer':
    'Verified: “too late to reverse”. But an earlier net-cancel went unanswered, so whether it already reversed the cancellation is unknown.',
  'review.reading.net-cancel-unexpected':
    'Verified: an unexpected answer. Whether the cancellation stands is unknown.',
  'review.reading.net-cancel-temporary-error':
    'Net-cancel request — a temporary error at KICC. Whether the cancellation was reversed is unknown.',
  'review.reading.net-cancel-no-answer':
    'Net-cancel request — no answer ({cause}). Whether the cancellation was reversed is unknown.',
  'review.reading.net-cancel-not-sent': 'Net-cancel request — not sent. Nothing was reversed.',
  'review.reading.net-cancel-credentials-refused':
    'Net-cancel request — KICC refused our credentials (not processed).',
  'review.reading.net-cancel-unfinished': 'Net-cancel request — not finished (no answer recorded).',
  'review.cause.network': 'network',
  'review.cause.timeout': 'timed out',
  'review.cause.server-error': 'KICC server error',
  'review.cause.bad-answer': 'an answer that cannot be read',
  'review.cause.app-stopped': 'the app stopped',
  'review.kiccSaid': 'KICC’s message: {message} ({code})',
  'review.requestNo': 'Number sent',
  'review.more': 'Details',
  'review.sentAt': 'Sent at',
  'review.endedAt': 'Ended at',
  'review.httpStatus': 'HTTP status',
  'review.error': 'Error (technical)',
  'review.bodySent': 'Body sent',
  'review.rawAnswer': 'KICC’s answer (raw)',
  'review.auditTitle': 'Audit events of this cancellation (details)',

  'review.historyTitle': 'Manager’s records',
  'review.history.resolved': '{at} · {who}: recorded as “{outcome}”',
  'review.history.note': 'Note: {note}',
  'review.history.override': 'Recorded against the record because: {reason}',
  'review.history.reopened': '{at} · {who}: reopened',
  'review.history.reason': 'Reason: {reason}',

  'review.resolveTitle': 'Record what you found',
  'review.outcome': 'What KICC’s merchant portal shows',
  'review.outcomeCancelled': 'Cancelled',
  'review.outcomeCancelledHelp':
    'KICC shows this payment as cancelled. The customer’s card is refunded.',
  'review.outcomeNotCancelled': 'Not cancelled',
  'review.outcomeNotCancelledHelp':
    'KICC shows this payment as still approved. The receipt can be cancelled again.',
  'review.outcomeRequired': 'Choose an outcome',
  'review.note': 'Note (required)',
  'review.notePlaceholder': 'e.g. Checked in KICC’s merchant portal at 14:10 on 27 Nov: cancelled',
  'review.noteHelp':
    'What you checked, where and with whom ({n}/{max} characters). Kept in the audit log only, never printed on the customer’s slip.',
  'review.noteRequired': 'Enter a note',
  'review.noteTooLong': 'At most 500 characters',
  'review.againstRecord': 'This outcome contradicts the record. {implies}',
  'review.overrideReason': 'Why you record against the record (required)',
  'review.overrideHelp':
    'What KICC’s merchant portal or KICC’s staff told you ({n}/{max} characters). Kept in the audit log.',
  'review.overrideRequired': 'To record against the record, give the reason',
  'review.overrideTooLong': 'At most 500 characters',
  'review.cancelAprvNo': 'Cancellation approval no. (optional)',
  'review.cancelAprvNoHelp': 'If KICC shows one, type it: it is printed on the slip.',
  'review.aprvNoAscii': 'Letters, digits and symbols only',
  'review.aprvNoTooLong': 'At most 10 characters',
  'review.record': 'Record (Enter)',
  'review.recordCancelled': 'Record as “cancelled” (Enter)',
  'review.recordNotCancelled': 'Record as “not cancelled” (Enter)',
  'review.recordAgainstCancelled': 'Record as “cancelled” against the record (Enter)',
  'review.recordAgainstNot': 'Record as “not cancelled” against the record (Enter)',

  'review.reopenTitle': 'Reopen',
  'review.reopenHelp':
    'If the outcome was recorded wrongly, reopen it: it goes back to “needs review” and you record the right outcome. Who reopened it and why are kept in the audit log.',
  'review.reopenReason': 'Why you reopen it (required)',
  'review.reopenReasonHelp': 'What you checked again ({n}/{max} characters).',
  'review.reopenRequired': 'Enter the reason',
  'review.reopenTooLong': 'At most 500 characters',
  'review.reopenButton': 'Reopen',
  'review.reopenBlocked':
    'It cannot be reopened: the receipt was cancelled again afterwards (cancellation {id}, {state}). One payment has one live cancellation. Check the new one.',
  'review.backToList': 'Back to the list (Esc)',
};
