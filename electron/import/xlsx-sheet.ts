import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { ImportLimits } from './limits';
import { lastRowAllowed } from './limits';
import type { ImportFileProblemCode } from './problems';
import type { ImportCell } from './table';
import type { RawCell } from './xlsx-cells';
import { cellValue } from './xlsx-cells';
import type { UnzipBudget, ZipEntry } from './zip';
import { unzipEntryInChunks } from './zip';
import type { XmlHandlers } from './xml';
import { readXmlChunks } from './xml';

/**
 * One worksheet's rows, streamed (ECMA-376 Part 1, 18.3.1.99 worksheet). Only cells that exist
 * in the file are visited (issue 11 finding 4: the old reader filled every cell up to rowCount x
 * columnCount, so cells A1 and XFD500 cost 8 million cell objects). The sheet's declared
 * dimension is checked before its first cell, and every row and cell number as it comes, so a
 * sheet that omits or understates its dimension is stopped at its first cell out of bounds.
 * Nothing after `</sheetData>` (merged cells, validations, conditional formats) is read at all.
 */

export interface SheetContext {
  sharedStrings: readonly string[];
  /** format code by style index (./xlsx-parts.ts readCellFormats) */
  formats: readonly string[];
  date1904: boolean;
  limits: ImportLimits;
}

export interface SheetRows {
  /** the declared last row (the dimension), before any row: the progress bar's total */
  dimension?(lastRow: number): void;
  /** a row that has cells, by its number as Excel shows it; false: read no further */
  row(number: number, cells: ImportCell[]): boolean;
}

/** 'XFD500' -> { column: 16384, row: 500 }; column 0 when the reference has no letters. */
export function cellReference(ref: string): { column: number; row: number } {
  let column = 0;
  let at = 0;
  for (; at < ref.length; at += 1) {
    const code = ref.charCodeAt(at) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    if (column > 0xffffff) break; // far past any limit; the caller refuses it
  }
  return { column, row: Number(ref.slice(at).replace('$', '')) };
}

type Stop = ImportFileProblemCode | 'done';

export async function readSheet(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: UnzipBudget,
  context: SheetContext,
  sink: SheetRows,
): Promise<Result<void, ImportFileProblemCode>> {
  const { limits } = context;
  const lastRow = lastRowAllowed(limits);
  let stop: Stop | null = null;
  let rowNumber = 0;
  let column = 0;
  let cells: ImportCell[] = [];
  let cell: RawCell | null = null;
  let text: string[] | null = null;
  let phonetic = 0;

  const tooFar = (row: number, col: number): Stop | null =>
    col > limits.maxColumns ? 'too-many-columns' : row > lastRow ? 'too-many-rows' : null;

  const handlers: XmlHandlers = {
    open(name, attributes) {
      if (stop !== null) return;
      switch (name) {
        case 'dimension': {
          const last = cellReference((attributes.ref ?? '').split(':').pop() ?? '');
          stop = tooFar(last.row, last.column);
          if (stop === null && last.row > 0) sink.dimension?.(last.row);
          return;
        }
        case 'row': {
          const r = attributes.r === undefined ? rowNumber + 1 : Number(attributes.r);
          rowNumber = Number.isSafeInteger(r) && r > rowNumber ? r : rowNumber + 1;
          stop = tooFar(rowNumber, 0);
          column = 0;
          cells = [];
          return;
        }
        case 'c': {
          const ref = attributes.r === undefined ? null : cellReference(attributes.r);
          column = ref !== null && ref.column > 0 ? ref.column : column + 1;
          stop = tooFar(rowNumber, column);
          const style = attributes.s === undefined ? 0 : Number(attributes.s);
          cell = { type: attributes.t ?? 'n', format: context.formats[style] ?? '#0', value: null };
          return;
        }
        case 'v':
        case 'is':
          if (cell !== null) text = [];
          return;
        case 'rPh':
          phonetic += 1;
          return;
        default:
      }
    },
    text(chunk) {
      if (text !== null && phonetic === 0) text.push(chunk);
    },
    close(name) {
      if (stop !== null) return;
      switch (name) {
        case 'v':
        case 'is':
          if (cell !== null && text !== null) cell.value = text.join('');
          text = null;
          return;
        case 'rPh':
          phonetic -= 1;
          return;
        case 'c':
          if (cell !== null)
            cells[column - 1] = cellValue(cell, context.sharedStrings, context.date1904);
          cell = null;
          return;
        case 'row':
          if (cells.length > 0) {
            // a row's missing cells are empty: Array.from fills the holes with null
            if (
              !sink.row(
                rowNumber,
                Array.from(cells, (value) => value ?? null),
              )
            )
              stop = 'done';
          }
          return;
        case 'sheetData':
          stop = 'done';
          return;
        default:
      }
    },
  };

  const read = await readXmlChunks(
    (onChunk) => unzipEntryInChunks(bytes, entry, budget, onChunk),
    handlers,
    () => stop !== null,
  );
  if (!read.ok) return read;
  const stopped: Stop | null = stop;
  return stopped === null || stopped === 'done' ? ok(undefined) : err(stopped);
}
