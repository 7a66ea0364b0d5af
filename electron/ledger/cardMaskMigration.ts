import { maskCardFieldsInJson, maskCardNumber } from '../../shared/slip/card-mask';
import type { SqliteDb } from './open';

/**
 * Migration: card numbers masked in what earlier versions stored (issue 11 finding 6). A receipt
 * typed by hand could hold a full card number (`*4111111111111111` passed the old rule), and
 * KICC's cardConfirmNo was kept as KICC sent it. New rows are masked at the door
 * (./lookup.ts addReceipt, electron/kicc/client.ts); this masks the rows already stored, in the
 * migration's one transaction, so a full number does not stay on disk or in backups.
 *
 * Decided (docs/engine.md "Card numbers"): masked in place by a migration, not on read: masking
 * on read would leave the number in the file. The audit log is not touched: no event ever
 * recorded a card number, and its rows are hash-chained.
 *
 * Plain prepare/all/run with positional parameters only, paged by id, so it runs on any SQLite
 * binding and never holds a big table in memory.
 */
const PAGE = 1000;

interface TextRow {
  id: number;
  text: string;
}

function maskColumn(
  db: SqliteDb,
  table: 'receipts' | 'cancellations' | 'attempts',
  column: 'card_masked' | 'card_confirm_no' | 'response_body',
  mask: (text: string) => string,
  only = '',
): void {
  const select = db.prepare(
    `SELECT id, ${column} AS text FROM ${table}
     WHERE id > ? AND ${column} IS NOT NULL ${only} ORDER BY id LIMIT ${PAGE}`,
  );
  const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ?`);
  let after = 0;
  for (;;) {
    const rows = select.all(after) as unknown as TextRow[];
    for (const row of rows) {
      const masked = mask(row.text);
      if (masked !== row.text) update.run(masked, row.id);
    }
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < PAGE) return;
    after = last.id;
  }
}

export function maskStoredCardNumbers(db: SqliteDb): void {
  const card = (text: string): string => maskCardNumber(text) ?? text;
  maskColumn(db, 'receipts', 'card_masked', card);
  maskColumn(db, 'cancellations', 'card_confirm_no', card);
  maskColumn(
    db,
    'attempts',
    'response_body',
    maskCardFieldsInJson,
    `AND response_body LIKE '%cardConfirmNo%'`,
  );
}
