import type { PosError } from '../../shared/contract';
import { posError } from '../../shared/contract';
import type { Clock } from '../../shared/clock';
import type { ImportStore } from '../import/plan';
import type { ImportedReceipt } from '../import/receipt';
import type { Ledger } from '../ledger/ledger';
import { placeReceipt } from '../ledger/lookup';

/**
 * The ledger as electron/import's ImportStore (docs/manager.md "Receipt import"). Rows go in
 * through the ledger's own rule for a receipt (placeReceipt, electron/ledger/lookup.ts), the same
 * as a typed receipt's; a row it refuses throws, so the whole import's transaction rolls back.
 * The audit trail gets ONE `import.done` event naming the ids the import added (they are
 * consecutive: one transaction, one writer), not 100,000 `receipt.added` events: each chained
 * event costs a hash, and a 100,000-row import held the till for seconds.
 */
export class ReceiptConflict extends Error {
  constructor(readonly row: number) {
    super(`import row ${row} contradicts a known receipt`);
  }
}

export const conflictError = (row: number): PosError =>
  posError(
    'receipt-conflict',
    `${row}번째 줄의 영수증이 이미 등록된 같은 거래와 내용이 다릅니다. 아무것도 가져오지 않았습니다.`,
    `Row ${row} contradicts a receipt already known for the same payment. Nothing was imported.`,
  );

/**
 * Which keys the ledger holds, in ONE statement for any number of keys: a 100,000-row file was
 * 100,000-200,000 look-ups through the cashier's queries (each joining the cancellations for a
 * status the import does not need). The receipts' unique indexes on van_trx_no and merc_trx_no
 * (electron/ledger/schema.ts) answer it as a covering-index search per key.
 */
const EXISTING_KEYS = `
  SELECT 'van:' || van_trx_no AS key FROM receipts
    WHERE van_trx_no IN (SELECT value FROM json_each(?))
  UNION ALL
  SELECT 'merc:' || merc_trx_no AS key FROM receipts
    WHERE merc_trx_no IN (SELECT value FROM json_each(?))`;

export interface LedgerImportStore extends ImportStore {
  /** the receipt ids this import added, first and last (null: none) */
  added(): { firstId: number; lastId: number } | null;
}

export function ledgerImportStore(
  ledger: Ledger,
  clock: Clock,
  rowsOf: ReadonlyMap<ImportedReceipt, number>,
): LedgerImportStore {
  const existing = ledger.db.prepare(EXISTING_KEYS);
  let added: { firstId: number; lastId: number } | null = null;
  return {
    added: () => added,
    transaction: (work) => ledger.write(work),
    existingKeys(keys) {
      const of = (prefix: string): string =>
        JSON.stringify(keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)));
      const rows = existing.all(of('van:'), of('merc:')) as { key: string }[];
      return new Set(rows.map((row) => row.key));
    },
    insertMany(receipts) {
      const now = clock.now();
      for (const receipt of receipts) {
        const placed = placeReceipt(ledger, { ...receipt, source: 'imported' }, now);
        // thrown, not returned: the whole import's transaction must roll back
        if (!placed.ok) throw new ReceiptConflict(rowsOf.get(receipt) ?? 0);
        if (!placed.value.inserted) continue;
        const id = placed.value.id;
        added = { firstId: added?.firstId ?? id, lastId: id };
      }
    },
  };
}
