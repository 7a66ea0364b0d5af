import type { SimOriginal } from './kicc/simulator';

/**
 * Training mode's sample receipts (DESIGN.md "Modes": the embedded simulator "seeded with sample
 * receipts"): each original the simulator approved becomes a receipt the cashier can look up,
 * in the ledger's import shape (electron/ledger/lookup.ts receiptImportSchema).
 */
export function trainingReceiptOf(original: SimOriginal) {
  return {
    vanTrxNo: original.vanTrxNo,
    mercTrxNo: original.mercTrxNo,
    aprvNo: original.aprvNo,
    aprvDt: original.aprvDt,
    aprvTm: original.aprvTm,
    alotMonth: original.alotMonth,
    trxAmt: original.trxAmt,
    vatAmt: original.vatAmt,
    svcAmt: original.svcAmt,
    cardConfirmNo: original.cardConfirmNo,
    issuerName: original.issFmNm,
    issuerCode: original.issFmCd,
  };
}
