import type { NewReceipt } from '../ledger/types';

/**
 * A receipt read from an import file: the ledger's NewReceipt (electron/ledger/types.ts, where
 * each field is documented) except `source`, which the ledger sets to 'imported'. A type-only
 * import: the import still does not depend on the ledger's tables, and the two cannot drift.
 * cardMasked is masked as a slip would print it (shared/slip maskCardNumber): a full PAN is never
 * stored.
 */
export type ImportedReceipt = Omit<NewReceipt, 'source'>;

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
