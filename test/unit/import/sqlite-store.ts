import { openSqlite } from '../../../electron/ledger/sqlite';
import type { ImportStore } from '../../../electron/import/plan';
import type { ImportedReceipt } from '../../../electron/import/receipt';

/**
 * A receipts table with the ledger's uniqueness rules (electron/ledger/schema.ts: one row per
 * van_trx_no and per merc_trx_no), behind the ImportStore interface, as the ledger would wire it.
 */
export function sqliteImportStore() {
  const db = openSqlite(':memory:');
  db.exec(`
    CREATE TABLE receipts (
      id INTEGER PRIMARY KEY, van_trx_no TEXT, merc_trx_no TEXT, aprv_no TEXT NOT NULL,
      aprv_dt TEXT NOT NULL, aprv_tm TEXT, trx_amt INTEGER NOT NULL, vat_amt INTEGER NOT NULL,
      svc_amt INTEGER NOT NULL, alot_month TEXT NOT NULL, issuer_name TEXT, card_masked TEXT,
      source TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX by_van ON receipts(van_trx_no) WHERE van_trx_no IS NOT NULL;
    CREATE UNIQUE INDEX by_merc ON receipts(merc_trx_no) WHERE merc_trx_no IS NOT NULL;
  `);
  const insert = db.prepare(
    `INSERT INTO receipts (van_trx_no, merc_trx_no, aprv_no, aprv_dt, aprv_tm, trx_amt, vat_amt,
       svc_amt, alot_month, issuer_name, card_masked, source)
     VALUES (@vanTrxNo, @mercTrxNo, @aprvNo, @aprvDt, @aprvTm, @trxAmt, @vatAmt, @svcAmt,
       @alotMonth, @issuerName, @cardMasked, 'imported')`,
  );
  const existingVan = db.prepare<[string], { k: string }>(
    `SELECT 'van:' || van_trx_no AS k FROM receipts WHERE van_trx_no IN (SELECT value FROM json_each(?))`,
  );
  const existingMerc = db.prepare<[string], { k: string }>(
    `SELECT 'merc:' || merc_trx_no AS k FROM receipts WHERE merc_trx_no IN (SELECT value FROM json_each(?))`,
  );
  const store: ImportStore & { insertCalls: number } = {
    insertCalls: 0,
    transaction: <T>(work: () => T): T => db.transaction(work)(),
    existingKeys(keys) {
      const of = (prefix: string) =>
        JSON.stringify(keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)));
      return new Set([
        ...existingVan.all(of('van:')).map((r) => r.k),
        ...existingMerc.all(of('merc:')).map((r) => r.k),
      ]);
    },
    insertMany(receipts: readonly ImportedReceipt[]) {
      store.insertCalls += 1;
      for (const receipt of receipts) insert.run(receipt);
    },
  };
  const count = (): number =>
    db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM receipts').get()?.n ?? 0;
  return { db, store, count, insert };
}
