import type { FieldError } from '../../shared/kicc/fields';
import type { TextEncodingName } from './decode';
import type { ImportField } from './fields';
import type { HeaderMapping, HeaderProblem, MappedColumn } from './headers';
import { isHeaderRow, mapHeaderRow, SCAN_ROWS, withoutHeaderRow } from './headers';
import type { ImportedReceipt } from './receipt';
import { receiptKeys } from './receipt';
import { readRow } from './row';
import type { ImportCell } from './table';
import { isBlankRow } from './table';

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

/** Every field the same: the same receipt written twice (an export that overlaps itself). */
function sameReceipt(a: ImportedReceipt, b: ImportedReceipt): boolean {
  return (Object.keys(a) as (keyof ImportedReceipt)[]).every((field) => a[field] === b[field]);
}

/** Rows fed one by one by a reader (./table.ts, ./xlsx-sheet.ts); the preview at the end. */
export interface PreviewBuilder {
  /** the next row that has cells, by its number; false: nothing further is needed */
  add(row: number, cells: readonly ImportCell[]): boolean;
  /** a header row was found among the first rows */
  hasHeader(): boolean;
  /** some row had something in it */
  hasContent(): boolean;
  finish(): ImportPreview;
}

/**
 * The header is looked for in rows 1..SCAN_ROWS (./headers.ts); rows above it are titles.
 * Without a usable header nothing can tell one field from another, and no row is read.
 */
export function createPreviewBuilder(source: ImportSource): PreviewBuilder {
  const preview: ImportPreview = {
    source,
    headerRow: 1,
    columns: [],
    ignoredColumns: [],
    headerProblems: [],
    rows: [],
    errors: [],
    duplicatesInFile: [],
    dataRows: 0,
  };
  let mapping: HeaderMapping | null = null;
  let content = false;
  let columnOf = new Map<ImportField, number>();
  const seen = new Map<string, ParsedReceipt>();

  function header(row: number, cells: readonly ImportCell[]): boolean {
    if (row > SCAN_ROWS) return false;
    if (!isHeaderRow(cells)) return true;
    mapping = mapHeaderRow(cells, row - 1);
    preview.headerRow = row;
    preview.columns = mapping.columns;
    preview.ignoredColumns = mapping.ignored;
    preview.headerProblems = mapping.problems;
    columnOf = new Map(mapping.columns.map((c) => [c.field, c.column]));
    return !mapping.problems.some((p) => p.kind === 'duplicate-column');
  }

  function data(row: number, cells: readonly ImportCell[]): void {
    preview.dataRows += 1;
    const read = readRow((field) => {
      const column = columnOf.get(field);
      return column === undefined ? undefined : (cells[column] ?? null);
    });
    if (!read.ok) {
      preview.errors.push({ row, errors: read.error });
      return;
    }
    const keys = receiptKeys(read.value);
    for (const key of keys) {
      const first = seen.get(key);
      if (first === undefined) continue;
      preview.duplicatesInFile.push({
        row,
        firstRow: first.row,
        key,
        conflict: !sameReceipt(first.receipt, read.value),
      });
      return;
    }
    const parsed: ParsedReceipt = { row, receipt: read.value, keys };
    for (const key of keys) seen.set(key, parsed);
    preview.rows.push(parsed);
  }

  return {
    add(row, cells) {
      if (isBlankRow(cells)) return true;
      content = true;
      if (mapping === null) return header(row, cells);
      data(row, cells);
      return true;
    },
    hasHeader: () => mapping !== null,
    hasContent: () => content,
    finish() {
      if (mapping === null) preview.headerProblems = withoutHeaderRow().problems;
      return preview;
    },
  };
}
