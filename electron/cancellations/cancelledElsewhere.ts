import { otherIssuer } from '../ledger/lookup';
import type { Ledger } from '../ledger/ledger';
import type { Cancellation, CancellationNote } from '../ledger/types';

/**
 * One payment, one refund in the books (issue 13 finding 2).
 *
 * KICC's "already cancelled" (S002) is read as "an earlier cancellation of ours stood"
 * (KICC-API.md "reqRtran"), and the cancellation is recorded `cancelled`. That is only true when
 * no OTHER receipt in the ledger holds the same payment with a cancellation that is cancelled or
 * may be: the same payment entered twice (under its VAN number and its merchant number, with
 * another amount) was refunded once at KICC, and would be counted twice here. Then the answer is
 * handed to the manager (`needs_review`, note 'already-cancelled-elsewhere'), never summed again.
 *
 * "The same payment": the same original approval number and date, on another receipt, unless the
 * two receipts name different card issuers (two issuers may give the same number on one day).
 * "May be cancelled": any state but `rejected`.
 */
export const ALREADY_CANCELLED_ELSEWHERE: CancellationNote = 'already-cancelled-elsewhere';

export function cancelledElsewhere(ledger: Ledger, c: Cancellation): Cancellation | null {
  const receipt = ledger.receipts.get(c.receiptId);
  for (const other of ledger.cancellations.forApproval(c.target.orgAprvNo, c.target.orgAprvDt)) {
    if (other.id === c.id || other.receiptId === c.receiptId || other.state === 'rejected')
      continue;
    const otherReceipt = ledger.receipts.get(other.receiptId);
    if (receipt !== null && otherReceipt !== null && otherIssuer(otherReceipt, receipt)) continue;
    return other;
  }
  return null;
}
