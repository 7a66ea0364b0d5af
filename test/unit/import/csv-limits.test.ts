import { describe, expect, it } from 'vitest';
import { previewImportFile } from '../../../electron/import/file';
import { importLimits } from '../../../electron/import/limits';
import { countLines } from '../../../electron/import/table';
import { exportCsvText } from '../../fixtures/receipt-export';

/**
 * A CSV's limits (issue 11 "cap the row count"): rows and columns are counted as papaparse
 * hands them over, one by one, and the file stops at the first one past a limit; no table of
 * the whole file is built first. Small limits here; the app's are in electron/import/limits.ts.
 */
const limits = importLimits({ maxRows: 100, maxColumns: 12 });
const utf8 = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'utf8'));

describe('a CSV past the limits', () => {
  it.each<[string, string, string]>([
    [
      'row 121 with 100 data rows allowed (and 20 title rows of room)',
      exportCsvText(120),
      'too-many-rows',
    ],
    [
      'a row wider than a receipt export',
      `${exportCsvText(3)}${',x'.repeat(12)}\r\n`,
      'too-many-columns',
    ],
    [
      'a header as wide as a spreadsheet',
      `승인일자,승인번호,거래금액${',x'.repeat(16_384)}\r\n`,
      'too-many-columns',
    ],
  ])('%s is refused', async (_name, text, code) => {
    expect(await previewImportFile(utf8(text), { limits })).toMatchObject({
      ok: false,
      error: { code, message: { ko: expect.any(String) } },
    });
  });

  it('the last row allowed, and blank lines after it, are read', async () => {
    const text = `${exportCsvText(119)}\r\n\r\n\r\n`; // rows 1..120
    expect(await previewImportFile(utf8(text), { limits })).toMatchObject({
      ok: true,
      value: { dataRows: 119, errors: [] },
    });
  });

  it('thousands of blank lines past the last row are refused too (each is a row to parse)', async () => {
    const text = `${exportCsvText(10)}${'\r\n'.repeat(5_000)}`;
    expect(await previewImportFile(utf8(text), { limits })).toMatchObject({
      ok: false,
      error: { code: 'too-many-rows' },
    });
  });

  it.each<[string, number]>([
    ['', 0],
    ['a', 1],
    ['a\n', 1],
    ['a\r\nb', 2],
    ['a\r\nb\r\n', 2],
  ])('%j has %i lines (the progress bar total)', (text, lines) => {
    expect(countLines(text)).toBe(lines);
  });
});
