import type { FieldError } from '../../shared/kicc/fields';
import type { TextEncodingName } from './decode';
import type { ImportField } from './fields';
import type { HeaderProblem, MappedColumn } from './headers';
import { mapHeaders } from './headers';
import type { ImportedReceipt } from './receipt';
import { receiptKeys } from './receipt';
import { readRow } from './row';
import type { ImportTable } from './table';

/**
 * What the manager sees before importing (issue 6: "preview with errors per row"). Nothing is
 * written: ./plan.ts decides, all or nothing, from this.
 *
 * Row numbers are the rows Excel shows (1 = the first row of the sheet, header and any title
 * rows counted), so the manager can go straight to the cell.
 */

export interface ParsedReceipt {
  row: number;
  receipt: ImportedReceipt;
  /** ./receipt.ts receiptKeys */
  keys: string[];
}

export interface RowErrors {
  row: number;
  errors: FieldError[];
}

/**
 * A later row with a key an earlier row already has. The same receipt twice (an export that
 * overlaps itself) is harmless and imported once; the same key with different data is a
 * conflict, and the import is refused until the file is fixed.
 */
export interface DuplicateInFile {
  row: number;
  firstRow: number;
  key: string;
  conflict: boolean;
}

export interface ImportSource {
  format: 'csv' | 'xlsx';
  /** CSV: how the bytes were decoded */
  encoding?: TextEncodingName;
  /** xlsx: the worksheet read */
  sheet?: string;
}

export interface ImportPreview {
  source: ImportSource;
  /** 1-based row of the header */
  headerRow: number;
  columns: MappedColumn[];
  ignoredColumns: string[];
  headerProblems: HeaderProblem[];
  /** valid rows, each receipt once (exact duplicates left out) */
  rows: ParsedReceipt[];
  errors: RowErrors[];
  duplicatesInFile: DuplicateInFile[];
  /** non-empty data rows in the file */
  dataRows: number;
}

const isBlank = (row: readonly unknown[]): boolean =>
  row.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));

export function previewTable(table: ImportTable, source: ImportSource): ImportPreview {
  const mapping = mapHeaders(table);
  const preview: ImportPreview = {
    source,
    headerRow: mapping.headerIndex + 1,
    columns: mapping.columns,
    ignoredColumns: mapping.ignored,
    headerProblems: mapping.problems,
    rows: [],
    errors: [],
    duplicatesInFile: [],
    dataRows: 0,
  };
  // Without the header we cannot tell a field from another: no row is read.
  if (mapping.problems.some((p) => p.kind === 'no-header-row' || p.kind === 'duplicate-column')) {
    return preview;
  }

  const columnOf = new Map<ImportField, number>(mapping.columns.map((c) => [c.field, c.column]));
  const seen = new Map<string, { row: number; fingerprint: string }>();

  for (let index = mapping.headerIndex + 1; index < table.length; index += 1) {
    const cells = table[index] ?? [];
    if (isBlank(cells)) continue;
    preview.dataRows += 1;
    const row = index + 1;
    const read = readRow((field) => {
      const column = columnOf.get(field);
      return column === undefined ? undefined : (cells[column] ?? null);
    });
    if (!read.ok) {
      preview.errors.push({ row, errors: read.error });
      continue;
    }
    const keys = receiptKeys(read.value);
    const fingerprint = JSON.stringify(read.value);
    const earlier = keys
      .map((key) => ({ key, first: seen.get(key) }))
      .find((hit) => hit.first !== undefined);
    if (earlier?.first) {
      preview.duplicatesInFile.push({
        row,
        firstRow: earlier.first.row,
        key: earlier.key,
        conflict: earlier.first.fingerprint !== fingerprint,
      });
      continue;
    }
    for (const key of keys) seen.set(key, { row, fingerprint });
    preview.rows.push({ row, receipt: read.value, keys });
  }
  return preview;
}
