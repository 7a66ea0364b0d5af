import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardLast4 } from '../../../electron/ledger/receipts';
import type { Ledger } from '../../../electron/ledger/ledger';
import type { CancellationState, Receipt } from '../../../electron/ledger/types';
import { sampleReceipt, tempLedger } from './tmpLedger';

let t: ReturnType<typeof tempLedger>;
let ledger: Ledger;
beforeEach(() => {
  t = tempLedger();
  ledger = t.ledger;
});
afterEach(() => t.remove());

function addCancellation(receipt: Receipt, state: CancellationState, at = 1000): number {
  return ledger.cancellations.insert(
    {
      receiptId: receipt.id,
      clientRequestId: null,
      state,
      requestedBy: 'cashier-1',
      approvedBy: null,
      reason: null,
      target: {
        wcc: 'T',
        cndTrxNo: receipt.vanTrxNo ?? '',
        trxAmt: receipt.trxAmt,
        vatAmt: receipt.vatAmt,
        svcAmt: receipt.svcAmt,
        alotMonth: receipt.alotMonth,
        orgAprvDt: receipt.aprvDt,
        orgAprvNo: receipt.aprvNo,
      },
    },
    at,
  );
}

describe('receipt lookups', () => {
  it('finds a receipt by each of its keys, with no cancellation yet', () => {
    const r = ledger.receipts.insert(sampleReceipt(), 1);
    const expected = { ...r, cancellation: null };
    expect(ledger.receipts.byVanTrxNo(r.vanTrxNo ?? '', 10)).toEqual([expected]);
    expect(ledger.receipts.byMercTrxNo(r.mercTrxNo ?? '', 10)).toEqual([expected]);
    expect(ledger.receipts.byApproval(r.aprvNo, r.aprvDt, 10)).toEqual([expected]);
    expect(
      ledger.receipts.byDateAmount({ from: r.aprvDt, to: r.aprvDt, trxAmt: r.trxAmt, limit: 10 }),
    ).toEqual([expected]);
  });

  it.each([
    ['by vanTrxNo', (l: Ledger) => l.receipts.byVanTrxNo('NOPE', 10)],
    ['by mercTrxNo', (l: Ledger) => l.receipts.byMercTrxNo('NOPE', 10)],
    [
      'by approval on another date',
      (l: Ledger) => l.receipts.byApproval('00000001', '20240106', 10),
    ],
  ])('finds nothing %s that does not match', (_name, find) => {
    ledger.receipts.insert(sampleReceipt({ aprvNo: '00000001' }), 1);
    expect(find(ledger)).toEqual([]);
  });

  it('searches by date range and amount, and narrows by the card last four digits', () => {
    const a = ledger.receipts.insert(
      sampleReceipt({ aprvDt: '20240103', trxAmt: 5000, vatAmt: 455 }),
      1,
    );
    const b = ledger.receipts.insert(
      sampleReceipt({
        aprvDt: '20240104',
        trxAmt: 5000,
        vatAmt: 455,
        cardMasked: '9876-54**-****-1111',
      }),
      1,
    );
    ledger.receipts.insert(sampleReceipt({ aprvDt: '20240109', trxAmt: 5000, vatAmt: 455 }), 1);
    ledger.receipts.insert(sampleReceipt({ aprvDt: '20240104', trxAmt: 5001, vatAmt: 455 }), 1);
    const inRange = ledger.receipts.byDateAmount({
      from: '20240102',
      to: '20240105',
      trxAmt: 5000,
      limit: 10,
    });
    expect(inRange.map((r) => r.id)).toEqual([b.id, a.id]); // newest approval first
    const byCard = ledger.receipts.byDateAmount({
      from: '20240102',
      to: '20240105',
      trxAmt: 5000,
      cardLast4: '1111',
      limit: 10,
    });
    expect(byCard.map((r) => r.id)).toEqual([b.id]);
  });

  it('carries the live cancellation status, else the latest rejected one', () => {
    const r = ledger.receipts.insert(sampleReceipt(), 1);
    const rejected = addCancellation(r, 'rejected', 10);
    expect(ledger.receipts.byVanTrxNo(r.vanTrxNo ?? '', 1)[0]?.cancellation).toEqual({
      cancellationId: rejected,
      state: 'rejected',
      updatedAt: 10,
    });
    const live = addCancellation(r, 'in_doubt', 20);
    expect(ledger.receipts.byVanTrxNo(r.vanTrxNo ?? '', 1)[0]?.cancellation).toEqual({
      cancellationId: live,
      state: 'in_doubt',
      updatedAt: 20,
    });
    addCancellation(r, 'rejected', 30); // a later rejection does not hide the live one
    expect(ledger.receipts.getWithStatus(r.id)?.cancellation?.cancellationId).toBe(live);
  });

  it('keeps one row per original: a second receipt with the same vanTrxNo or mercTrxNo is refused', () => {
    const r = ledger.receipts.insert(sampleReceipt(), 1);
    expect(() => ledger.receipts.insert(sampleReceipt({ vanTrxNo: r.vanTrxNo }), 1)).toThrow(
      /UNIQUE/,
    );
    expect(() => ledger.receipts.insert(sampleReceipt({ mercTrxNo: r.mercTrxNo }), 1)).toThrow(
      /UNIQUE/,
    );
  });

  it('refuses a receipt with neither cancellation key', () => {
    expect(() =>
      ledger.receipts.insert(sampleReceipt({ vanTrxNo: null, mercTrxNo: null }), 1),
    ).toThrow(/CHECK/);
  });

  it('finds rows that may be the same original by key or by approval + date + amount', () => {
    const r = ledger.receipts.insert(sampleReceipt({ mercTrxNo: null }), 1);
    const typed = sampleReceipt({
      vanTrxNo: null,
      mercTrxNo: 'PAPER-1',
      aprvNo: r.aprvNo,
      aprvDt: r.aprvDt,
    });
    expect(ledger.receipts.findSameOriginal(typed).map((x) => x.id)).toEqual([r.id]);
    const filled = ledger.receipts.fillMissing(r.id, typed);
    expect(filled?.mercTrxNo).toBe('PAPER-1');
    expect(filled?.vanTrxNo).toBe(r.vanTrxNo);
  });
});

describe('cardLast4', () => {
  it.each([
    ['1234-56**-****-1234', '1234'],
    ['1234 56** **** 9876', '9876'],
    ['123456******1111', '1111'],
    ['1234-56**-****-****', null],
    ['', null],
    [null, null],
  ])('%s -> %s', (masked, expected) => {
    expect(cardLast4(masked)).toBe(expected);
  });
});
