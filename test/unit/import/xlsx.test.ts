import { describe, expect, it } from 'vitest';
import { previewImportFile } from '../../../electron/import/file';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/import/limits';
import type { ImportCell } from '../../../electron/import/table';
import { cellValue, excelDate, isDateFormat } from '../../../electron/import/xlsx-cells';
import { cellReference } from '../../../electron/import/xlsx-sheet';
import { openXlsx } from '../../../electron/import/xlsx';
import { craftedXlsx, writeZip } from './crafted-xlsx';

/**
 * The .xlsx reader that replaced exceljs's whole-workbook load (issue 11 finding 4): what a cell
 * becomes, as Excel shows it. import.test.ts reads an exceljs-written export end to end; these
 * are the forms other generators (and Excel itself) write that exceljs never did.
 */

async function rowsOf(bytes: Uint8Array): Promise<[number, ImportCell[]][]> {
  const workbook = await openXlsx(bytes, DEFAULT_IMPORT_LIMITS);
  if (!workbook.ok) throw new Error(workbook.error);
  const rows: [number, ImportCell[]][] = [];
  const sheet = workbook.value.sheets[0];
  const read = await sheet?.read({ row: (n, cells) => rows.push([n, cells]) > 0 });
  expect(read).toEqual({ ok: true, value: undefined });
  return rows;
}

describe('cells', () => {
  it.each<[string, string, string | null, ImportCell]>([
    ['a shared string', 's', '1', '승인번호'],
    ['a shared string index past the table', 's', '9', null],
    ['a formula text result', 'str', 'V12345678902', 'V12345678902'],
    ['a boolean', 'b', '1', 'true'],
    ['an error', 'e', '#N/A', '#N/A'],
    ['an ISO date (t="d")', 'd', '2023-12-25T10:30:00', new Date(Date.UTC(2023, 11, 25, 10, 30))],
    ['a number', 'n', '10000', 10000],
    ['a formula without a cached value', 'n', null, null],
  ])('%s', (_name, type, value, expected) => {
    expect(cellValue({ type, format: '#0', value }, ['승인일자', '승인번호'], false)).toEqual(
      expected,
    );
  });

  it.each<[string, boolean]>([
    ['#14', true], // m/d/yyyy
    ['#22', true], // m/d/yy h:mm
    ['#31', true], // Korean Excel's yyyy"년" mm"월" dd"일"
    ['#46', true], // [h]:mm:ss
    ['#0', false],
    ['#3', false], // #,##0
    ['#49', false], // @ text
    ['yyyy-mm-dd hh:mm', true],
    ['yyyy"년" m"월" d"일"', true],
    ['[$-412]AM/PM h:mm:ss', true],
    ['#,##0"원"', false],
    ['[Red]#,##0;[Blue]-#,##0', false],
    ['0.00E+00', false],
    ['00000000', false],
    ['"date: "0', false],
  ])('format %s is a date: %s', (format, date) => {
    expect(isDateFormat(format)).toBe(date);
  });

  it('an Excel serial is the wall-clock time in UTC fields, in both date systems', () => {
    expect(excelDate(45285.4375, false)).toEqual(new Date(Date.UTC(2023, 11, 25, 10, 30)));
    expect(excelDate(43823.4375, true)).toEqual(new Date(Date.UTC(2023, 11, 25, 10, 30)));
  });

  it('a number shown with leading zeros keeps them (approval number 00123456)', () => {
    expect(cellValue({ type: 'n', format: '00000000', value: '123456' }, [], false)).toBe(
      '00123456',
    );
  });

  it.each<[string, { column: number; row: number }]>([
    ['A1', { column: 1, row: 1 }],
    ['K100001', { column: 11, row: 100_001 }],
    ['IV1', { column: 256, row: 1 }],
    ['XFD1048576', { column: 16_384, row: 1_048_576 }],
    ['xfd2', { column: 16_384, row: 2 }],
  ])('reference %s', (ref, expected) => {
    expect(cellReference(ref)).toEqual(expected);
  });
});

describe('sheets as other generators write them', () => {
  it('inline strings, rich text without its phonetic runs, namespace prefixes, cells without references', async () => {
    const bytes = craftedXlsx(
      '<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<x:row r="2"><x:c t="inlineStr"><x:is><x:t>승인일자</x:t></x:is></x:c>' +
        '<x:c t="inlineStr"><x:is><x:r><x:t>KB</x:t></x:r><x:r><x:t>국민</x:t></x:r>' +
        '<x:rPh sb="0" eb="2"><x:t>ケービー</x:t></x:rPh></x:is></x:c>' +
        '<x:c r="E2" t="s"><x:v>0</x:v></x:c><x:c><x:v>7</x:v></x:c></x:row>' +
        '<x:row><x:c r="B3"><x:v>1</x:v></x:c></x:row>' +
        '</x:sheetData>',
      { sharedStrings: ['카드사'] },
    );
    expect(await rowsOf(bytes)).toEqual([
      [2, ['승인일자', 'KB국민', null, null, '카드사', 7]],
      [3, [null, 1]],
    ]);
  });

  it('the first sheet with a header is imported; a guide sheet before it is skipped', async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const sheet = (rows: string) =>
      `<?xml version="1.0"?><worksheet xmlns="${ns}"><sheetData>${rows}</sheetData></worksheet>`;
    const text = (ref: string, value: string) =>
      `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
    const bytes = writeZip([
      {
        name: '_rels/.rels',
        data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="${rel}/officeDocument" Target="/xl/book.xml"/></Relationships>`,
      },
      {
        name: 'xl/book.xml',
        data: `<workbook xmlns="${ns}" xmlns:r="${rel}"><workbookPr date1904="1"/><sheets><sheet name="안내" sheetId="1" r:id="a"/><sheet name="차트" sheetId="2" r:id="c"/><sheet name="승인내역" sheetId="3" r:id="b"/></sheets></workbook>`,
      },
      {
        name: 'xl/_rels/book.xml.rels',
        data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${rel}/worksheet" Target="sheets/guide.xml"/><Relationship Id="b" Type="${rel}/worksheet" Target="sheets/data.xml"/><Relationship Id="c" Type="${rel}/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="s" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
      },
      {
        name: 'xl/styles.xml',
        data: `<styleSheet xmlns="${ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;년&quot; m&quot;월&quot; d&quot;일&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="3"/></cellXfs></styleSheet>`,
      },
      {
        name: 'xl/sheets/guide.xml',
        data: sheet(`<row r="1">${text('A1', '이 파일은 카드 승인 내역입니다')}</row>`),
      },
      {
        name: 'xl/sheets/data.xml',
        data: sheet(
          `<row r="1">${text('A1', '승인일자')}${text('B1', '승인번호')}${text('C1', '거래금액')}${text('D1', '부가세')}${text('E1', 'VAN거래번호')}</row>` +
            `<row r="2"><c r="A2" s="1"><v>43823</v></c>${text('B2', '00123456')}<c r="C2" s="2"><v>10000</v></c><c r="D2"><v>909</v></c>${text('E2', 'V12345678902')}</row>`,
        ),
      },
    ]);
    const preview = await previewImportFile(bytes);
    expect(preview).toMatchObject({
      ok: true,
      value: {
        source: { format: 'xlsx', sheet: '승인내역' },
        errors: [],
        rows: [
          {
            row: 2,
            receipt: { aprvDt: '20231225', aprvNo: '00123456', trxAmt: 10000, vatAmt: 909 },
          },
        ],
      },
    });
  });

  it.each<[string, Uint8Array, string]>([
    ['a workbook with nothing in it', craftedXlsx('<sheetData/>'), 'empty'],
    ['a ZIP without a workbook', writeZip([{ name: 'readme.txt', data: 'hello' }]), 'unreadable'],
    ['a sheet that is not XML', craftedXlsx('<sheetData><row></sheetData>'), 'unreadable'],
    [
      'a ZIP whose directory points past its end',
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(40).fill(0x50)]),
      'unreadable',
    ],
  ])('%s is refused with a message', async (_name, bytes, code) => {
    expect(await previewImportFile(bytes)).toMatchObject({
      ok: false,
      error: { code, message: { ko: expect.any(String) } },
    });
  });
});
