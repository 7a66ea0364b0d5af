import {
  posError,
  type PosError,
  type PosResult,
  type ReceiptCorrection,
} from '../../shared/contract';
import type { Clock } from '../../shared/clock';
import { serviceErrors } from '../cancellations/errors';
import { receiptView, type ReceiptView } from '../cancellations/views';
import { receiptSubject } from '../ledger/audit';
import type { Ledger } from '../ledger/ledger';

/**
 * A manager corrects the amounts of a receipt typed from paper, before cancelling it (issue 12
 * finding 6). KICC cancels in full only, so the cancel form shows the receipt's amounts
 * read-only; a cashier who typed a paper receipt's amount wrong (KICC then refuses with S003)
 * needs a manager, who corrects the receipt itself. Only a typed receipt (imported and training
 * receipts are KICC's own numbers), and only while no cancellation of it may stand (none, or the
 * last one was rejected). The amounts before and after, who and why, go into the audit log in
 * the same transaction.
 */
export const RECEIPT_CORRECTED = 'receipt.amounts_corrected';

export const correctionErrors = {
  notPaper: (): PosError =>
    posError(
      'not-paper-receipt',
      '종이 영수증으로 입력한 결제만 금액을 고칠 수 있습니다. 이 결제의 금액은 KICC 승인 내역 그대로입니다.',
      'Only a receipt typed from paper can be corrected; this payment’s amounts are KICC’s own.',
    ),
  hasCancellation: (): PosError =>
    posError(
      'receipt-has-cancellation',
      '이 영수증에는 거절되지 않은 취소가 있어 금액을 고칠 수 없습니다.',
      'This receipt has a cancellation that was not rejected: its amounts cannot be changed.',
    ),
};

export function correctPaperReceipt(
  ledger: Ledger,
  clock: Clock,
  input: ReceiptCorrection,
  actor: string,
): PosResult<ReceiptView> {
  const id = /^[0-9]+$/.test(input.receiptId) ? Number(input.receiptId) : null;
  return ledger.write((): PosResult<ReceiptView> => {
    const receipt = id === null ? null : ledger.receipts.getWithStatus(id);
    if (receipt === null) return { ok: false, error: serviceErrors.receiptNotFound() };
    if (receipt.source !== 'typed') return { ok: false, error: correctionErrors.notPaper() };
    if (receipt.cancellation !== null && receipt.cancellation.state !== 'rejected') {
      return { ok: false, error: correctionErrors.hasCancellation() };
    }
    const before = { trxAmt: receipt.trxAmt, vatAmt: receipt.vatAmt, svcAmt: receipt.svcAmt };
    const after = { trxAmt: input.trxAmt, vatAmt: input.vatAmt, svcAmt: input.svcAmt };
    if (JSON.stringify(before) === JSON.stringify(after))
      return { ok: true, value: receiptView(receipt) };
    ledger.receipts.correctAmounts(receipt.id, after);
    ledger.audit.record({
      at: clock.now(),
      actor,
      kind: RECEIPT_CORRECTED,
      subject: receiptSubject(receipt.id),
      details: { before, after, note: input.note.trim(), receiptId: receipt.id },
    });
    const stored = ledger.receipts.getWithStatus(receipt.id);
    if (stored === null) throw new Error(`receipt ${receipt.id} vanished`);
    return { ok: true, value: receiptView(stored) };
  });
}
