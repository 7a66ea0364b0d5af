import { afterEach, describe, expect, it } from 'vitest';
import { cancelledElsewhere } from '../../../electron/cancellations/cancelledElsewhere';
import { targetOf } from '../../../electron/cancellations/kiccRequests';
import type { Ledger } from '../../../electron/ledger/ledger';
import type { CancellationState, NewReceipt } from '../../../electron/ledger/types';
import { sampleReceipt, tempLedger } from '../ledger/tmpLedger';

/**
 * The check behind "already cancelled" (issue 13 finding 2): another receipt of the same
 * payment holding a cancellation that stands or may stand.
 */
let open: ReturnType<typeof tempLedger> | undefined;
afterEach(() => open?.remove());

function cancel(ledger: Ledger, receipt: NewReceipt, state: CancellationState) {
  return ledger.write(() => {
    const r = ledger.receipts.insert(receipt, 1);
    const id = ledger.cancellations.insert(
      {
        receiptId: r.id,
        clientRequestId: null,
        state,
        requestedBy: 'cashier',
        approvedBy: null,
        reason: null,
        target: targetOf(r),
      },
      1,
    );
    const c = ledger.cancellations.get(id);
    if (c === null) throw new Error('vanished');
    return c;
  });
}

describe('cancelledElsewhere', () => {
  const payment = { aprvNo: '55550001', aprvDt: '20240105' };

  it.each<[string, CancellationState, Partial<NewReceipt>, boolean]>([
    ['cancelled under the other receipt', 'cancelled', {}, true],
    ['still being verified under the other receipt (it may stand)', 'in_doubt', {}, true],
    ['waiting for the manager under the other receipt', 'needs_review', {}, true],
    ['refused under the other receipt (nothing stands)', 'rejected', {}, false],
    [
      'another card issuer’s payment with the same number',
      'cancelled',
      { issuerName: '신한카드' },
      false,
    ],
    ['another approval date', 'cancelled', { aprvDt: '20240106' }, false],
  ])('%s', (_what, otherState, otherReceipt, found) => {
    open = tempLedger();
    const { ledger } = open;
    const other = cancel(
      ledger,
      sampleReceipt({ ...payment, issuerName: 'KB국민카드', ...otherReceipt }),
      otherState,
    );
    const ours = cancel(
      ledger,
      sampleReceipt({ ...payment, issuerName: 'KB국민카드', trxAmt: 90_000, vatAmt: 8_182 }),
      'sending',
    );
    expect(cancelledElsewhere(ledger, ours)?.id ?? null).toBe(found ? other.id : null);
  });
});
