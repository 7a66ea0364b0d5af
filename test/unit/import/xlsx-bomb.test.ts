import { describe, expect, it } from 'vitest';
import { previewImportFile } from '../../../electron/import/file';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/import/limits';
import { openXlsx } from '../../../electron/import/xlsx';
import { twoCellWorkbook } from '../../fixtures/receipt-export';
import { craftedXlsx, deflatedRun } from './crafted-xlsx';

/**
 * Issue 11 finding 4, written as the attack: "a 6 KB .xlsx with cells A1 and XFD500 takes 18 s
 * and 2.2 GB in the main process; XFD2000 kills it". On the code this replaced it did (measured:
 * 26 s and 2.2 GB RSS for XFD500). Here the same files are refused before a cell is read, in
 * bounded time and memory. The bounds are generous (the reader answers in milliseconds) so that
 * a loaded machine cannot make them flaky; what they exclude is the old seconds and gigabytes.
 * The main thread's event loop, with the worker in between, is measured in run-worker.test.ts.
 */

/** Time and memory spent by `work` (heap used and resident size, in MB). */
async function measured<T>(work: () => Promise<T>) {
  const before = process.memoryUsage();
  const started = performance.now();
  const value = await work();
  const after = process.memoryUsage();
  return {
    value,
    ms: performance.now() - started,
    heapMb: (after.heapUsed - before.heapUsed) / 1e6,
    rssMb: (after.rss - before.rss) / 1e6,
  };
}

/** How many rows reached the reader's sink, and how the sheet read ended. */
async function rowsVisited(bytes: Uint8Array) {
  const workbook = await openXlsx(bytes, DEFAULT_IMPORT_LIMITS);
  if (!workbook.ok) throw new Error(workbook.error);
  const sheet = workbook.value.sheets[0];
  if (!sheet) throw new Error('no sheet');
  let rows = 0;
  const read = await sheet.read({ row: () => (rows += 1) > 0 });
  return { rows, read };
}

describe('issue 11 finding 4: an .xlsx bomb is refused before its cells are read', () => {
  it.each(['XFD500', 'XFD2000'])(
    'a 6 KB workbook with cells A1 and %s: refused in milliseconds, without the gigabytes',
    async (far) => {
      const bytes = await twoCellWorkbook(far);
      expect(bytes.length).toBeLessThan(8_000);
      const { value, ms, heapMb, rssMb } = await measured(() => previewImportFile(bytes));
      expect(value).toMatchObject({
        ok: false,
        error: { code: 'too-many-columns', message: { ko: expect.stringContaining('256열') } },
      });
      expect(ms).toBeLessThan(3_000); // was 18-26 s for XFD500; XFD2000 ran out of memory
      expect(heapMb).toBeLessThan(200); // was 2.2 GB
      expect(rssMb).toBeLessThan(400);
      // refused at the sheet's dimension: not one row reached the import
      expect(await rowsVisited(bytes)).toEqual({
        rows: 0,
        read: { ok: false, error: 'too-many-columns' },
      });
    },
  );

  it('a dimension of a million rows is refused before the first row', async () => {
    const bytes = craftedXlsx(
      '<dimension ref="A1:K1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>',
    );
    expect(await rowsVisited(bytes)).toEqual({
      rows: 0,
      read: { ok: false, error: 'too-many-rows' },
    });
    expect(await previewImportFile(bytes)).toMatchObject({
      ok: false,
      error: { code: 'too-many-rows', message: { ko: expect.stringContaining('200,000줄') } },
    });
  });

  it.each<[string, string, number, string]>([
    [
      'a sheet that understates its dimension: stopped at its first cell out of bounds',
      '<dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row>' +
        '<row r="500"><c r="A500"><v>2</v></c><c r="XFD500"><v>3</v></c></row></sheetData>',
      1, // row 1 was read; row 500 never reached the import
      'too-many-columns',
    ],
    [
      'a sheet without a dimension whose rows run past the limit: stopped at that row',
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row>' +
        '<row r="1048576"><c r="A1048576"><v>2</v></c></row></sheetData>',
      1,
      'too-many-rows',
    ],
    [
      'cells without references (ECMA-376 18.3.1.4 counts on from the one before): bounded too',
      `<sheetData><row>${'<c><v>1</v></c>'.repeat(DEFAULT_IMPORT_LIMITS.maxColumns + 1)}</row></sheetData>`,
      0,
      'too-many-columns',
    ],
  ])('%s', async (_name, sheet, rows, error) => {
    expect(await rowsVisited(craftedXlsx(sheet))).toEqual({ rows, read: { ok: false, error } });
  });

  it('merged cells and validations over the whole sheet are never expanded: nothing after the cells is read', async () => {
    const bytes = craftedXlsx(
      '<dimension ref="A1:A1"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' +
        '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' +
        '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"/></dataValidations>',
    );
    const { value, ms } = await measured(() => rowsVisited(bytes));
    expect(value).toEqual({ rows: 1, read: { ok: true, value: undefined } });
    expect(ms).toBeLessThan(3_000);
  });
});

describe('issue 11 finding 4: a ZIP whose entries unzip huge', () => {
  it('an entry that declares 4 GB is refused before a byte of it is inflated', async () => {
    const bytes = craftedXlsx('<sheetData/>', { sheetDeclaredSize: 0xfffffff0 });
    const { value, ms } = await measured(() => previewImportFile(bytes));
    expect(value).toMatchObject({
      ok: false,
      error: { code: 'unzipped-too-large', message: { ko: expect.stringContaining('256MB') } },
    });
    expect(ms).toBeLessThan(3_000);
  });

  it('an entry that lies (declares 1 KB, inflates to 600 MB) is stopped at the cap, never whole in memory', async () => {
    // well-formed as far as it goes: the spaces sit inside the <sheetData ...> tag, which is
    // where a parser skips them fastest, so the inflater reaches the cap and not a parse error
    const prefix = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData`;
    const bomb = await deflatedRun(0x20, 600 * 1024 * 1024, prefix);
    expect(bomb.deflated.length).toBeLessThan(1_000_000);
    const bytes = craftedXlsx(bomb, { sheetDeclaredSize: 1024 });
    const { value, heapMb, rssMb } = await measured(() => previewImportFile(bytes));
    expect(value).toMatchObject({ ok: false, error: { code: 'unzipped-too-large' } });
    expect(heapMb).toBeLessThan(200);
    expect(rssMb).toBeLessThan(400);
  });

  it('shared strings that lie the same way are stopped at the cap too', async () => {
    const prefix = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si`;
    const bomb = await deflatedRun(0x20, 300 * 1024 * 1024, prefix);
    const bytes = craftedXlsx('<sheetData/>', {
      sharedStringsPart: bomb,
      stringsDeclaredSize: 512,
    });
    const { value, heapMb } = await measured(() => previewImportFile(bytes));
    expect(value).toMatchObject({ ok: false, error: { code: 'unzipped-too-large' } });
    expect(heapMb).toBeLessThan(200);
  });
});
