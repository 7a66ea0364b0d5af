/**
 * A receipt read from an import file: the fields of the ledger's NewReceipt (electron/ledger/
 * types.ts) except `source`, which the ledger sets to 'imported'. Kept here, not imported from
 * the ledger, so the import does not depend on the ledger's tables; a type test checks the two
 * stay assignable (test/unit/import/receipt-shape.test.ts).
 */
export interface ImportedReceipt {
  vanTrxNo: string | null;
  mercTrxNo: string | null;
  aprvNo: string;
  /** yyyyMMdd */
  aprvDt: string;
  /** HHmmss, when the file has it */
  aprvTm: string | null;
  trxAmt: number;
  vatAmt: number;
  svcAmt: number;
  alotMonth: string;
  issuerName: string | null;
  /** masked as a slip would print it (shared/slip maskCardNumber): a full PAN is never stored */
  cardMasked: string | null;
}

/**
 * The keys by which KICC cancels a receipt, and by which the ledger keeps one row per original
 * (its unique indexes on van_trx_no and merc_trx_no): 'van:<vanTrxNo>', 'merc:<mercTrxNo>'.
 */
export function receiptKeys(receipt: Pick<ImportedReceipt, 'vanTrxNo' | 'mercTrxNo'>): string[] {
  const keys: string[] = [];
  if (receipt.vanTrxNo !== null) keys.push(`van:${receipt.vanTrxNo}`);
  if (receipt.mercTrxNo !== null) keys.push(`merc:${receipt.mercTrxNo}`);
  return keys;
}
