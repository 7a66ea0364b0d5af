import type { ImportStore } from '../../../electron/import/plan';
import type { ImportedReceipt } from '../../../electron/import/receipt';
import { openLedger } from '../../../electron/ledger/ledger';
import { ledgerImportStore } from '../../../electron/store-ops/import-ledger';

/**
 * The ledger's receipts table (electron/ledger/schema.ts: one row per van_trx_no and per
 * merc_trx_no) in memory, behind the ImportStore interface: the app's own key look-up
 * (electron/store-ops/import-ledger.ts) and transaction, and a plain insert, so that a row the
 * database refuses (the unique indexes) surfaces as the exception commitImport must roll back.
 */
export function sqliteImportStore() {
  const ledger = openLedger(':memory:');
  const app = ledgerImportStore(ledger, { now: () => 1_700_000_000_000 }, new Map());
  const insert = (receipt: ImportedReceipt): void => {
    ledger.receipts.insert({ ...receipt, source: 'imported' }, 1_700_000_000_000);
  };
  const store: ImportStore & { insertCalls: number } = {
    insertCalls: 0,
    transaction: app.transaction,
    existingKeys: app.existingKeys,
    insertMany(receipts: readonly ImportedReceipt[]) {
      store.insertCalls += 1;
      for (const receipt of receipts) insert(receipt);
    },
  };
  const count = (): number =>
    (ledger.db.prepare('SELECT COUNT(*) AS n FROM receipts').get() as { n: number }).n;
  return { db: ledger, store, count, insert };
}
