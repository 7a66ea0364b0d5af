import Papa from 'papaparse';

/**
 * An import file as a table of cells, whatever its format. CSV cells are text; Excel cells keep
 * their numbers and dates (./xlsx.ts). Row i of the table is row i + 1 in Excel or in the
 * CSV file opened in Excel: that is the number every message uses.
 */
export type ImportCell = string | number | Date | null;
export type ImportTable = ImportCell[][];

/**
 * CSV text to a table. The delimiter is detected (comma, tab from "유니코드 텍스트",
 * semicolon); quoting follows RFC 4180 (papaparse). Malformed quoting does not stop the
 * import: the row's cells come out wrong and its validation reports it.
 */
export function readCsvTable(text: string): ImportTable {
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [',', '\t', ';'],
    skipEmptyLines: false,
  });
  const rows = parsed.data;
  // A final line break gives one empty row at the end; it is not a row of the file.
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((cell) => cell.trim() === '')) {
    rows.pop();
  }
  return rows;
}
