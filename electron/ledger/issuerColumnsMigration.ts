import type { SqliteDb } from './open';

/**
 * Ledger migration: what the accountant's papers need from KICC's answers (issue 13 finding 6).
 *
 *  - cancellations.issuer_code: KICC's issuer code (issFmCd) from the answer. Reports count
 *    issuers by it, so a count does not move when KICC names an issuer differently from the
 *    receipt ("국민카드" / "KB국민카드").
 *  - cancellations.merchant_no: the card company's merchant number (joShopNo), for the detail CSV.
 *  - receipts.issuer_code: the issuer code when the receipt's source knows it (training
 *    originals, an import with a code column).
 *  - an index for the close's "settled since" query (electron/reports/close.ts).
 *
 * Existing cancellations are filled from the answers already stored verbatim in their attempts
 * (the latest answer that carries the field), so older days report the same way.
 */
const fromAnswers = (field: string): string => `(
  SELECT json_extract(a.response_body, '$.${field}') FROM attempts a
  WHERE a.cancellation_id = cancellations.id AND a.response_body IS NOT NULL
    AND json_valid(a.response_body) AND json_type(a.response_body, '$.${field}') = 'text'
  ORDER BY a.id DESC LIMIT 1)`;

const COLUMNS: readonly (readonly [table: string, column: string])[] = [
  ['receipts', 'issuer_code'],
  ['cancellations', 'issuer_code'],
  ['cancellations', 'merchant_no'],
];

/**
 * Adds the columns a table does not have yet (idempotent: a ledger whose version number was set
 * back, as a tool or a test may do, is not refused for a column it already has), fills the
 * cancellations' from their stored answers, and indexes the settled ones.
 */
export function addIssuerColumns(db: SqliteDb): void {
  for (const [table, column] of COLUMNS) {
    const present = db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
      .all()
      .some((c) => c.name === column);
    if (!present) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} TEXT`);
  }
  db.exec(`
UPDATE cancellations SET issuer_code = coalesce(issuer_code, ${fromAnswers('issFmCd')}),
  merchant_no = coalesce(merchant_no, ${fromAnswers('joShopNo')});
CREATE INDEX IF NOT EXISTS cancellations_settled ON cancellations(finished_at, created_at)
  WHERE state IN ('cancelled','rejected');
`);
}
