/**
 * CSV that Excel opens correctly on a Korean Windows PC (issue 6: "CSV (UTF-8 with BOM so
 * Excel reads Korean)"):
 *  - UTF-8 with a BOM: without it Excel reads the file as CP949 and Korean turns to mojibake;
 *  - RFC 4180: CRLF line ends, fields with a comma, quote, CR or LF in double quotes, quotes
 *    doubled;
 *  - formula injection (OWASP "CSV Injection"): a text cell starting with = + - @, a tab or a
 *    CR is run as a formula by spreadsheet programs, so it is prefixed with a single quote.
 *    Cashier ids, issuer names and notes are typed by people: never trusted. Numbers are
 *    written as numbers (a number is never a formula).
 */

export type CsvCell = string | number | null;

export const UTF8_BOM = '\uFEFF';

/** Characters that start a formula, including their full-width forms. */
const FORMULA_START = /^[\s]*[=+\-@＝＋－＠]|^[\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`CSV number must be finite, got ${cell}`);
    return String(cell);
  }
  const text = neutraliseFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file's text, BOM first; write it as UTF-8. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
