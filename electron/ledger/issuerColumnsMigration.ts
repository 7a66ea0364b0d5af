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

export const ISSUER_COLUMNS_SQL = `
ALTER TABLE receipts ADD COLUMN issuer_code TEXT;
ALTER TABLE cancellations ADD COLUMN issuer_code TEXT;
ALTER TABLE cancellations ADD COLUMN merchant_no TEXT;
UPDATE cancellations SET issuer_code = ${fromAnswers('issFmCd')}, merchant_no = ${fromAnswers('joShopNo')};
CREATE INDEX cancellations_settled ON cancellations(finished_at, created_at)
  WHERE state IN ('cancelled','rejected');
`;
