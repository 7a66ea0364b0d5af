import { afterEach, describe, expect, it } from 'vitest';
import { receiptCorrectionSchema } from '../../../shared/contract';
import {
  RECEIPT_CORRECTED,
  correctPaperReceipt,
} from '../../../electron/counter/receipt-correction';
import { receiptSubject } from '../../../electron/ledger/audit';
import type { Ledger } from '../../../electron/ledger/ledger';
import type { CancellationState } from '../../../electron/ledger/types';
import { sampleReceipt, tempLedger } from '../ledger/tmpLedger';

const clock = { now: () => 1_704_420_000_000 };
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function ledgerWith(source: 'typed' | 'imported' | 'training', cancellation?: CancellationState) {
  const t = tempLedger();
  cleanup = t.remove;
  const receipt = t.ledger.write(() =>
    t.ledger.receipts.insert(sampleReceipt({ source, trxAmt: 10_000, vatAmt: 909 }), clock.now()),
  );
  if (cancellation !== undefined) {
    t.ledger.write(() =>
      t.ledger.cancellations.insert(
        {
          receiptId: receipt.id,
          clientRequestId: null,
          state: cancellation,
          requestedBy: 'cashier',
          approvedBy: null,
          reason: '고객 변심',
          target: {
            wcc: 'T',
            cndTrxNo: receipt.vanTrxNo ?? '',
            trxAmt: 10_000,
            vatAmt: 909,
            svcAmt: 0,
            alotMonth: '00',
            orgAprvDt: receipt.aprvDt,
            orgAprvNo: receipt.aprvNo,
          },
        },
        clock.now(),
      ),
    );
  }
  return { ledger: t.ledger, receiptId: String(receipt.id) };
}

const correction = (receiptId: string) => ({
  receiptId,
  trxAmt: 11_000,
  vatAmt: 1_000,
  svcAmt: 0,
  note: '종이 영수증 금액을 잘못 입력함',
});

const events = (ledger: Ledger, id: string) =>
  ledger.audit.list({ subject: receiptSubject(Number(id)), kind: RECEIPT_CORRECTED });

/** Issue 12 finding 6: amounts come from the receipt; only a manager corrects a paper one. */
describe('finding 6: a manager corrects a paper receipt’s amounts before cancelling, audited', () => {
  it('changes the receipt and records before, after, who and why in the same write', () => {
    const { ledger, receiptId } = ledgerWith('typed');
    const answer = correctPaperReceipt(ledger, clock, correction(receiptId), 'manager');
    expect(answer).toMatchObject({ ok: true, value: { trxAmt: 11_000, vatAmt: 1_000 } });
    expect(ledger.receipts.get(Number(receiptId))).toMatchObject({ trxAmt: 11_000, vatAmt: 1_000 });
    const [event] = events(ledger, receiptId);
    expect(event).toMatchObject({ actor: 'manager', kind: RECEIPT_CORRECTED });
    expect(JSON.parse(event?.details ?? '{}')).toMatchObject({
      before: { trxAmt: 10_000, vatAmt: 909, svcAmt: 0 },
      after: { trxAmt: 11_000, vatAmt: 1_000, svcAmt: 0 },
      note: '종이 영수증 금액을 잘못 입력함',
    });
    expect(ledger.audit.verify().ok).toBe(true);
  });

  it('after KICC refused the first try (rejected), the amounts may be corrected', () => {
    const { ledger, receiptId } = ledgerWith('typed', 'rejected');
    expect(correctPaperReceipt(ledger, clock, correction(receiptId), 'manager').ok).toBe(true);
  });

  it.each<[string, 'typed' | 'imported' | 'training', CancellationState | undefined, string]>([
    ['an imported receipt: KICC’s own amounts', 'imported', undefined, 'not-paper-receipt'],
    ['a training sample', 'training', undefined, 'not-paper-receipt'],
    ['a paper receipt being cancelled', 'typed', 'in_doubt', 'receipt-has-cancellation'],
    ['a paper receipt already cancelled', 'typed', 'cancelled', 'receipt-has-cancellation'],
  ])('refuses %s, and changes nothing', (_case, source, state, code) => {
    const { ledger, receiptId } = ledgerWith(source, state);
    const answer = correctPaperReceipt(ledger, clock, correction(receiptId), 'manager');
    expect(answer).toMatchObject({ ok: false, error: { code } });
    expect(ledger.receipts.get(Number(receiptId))?.trxAmt).toBe(10_000);
    expect(events(ledger, receiptId)).toEqual([]);
  });

  it('an unknown receipt is not found; the same amounts again record nothing', () => {
    const { ledger, receiptId } = ledgerWith('typed');
    expect(correctPaperReceipt(ledger, clock, correction('999'), 'manager')).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const same = { ...correction(receiptId), trxAmt: 10_000, vatAmt: 909 };
    expect(correctPaperReceipt(ledger, clock, same, 'manager').ok).toBe(true);
    expect(events(ledger, receiptId)).toEqual([]);
  });

  it('the contract holds the amounts to KICC’s rules and wants a reason', () => {
    const base = correction('1');
    expect(receiptCorrectionSchema.safeParse(base).success).toBe(true);
    expect(receiptCorrectionSchema.safeParse({ ...base, vatAmt: 20_000 }).success).toBe(false);
    expect(receiptCorrectionSchema.safeParse({ ...base, note: '  ' }).success).toBe(false);
    expect(receiptCorrectionSchema.safeParse({ ...base, trxAmt: 0 }).success).toBe(false);
  });
});
