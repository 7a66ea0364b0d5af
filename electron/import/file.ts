import type { Bilingual } from '../../shared/kicc/messages';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { decodeText } from './decode';
import { mapHeaders } from './headers';
import type { ImportPreview } from './preview';
import { previewTable } from './preview';
import { readCsvTable } from './table';
import type { Worksheet } from './xlsx';
import { readXlsxTables } from './xlsx';

/**
 * An import file (bytes the shell read after the manager picked it) to a preview. The format is
 * told by the bytes, not the name: an .xlsx is a ZIP ("PK\x03\x04"); an old .xls is an OLE2
 * compound file (D0 CF 11 E0), which we do not read: the manager saves it as .xlsx or CSV.
 * Everything else is read as CSV text.
 */

/** A file larger than this is refused before parsing (the 10,000-row test file is ~1 MB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** More data rows than this are refused: a store's originals for the cancellation window fit easily. */
export const MAX_IMPORT_ROWS = 200_000;

export type ImportFileProblemCode =
  'empty' | 'too-large' | 'too-many-rows' | 'old-excel' | 'unreadable';

export interface ImportFileProblem {
  code: ImportFileProblemCode;
  message: Bilingual;
}

const problems: Record<ImportFileProblemCode, Bilingual> = {
  empty: { ko: '파일이 비어 있습니다.', en: 'The file is empty.' },
  'too-large': {
    ko: '파일이 너무 큽니다 (최대 50MB).',
    en: 'The file is too large (50 MB at most).',
  },
  'too-many-rows': {
    ko: `줄이 너무 많습니다 (최대 ${MAX_IMPORT_ROWS.toLocaleString('en-US')}줄). 기간을 나눠 내보내세요.`,
    en: `Too many rows (${MAX_IMPORT_ROWS.toLocaleString('en-US')} at most). Export a shorter period.`,
  },
  'old-excel': {
    ko: '예전 Excel 형식(.xls)은 읽을 수 없습니다. Excel에서 .xlsx 또는 CSV로 저장한 뒤 가져오세요.',
    en: 'Old Excel files (.xls) cannot be read. Save as .xlsx or CSV in Excel, then import.',
  },
  unreadable: {
    ko: 'Excel 파일을 읽을 수 없습니다. 파일이 손상되었거나 암호가 걸려 있을 수 있습니다.',
    en: 'The Excel file cannot be read. It may be damaged or password-protected.',
  },
};

const problem = (code: ImportFileProblemCode): Result<never, ImportFileProblem> =>
  err({ code, message: problems[code] });

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((byte, i) => bytes[i] === byte);

export async function previewImportFile(
  bytes: Uint8Array,
): Promise<Result<ImportPreview, ImportFileProblem>> {
  if (bytes.length === 0) return problem('empty');
  if (bytes.length > MAX_IMPORT_BYTES) return problem('too-large');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return problem('old-excel');

  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    let sheets: Worksheet[];
    try {
      sheets = await readXlsxTables(bytes);
    } catch {
      return problem('unreadable');
    }
    // The first sheet that has a header row; else the first sheet, to report what is missing.
    const sheet =
      sheets.find((s) => !mapHeaders(s.table).problems.some((p) => p.kind === 'no-header-row')) ??
      sheets[0];
    if (sheet === undefined) return problem('empty');
    if (sheet.table.length > MAX_IMPORT_ROWS + 20) return problem('too-many-rows');
    return ok(previewTable(sheet.table, { format: 'xlsx', sheet: sheet.name }));
  }

  const decoded = decodeText(bytes);
  const table = readCsvTable(decoded.text);
  if (table.length === 0) return problem('empty');
  if (table.length > MAX_IMPORT_ROWS + 20) return problem('too-many-rows');
  return ok(previewTable(table, { format: 'csv', encoding: decoded.encoding }));
}
