import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../../electron/ledger/ledger';
import { openLedgerDb } from '../../../electron/ledger/open';
import { MIGRATIONS } from '../../../electron/ledger/schema';
import { sampleReceipt, tempDir } from './tmpLedger';

/** the migration this file tests (later ones run after it, as on a real upgrade) */
const ISSUER_COLUMNS_VERSION = (() => {
  const m = MIGRATIONS.find((x) => x.description.startsWith('issuer code and merchant number'));
  if (m === undefined) throw new Error('the issuer-columns migration is not in MIGRATIONS');
  return m.version;
})();

/**
 * The migration that brought KICC's issuer code and merchant number into the ledger (issue 13):
 * a ledger written before it gets the columns, filled from the answers its attempts stored.
 */
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

describe('ledger migration: issuer code and merchant number', () => {
  it('adds the columns to an older ledger and fills them from the stored answers', () => {
    const t = tempDir('issuer-migration-');
    cleanups.push(t.remove);
    const file = join(t.dir, 'ledger.sqlite');
    const ledger = openLedger(file);
    const receipt = ledger.receipts.insert(sampleReceipt(), 1);
    const db = ledger.db;
    db.prepare(
      `INSERT INTO cancellations (receipt_id, state, requested_by, wcc, cnd_trx_no, trx_amt,
         vat_amt, svc_amt, alot_month, org_aprv_dt, org_aprv_no, created_at, updated_at)
       VALUES (?, 'cancelled', 'cashier', 'T', 'V1', 1000, 90, 0, '00', '20240105', '1', 1, 1)`,
    ).run(receipt.id);
    const insertAttempt = db.prepare<[string]>(
      `INSERT INTO attempts (cancellation_id, kind, merc_trx_no, body, sent_at, state, response_body)
       VALUES (1, 'cancel', 'M' || random(), '{}', 1, 'answered', ?)`,
    );
    insertAttempt.run('not json');
    insertAttempt.run('{"respCd":"0000","issFmCd":"06","joShopNo":"00912345"}');
    insertAttempt.run('{"respCd":"S002","issFmCd":7}'); // a number: not KICC's text field
    // as the ledger was before the migration
    db.exec(`DROP INDEX cancellations_settled;
      ALTER TABLE cancellations DROP COLUMN issuer_code;
      ALTER TABLE cancellations DROP COLUMN merchant_no;
      ALTER TABLE receipts DROP COLUMN issuer_code;`);
    db.prepare(`PRAGMA user_version = ${ISSUER_COLUMNS_VERSION - 1}`).run();
    ledger.close();

    const migrated = openLedgerDb(file);
    cleanups.unshift(() => migrated.close());
    expect(migrated.prepare('SELECT issuer_code, merchant_no FROM cancellations').get()).toEqual({
      issuer_code: '06',
      merchant_no: '00912345',
    });
    expect(migrated.prepare('SELECT issuer_code FROM receipts').get()).toEqual({
      issuer_code: null,
    });
    expect(
      migrated.prepare("SELECT name FROM sqlite_master WHERE name = 'cancellations_settled'").get(),
    ).toEqual({ name: 'cancellations_settled' });
  });
});
