import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import type { ImportCell, ImportTable } from './table';

/**
 * An .xlsx workbook to tables, one per worksheet (exceljs). Cell values become text, numbers
 * or dates as Excel holds them; formulas give their cached result; rich text and hyperlinks
 * give their text.
 *
 * A number shown with leading zeros by its format ("00000000" for an approval number, which
 * Excel otherwise turns into 123456) is given back as that text, so 00123456 survives.
 */

export interface Worksheet {
  name: string;
  table: ImportTable;
}

function valueOf(value: CellValue): ImportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined) return null;
    if (typeof result === 'object' && !(result instanceof Date)) return result.error;
    return valueOf(result);
  }
  if ('error' in value) return value.error;
  return null;
}

function cellOf(cell: ExcelJS.Cell): ImportCell {
  const value = valueOf(cell.value);
  const zeros = /^0+$/.exec(cell.numFmt ?? '');
  if (typeof value === 'number' && zeros && Number.isSafeInteger(value) && value >= 0) {
    return String(value).padStart(zeros[0].length, '0');
  }
  return value;
}

/** Throws when the bytes are not a readable workbook; the caller turns that into a message. */
export async function readXlsxTables(bytes: Uint8Array): Promise<Worksheet[]> {
  const workbook = new ExcelJS.Workbook();
  // A fresh ArrayBuffer of exactly these bytes (JSZip reads ArrayBuffers; exceljs types it so).
  await workbook.xlsx.load(Uint8Array.from(bytes).buffer);
  return workbook.worksheets.map((sheet) => {
    const table: ImportTable = [];
    const columns = sheet.columnCount;
    for (let r = 1; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const cells: ImportCell[] = [];
      for (let c = 1; c <= columns; c += 1) cells.push(cellOf(row.getCell(c)));
      table.push(cells);
    }
    return { name: sheet.name, table };
  });
}
