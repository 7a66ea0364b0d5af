import type { Result } from '../../shared/result';
import { ok } from '../../shared/result';
import { decodeText } from './decode';
import type { ImportLimits } from './limits';
import { DEFAULT_IMPORT_LIMITS } from './limits';
import type { ImportPreview } from './preview';
import { createPreviewBuilder } from './preview';
import type { ImportFileProblem } from './problems';
import { refuse } from './problems';
import type { RowSink } from './table';
import { countLines, readCsvRows } from './table';
import { openXlsx } from './xlsx';

/**
 * An import file (the bytes of the file the manager picked) to a preview. It runs in the import
 * worker (./worker.ts), never in the main process. The format is told by the bytes, not the
 * name: an .xlsx is a ZIP ("PK\x03\x04"); an OLE2 compound file (D0 CF 11 E0) is an old .xls or
 * a password-protected workbook, which we do not read. Everything else is read as CSV text.
 *
 * Rows are read one by one and checked as they come (./preview.ts): neither the whole table nor
 * the whole sheet XML is ever held in memory.
 */

export interface ReadProgress {
  /** the row number reached (Excel's numbering) */
  rowsRead: number;
  /** the last row: the CSV's line count, the sheet's dimension; null when the file does not say */
  rowsTotal: number | null;
}

export interface PreviewOptions {
  limits?: ImportLimits;
  onProgress?: (progress: ReadProgress) => void;
}

/** A progress report every this many rows: 100 for a 100,000-row file. */
const PROGRESS_EVERY = 1_000;

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((byte, i) => bytes[i] === byte);

/** The sink, reporting progress every PROGRESS_EVERY rows; `finished()` reports the last row. */
function counted(sink: RowSink, total: () => number | null, options: PreviewOptions) {
  let next = PROGRESS_EVERY;
  let last = 0;
  const rows: RowSink = (row, cells) => {
    last = row;
    if (row >= next) {
      options.onProgress?.({ rowsRead: row, rowsTotal: total() });
      next = row + PROGRESS_EVERY;
    }
    return sink(row, cells);
  };
  // a CSV's final line break gives papaparse one empty row past the last line
  const finished = (): void => {
    const of = total();
    options.onProgress?.({ rowsRead: of === null ? last : Math.min(last, of), rowsTotal: of });
  };
  return { rows, finished };
}

function previewCsv(
  bytes: Uint8Array,
  limits: ImportLimits,
  options: PreviewOptions,
): Result<ImportPreview, ImportFileProblem> {
  const decoded = decodeText(bytes);
  const total = countLines(decoded.text);
  options.onProgress?.({ rowsRead: 0, rowsTotal: total });
  const builder = createPreviewBuilder({ format: 'csv', encoding: decoded.encoding });
  const sink = counted(
    (row, cells) => builder.add(row, cells),
    () => total,
    options,
  );
  const read = readCsvRows(decoded.text, limits, sink.rows);
  if (!read.ok) return refuse(read.error, limits);
  sink.finished();
  if (!builder.hasContent()) return refuse('empty', limits);
  return ok(builder.finish());
}

async function previewXlsx(
  bytes: Uint8Array,
  limits: ImportLimits,
  options: PreviewOptions,
): Promise<Result<ImportPreview, ImportFileProblem>> {
  const workbook = await openXlsx(bytes, limits);
  if (!workbook.ok) return refuse(workbook.error, limits);
  // The first sheet with a header row; else the first sheet with anything in it, to report
  // what is missing. A sheet without a header in its first rows is left there.
  let first: ImportPreview | null = null;
  for (const sheet of workbook.value.sheets) {
    const builder = createPreviewBuilder({ format: 'xlsx', sheet: sheet.name });
    let total: number | null = null;
    const sink = counted(
      (row, cells) => builder.add(row, cells),
      () => total,
      options,
    );
    const read = await sheet.read({
      dimension: (lastRow) => {
        total = lastRow;
        options.onProgress?.({ rowsRead: 0, rowsTotal: total });
      },
      row: sink.rows,
    });
    if (!read.ok) return refuse(read.error, limits);
    sink.finished();
    if (builder.hasHeader()) return ok(builder.finish());
    if (builder.hasContent()) first ??= builder.finish();
  }
  return first === null ? refuse('empty', limits) : ok(first);
}

export async function previewImportFile(
  bytes: Uint8Array,
  options: PreviewOptions = {},
): Promise<Result<ImportPreview, ImportFileProblem>> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  if (bytes.length === 0) return refuse('empty', limits);
  if (bytes.length > limits.maxFileBytes) return refuse('too-large', limits);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return refuse('old-excel', limits);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return previewXlsx(bytes, limits, options);
  return previewCsv(bytes, limits, options);
}
