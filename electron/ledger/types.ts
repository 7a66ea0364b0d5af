import type { KiccClass } from '../kicc/outcome';
import type { Wcc } from '../../shared/kicc/types';

/**
 * The ledger's records, in KICC's and the cashier's words. Rows are mapped to these in the
 * repositories; nothing outside electron/ledger/ sees a column name.
 */

/** DESIGN.md "A cancellation's life". */
export type CancellationState =
  | 'draft'
  | 'pending'
  | 'sending'
  | 'queued'
  | 'in_doubt'
  | 'cancelled'
  | 'rejected'
  | 'needs_review';

export const FINAL_STATES: readonly CancellationState[] = ['cancelled', 'rejected', 'needs_review'];

/** Where a locally known original came from. */
export type ReceiptSource = 'imported' | 'typed' | 'training';

/** An original payment known locally (imported, typed from a paper receipt, or training). */
export interface Receipt {
  id: number;
  /** KICC's vanTrxNo of the original: the `T` cancellation key */
  vanTrxNo: string | null;
  /** the original's merchant transaction number: the `G` cancellation key */
  mercTrxNo: string | null;
  aprvNo: string;
  /** yyyyMMdd */
  aprvDt: string;
  /** HHmmss, when known */
  aprvTm: string | null;
  trxAmt: number;
  vatAmt: number;
  svcAmt: number;
  alotMonth: string;
  issuerName: string | null;
  /** KICC's issuer code (issFmCd), when the receipt's source knows it */
  issuerCode: string | null;
  /** masked card number as printed, e.g. 1234-56**-****-1234 */
  cardMasked: string | null;
  source: ReceiptSource;
  createdAt: number;
}

export type NewReceipt = Omit<Receipt, 'id' | 'createdAt'>;

/** The receipt's current cancellation, as a lookup result shows it. */
export interface ReceiptCancellationStatus {
  cancellationId: number;
  state: CancellationState;
  updatedAt: number;
}

export interface ReceiptWithStatus extends Receipt {
  /** the live (not rejected) cancellation, else the latest rejected one, else null */
  cancellation: ReceiptCancellationStatus | null;
}

/** What a cancellation asks KICC to cancel: the original's key and data, frozen when confirmed. */
export interface CancellationTarget {
  wcc: Wcc;
  cndTrxNo: string;
  trxAmt: number;
  vatAmt: number;
  svcAmt: number;
  alotMonth: string;
  orgAprvDt: string;
  orgAprvNo: string;
}

/** KICC's data about the cancellation, from the answer that made it final. */
export interface CancellationResult {
  code: string | null;
  message: string | null;
  aprvNo: string | null;
  cndDt: string | null;
  cndTm: string | null;
  vanTrxNo: string | null;
  cardConfirmNo: string | null;
  issuerName: string | null;
  /** KICC's issuer code (issFmCd) */
  issuerCode: string | null;
  /** the card company's merchant number (joShopNo) */
  merchantNo: string | null;
}

/**
 * Why a final state was reached, beyond KICC's code (e.g. 'stood-earlier'). For needs_review the
 * note says what the engine could not tell (electron/cancellations/doubts.ts words it for the
 * manager); KICC's respCd/respMsg of the deciding answer stay on the row (result_code/message).
 */
export type CancellationNote =
  | 'stood-earlier'
  | 'verified-landed'
  | 'verification-deadline'
  | 'unexpected-answer'
  | 'restart-before-send'
  /** KICC said "already cancelled" and the ledger holds this payment cancelled under another receipt */
  | 'already-cancelled-elsewhere'
  /** reqCancel answered with a code not known to mean "nothing happened" */
  | 'unknown-code'
  /** the redo was refused after we reversed our own landed cancellation */
  | 'refused-after-reversal'
  /** a reversal would be needed, the redo could be refused, and waiting it out did not settle it */
  | 'reversal-not-safe'
  /** a second reversal of our own would be needed (at most one per cancellation) */
  | 'reversal-limit'
  /** S007 after an earlier reqRtran of ours for the same request went unanswered */
  | 'window-after-unanswered-reversal'
  /**
   * our reqCancels kept going unanswered while verification found none of them landed: KICC may
   * be refusing them for a reason we never get to read (e.g. already cancelled elsewhere)
   */
  | 'unanswered-cancels';

export interface Cancellation {
  id: number;
  receiptId: number;
  /** the screen's idempotency key (one per confirmation screen), when given */
  clientRequestId: string | null;
  state: CancellationState;
  requestedBy: string;
  approvedBy: string | null;
  reason: string | null;
  target: CancellationTarget;
  createdAt: number;
  updatedAt: number;
  openAttemptId: number | null;
  inDoubtSince: number | null;
  nextTryAt: number | null;
  tries: number;
  result: CancellationResult;
  note: string | null;
  finishedAt: number | null;
}

export type AttemptKind = 'cancel' | 'net-cancel';
export type AttemptState = 'sending' | 'answered' | 'failed';

/** One HTTP exchange with KICC (DESIGN.md: "each attempt keeps its mercTrxNo, the exact body"). */
export interface Attempt {
  id: number;
  cancellationId: number;
  kind: AttemptKind;
  mercTrxNo: string;
  repeatsAttemptId: number | null;
  body: string;
  sentAt: number;
  state: AttemptState;
  class: KiccClass | null;
  code: string | null;
  message: string | null;
  httpStatus: number | null;
  responseBody: string | null;
  error: string | null;
  endedAt: number | null;
}

/**
 * An attempt without its request, answer and error texts: what the engine's policies read of a
 * cancellation's history on every step (../cancellations/history.ts), without the kilobyte of
 * text per attempt they never look at.
 */
export type AttemptFacts = Omit<Attempt, 'body' | 'responseBody' | 'error'>;

export interface AuditEvent {
  id: number;
  at: number;
  actor: string;
  kind: string;
  cancellationId: number | null;
  receiptId: number | null;
  detail: Record<string, unknown>;
}
