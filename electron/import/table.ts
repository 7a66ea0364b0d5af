import Papa from 'papaparse';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { ImportLimits } from './limits';
import { lastRowAllowed } from './limits';

/**
 * An import file as rows of cells, whatever its format. CSV cells are text; Excel cells keep
 * their numbers and dates (./xlsx-cells.ts). A row's number is the row Excel shows (in the
 * sheet, or in the CSV file opened in Excel): the number every message uses.
 */
export type ImportCell = string | number | Date | null;
export type ImportTable = ImportCell[][];

/** Where a reader hands its rows, one by one; false: read no further. */
export type RowSink = (row: number, cells: ImportCell[]) => boolean;

export const isBlankRow = (cells: readonly ImportCell[]): boolean =>
  cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));

/** Lines in the text: the progress bar's total for a CSV (a quoted line break counts too). */
export function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines += 1;
  return text.length > 0 && !text.endsWith('\n') ? lines + 1 : lines;
}

/** Blank lines past the last row allowed before a file is refused for them alone. */
const BLANK_TAIL = 1_000;

/**
 * CSV text to rows, streamed: no table of the whole file is ever built. The delimiter is
 * detected (comma, tab from "유니코드 텍스트", semicolon); quoting follows RFC 4180 (papaparse).
 * Malformed quoting does not stop the import: the row's cells come out wrong and its validation
 * reports it. A row past the row limit, or wider than the column limit, stops the file.
 */
export function readCsvRows(
  text: string,
  limits: ImportLimits,
  sink: RowSink,
): Result<void, 'too-many-rows' | 'too-many-columns'> {
  const lastRow = lastRowAllowed(limits);
  let row = 0;
  let problem: 'too-many-rows' | 'too-many-columns' | null = null;
  Papa.parse<string[]>(text, {
    delimitersToGuess: [',', '\t', ';'],
    skipEmptyLines: false,
    step(results, parser) {
      row += 1;
      const cells = results.data;
      if (cells.length > limits.maxColumns) problem = 'too-many-columns';
      else if (row > lastRow && (row > lastRow + BLANK_TAIL || !isBlankRow(cells))) {
        problem = 'too-many-rows';
      }
      if (problem !== null || !sink(row, cells)) parser.abort();
    },
  });
  return problem === null ? ok(undefined) : err(problem);
}
