import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { previewImportFile } from '../../../electron/import/file';
import { commitImport, planImport } from '../../../electron/import/plan';
import type { ImportPreview } from '../../../electron/import/preview';
import { vatFromTotal } from '../../../shared/money';
import { encodeCp949 } from './cp949';
import { sqliteImportStore } from './sqlite-store';

const HEADER =
  '승인일자,승인시간,승인번호,거래금액,부가세,봉사료,할부,VAN거래번호,가맹점거래번호,카드번호,카드사';
/** The date styles exports use, in turn: 2023-12-05, 2023.12.05, 20231205. */
const dateText = (i: number, day: number): string => {
  const dd = String(day).padStart(2, '0');
  return [`2023-12-${dd}`, `2023.12.${dd}`, `202312${dd}`][i % 3] ?? '';
};

/** A good CSV line for original number i (1-based): every value in a form exports use. */
function goodLine(i: number): string {
  const amount = 1000 + (i % 500) * 100;
  const grouped = amount.toLocaleString('en-US');
  const date = dateText(i, 1 + (i % 28));
  const card = i % 2 === 0 ? '1234-56**-****-1234' : '5123456789012346';
  return [
    date,
    `${String(10 + (i % 12)).padStart(2, '0')}:15:00`,
    String(10_000_000 + i),
    `"${grouped}"`,
    vatFromTotal(amount),
    0,
    i % 5 === 0 ? '3' : '일시불',
    `V${String(i).padStart(11, '0')}`,
    `ORD_${i}`,
    card,
    i % 2 === 0 ? 'KB국민카드' : '신한카드',
  ].join(',');
}

/** Bad lines by the (1-based) file row they land on, and what must be reported for each. */
const BAD: Record<number, { line: string; expect: [string, string][] }> = {
  101: {
    line: '2023-02-30,10:00:00,11111111,1000,91,0,00,VBAD101,,,',
    expect: [['orgAprvDt', 'date']],
  },
  2002: {
    line: '2023-12-01,10:00:00,승인12,1000,91,0,00,VBAD2002,,,',
    expect: [['orgAprvNo', 'ascii']],
  },
  3003: {
    line: '2023-12-01,10:00:00,11111111,만원,91,0,00,VBAD3003,,,',
    expect: [['trxAmt', 'type']],
  },
  4004: {
    line: '2023-12-01,10:00:00,11111111,1000,5000,0,00,VBAD4004,,,',
    expect: [['vatAmt', 'amountNotAboveTotal']],
  },
  5005: {
    line: '2023-12-01,10:00:00,11111111,1000,91,0,무이자,VBAD5005,,,',
    expect: [['alotMonth', 'alotMonth']],
  },
  6006: {
    line: '2023-12-01,10:00:00,11111111,1000,91,0,00,,,,',
    expect: [['vanTrxNo', 'required']],
  },
  7007: {
    line: '2023-12-01,25:00:00,11111111,-1000,91,0,00,VBAD7007,,,',
    expect: [
      ['aprvTm', 'time'],
      ['trxAmt', 'amount'],
    ],
  },
  9999: {
    line: '2023-12-01,10:00:00,11111111,1000.5,91,0,00,VBAD9999,,,',
    expect: [['trxAmt', 'amount']],
  },
};

/** 10,000 data rows: row 1 is the header, data rows are 2..10001, bad ones among them. */
function tenThousandRowCsv(): string {
  const lines = [HEADER];
  for (let i = 1; i <= 10_000; i += 1) {
    const row = i + 1;
    lines.push(BAD[row]?.line ?? goodLine(i));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const utf8 = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'utf8'));

async function preview(bytes: Uint8Array): Promise<ImportPreview> {
  const result = await previewImportFile(bytes);
  if (!result.ok) throw new Error(`file refused: ${result.error.code}`);
  return result.value;
}

let stores: { db: { close(): void } }[] = [];
function newStore() {
  const s = sqliteImportStore();
  stores.push(s);
  return s;
}
afterEach(() => {
  for (const s of stores) s.db.close();
  stores = [];
});

describe('a 10,000-row file with some bad rows', () => {
  it('reports every bad row with its row number and fields, and imports nothing', async () => {
    const result = await preview(utf8(tenThousandRowCsv()));
    expect(result.dataRows).toBe(10_000);
    expect(result.headerProblems).toEqual([]);
    expect(result.errors.map((e) => [e.row, e.errors.map((f) => [f.field, f.rule])])).toEqual(
      Object.entries(BAD).map(([row, bad]) => [Number(row), bad.expect]),
    );
    expect(result.rows).toHaveLength(10_000 - Object.keys(BAD).length);
    for (const e of result.errors) for (const f of e.errors) expect(f.message.ko).not.toBe('');

    const { store, count } = newStore();
    const committed = commitImport(result, store);
    expect(committed).toMatchObject({ ok: false, error: { code: 'row-errors' } });
    expect(committed.ok || committed.error.message.ko).toContain('8개');
    expect(store.insertCalls).toBe(0);
    expect(count()).toBe(0);
  });

  it('imports all 10,000 in one transaction once the file is fixed', async () => {
    const fixed = tenThousandRowCsv()
      .split('\r\n')
      .map((line, index) => (BAD[index + 1] ? goodLine(index) : line))
      .join('\r\n');
    const { store, count } = newStore();
    expect(commitImport(await preview(utf8(fixed)), store)).toEqual({
      ok: true,
      value: { inserted: 10_000, alreadyPresent: 0, repeatedInFile: 0 },
    });
    expect(store.insertCalls).toBe(1);
    expect(count()).toBe(10_000);
  });

  it('rolls back everything when the database refuses a row halfway', async () => {
    const lines = [HEADER, ...Array.from({ length: 1000 }, (_, i) => goodLine(i + 1))];
    const { store, count, insert } = newStore();
    // Someone else stored original #600 meanwhile, and existingKeys is made to miss it.
    insert({
      vanTrxNo: 'V00000000600',
      mercTrxNo: null,
      aprvNo: '1',
      aprvDt: '20231201',
      aprvTm: null,
      trxAmt: 1,
      vatAmt: 0,
      svcAmt: 0,
      alotMonth: '00',
      issuerName: null,
      issuerCode: null,
      cardMasked: null,
    });
    const blind = { ...store, existingKeys: () => new Set<string>() };
    const file = await preview(utf8(lines.join('\r\n')));
    expect(() => commitImport(file, blind)).toThrow(/UNIQUE/);
    expect(count()).toBe(1);
  });
});

describe('re-import is idempotent', () => {
  const file = (from: number, to: number): Uint8Array =>
    utf8(
      [HEADER, ...Array.from({ length: to - from + 1 }, (_, k) => goodLine(from + k))].join('\r\n'),
    );

  it('adds nothing the second time, and only the new rows from an overlapping export', async () => {
    const { store, count } = newStore();
    expect(commitImport(await preview(file(1, 100)), store)).toMatchObject({
      ok: true,
      value: { inserted: 100, alreadyPresent: 0 },
    });
    expect(commitImport(await preview(file(1, 100)), store)).toMatchObject({
      ok: true,
      value: { inserted: 0, alreadyPresent: 100 },
    });
    expect(commitImport(await preview(file(51, 150)), store)).toMatchObject({
      ok: true,
      value: { inserted: 50, alreadyPresent: 50 },
    });
    expect(count()).toBe(150);
  });

  it('planImport says which rows are new and which are already there, by either key', async () => {
    const plan = planImport(await preview(file(1, 4)), new Set(['van:V00000000002', 'merc:ORD_3']));
    expect(plan.ok && plan.value.toInsert.map((p) => p.row)).toEqual([2, 5]);
    expect(plan.ok && plan.value.alreadyPresent).toEqual([
      { row: 3, key: 'van:V00000000002' },
      { row: 4, key: 'merc:ORD_3' },
    ]);
  });
});

describe('rows repeated inside a file', () => {
  it('imports an exact repeat once, and refuses the same key with different data', async () => {
    const repeat = await preview(
      utf8([HEADER, goodLine(1), goodLine(2), goodLine(1)].join('\r\n')),
    );
    expect(repeat.duplicatesInFile).toEqual([
      { row: 4, firstRow: 2, key: 'van:V00000000001', conflict: false },
    ]);
    expect(planImport(repeat, new Set())).toMatchObject({ ok: true, value: { repeatedInFile: 1 } });

    const changed = goodLine(1).replace('"1,100"', '"9,900"');
    const conflict = await preview(utf8([HEADER, goodLine(1), changed].join('\r\n')));
    expect(conflict.duplicatesInFile).toEqual([
      { row: 3, firstRow: 2, key: 'van:V00000000001', conflict: true },
    ]);
    expect(planImport(conflict, new Set())).toMatchObject({
      ok: false,
      error: { code: 'conflicting-duplicates' },
    });
  });
});

describe('what a row becomes', () => {
  it('normalises dates, times, amounts and installments, and masks a full card number', async () => {
    const result = await preview(utf8([HEADER, goodLine(5), goodLine(1)].join('\r\n')));
    expect(result.rows.map((r) => r.receipt)).toEqual([
      {
        vanTrxNo: 'V00000000005',
        mercTrxNo: 'ORD_5',
        aprvNo: '10000005',
        aprvDt: '20231206',
        aprvTm: '151500',
        trxAmt: 1500,
        vatAmt: 136,
        svcAmt: 0,
        alotMonth: '03',
        issuerName: '신한카드',
        issuerCode: null,
        cardMasked: '512345******2346',
      },
      {
        vanTrxNo: 'V00000000001',
        mercTrxNo: 'ORD_1',
        aprvNo: '10000001',
        aprvDt: '20231202',
        aprvTm: '111500',
        trxAmt: 1100,
        vatAmt: 100,
        svcAmt: 0,
        alotMonth: '00',
        issuerName: '신한카드',
        issuerCode: null,
        cardMasked: '512345******2346',
      },
    ]);
  });

  it('defaults a missing service-charge or installment column, and uses a key-only file', async () => {
    const result = await preview(
      utf8(
        '승인일자,승인번호,거래금액,부가세,가맹점거래번호\r\n20231225,12345678,"10,000",909,ORD_20231225_0001\r\n',
      ),
    );
    expect(result.rows[0]?.receipt).toMatchObject({
      svcAmt: 0,
      alotMonth: '00',
      vanTrxNo: null,
      mercTrxNo: 'ORD_20231225_0001',
      aprvTm: null,
    });
  });

  it('refuses a merchant number longer than 20 bytes when it is the only key (KICC cndTrxNo is 20)', async () => {
    const result = await preview(
      utf8(
        `승인일자,승인번호,거래금액,부가세,가맹점거래번호\r\n20231225,1,1000,91,${'M'.repeat(21)}\r\n`,
      ),
    );
    expect(result.errors).toEqual([
      { row: 2, errors: [expect.objectContaining({ field: 'mercTrxNo', rule: 'maxBytes' })] },
    ]);
  });
});

describe('file formats', () => {
  const SAMPLE = `${HEADER}\r\n${goodLine(1)}\r\n${goodLine(2)}\r\n`;

  it.each<[string, Uint8Array, string]>([
    ['UTF-8 with a BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)]), 'utf-8'],
    ['CP949 from Korean Excel', encodeCp949(SAMPLE), 'cp949'],
    [
      'UTF-16 tab-separated ("유니코드 텍스트")',
      Uint8Array.from([
        0xff,
        0xfe,
        ...Buffer.from(SAMPLE.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\t'), 'utf16le'),
      ]),
      'utf-16le',
    ],
  ])('reads %s', async (_name, bytes, encoding) => {
    const result = await preview(bytes);
    expect(result.source).toEqual({ format: 'csv', encoding });
    expect(result.errors).toEqual([]);
    expect(
      result.rows.map((r) => [r.receipt.vanTrxNo, r.receipt.trxAmt, r.receipt.issuerName]),
    ).toEqual([
      ['V00000000001', 1100, '신한카드'],
      ['V00000000002', 1200, 'KB국민카드'],
    ]);
  });

  it('reads English headers in another order, with a title row above', async () => {
    const csv = [
      'Card approvals export',
      'Amount,VAT,Approval No,Approval Date,Installment,VAN Trx No,Issuer',
      '"10,000",909,12345678,2023/12/25,0,V12345678902,KB Kookmin Card',
    ].join('\n');
    const result = await preview(utf8(csv));
    expect(result.headerRow).toBe(2);
    expect(result.rows).toEqual([
      expect.objectContaining({
        row: 3,
        receipt: expect.objectContaining({
          aprvNo: '12345678',
          aprvDt: '20231225',
          trxAmt: 10000,
          vatAmt: 909,
          vanTrxNo: 'V12345678902',
        }) as unknown,
      }),
    ]);
  });

  it('reads an .xlsx export: dates, number formats, formulas, and the sheet with the table', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('안내').addRow(['이 파일은 카드 승인 내역입니다']);
    const sheet = workbook.addWorksheet('승인내역');
    sheet.addRow(['카드 승인 내역 (2023-12)']);
    sheet.addRow([
      '승인일시',
      '승인번호',
      '결제금액',
      '부가세',
      '할부개월',
      'VAN 거래번호',
      '카드번호',
      '카드사',
    ]);
    sheet.addRow([
      new Date(Date.UTC(2023, 11, 25, 10, 30)),
      123456,
      10000,
      { formula: 'ROUND(C3/11,0)', result: 909 },
      3,
      'V12345678902',
      '1234567812345678',
      { richText: [{ text: 'KB' }, { text: '국민카드' }] },
    ]);
    sheet.getCell('B3').numFmt = '00000000';
    sheet.getCell('C3').numFmt = '#,##0';
    sheet.getCell('A3').numFmt = 'yyyy-mm-dd hh:mm';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const result = await preview(bytes);
    expect(result.source).toEqual({ format: 'xlsx', sheet: '승인내역' });
    expect(result.headerRow).toBe(2);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.receipt)).toEqual([
      {
        vanTrxNo: 'V12345678902',
        mercTrxNo: null,
        aprvNo: '00123456',
        aprvDt: '20231225',
        aprvTm: '103000',
        trxAmt: 10000,
        vatAmt: 909,
        svcAmt: 0,
        alotMonth: '03',
        issuerName: 'KB국민카드',
        issuerCode: null,
        cardMasked: '123456******5678',
      },
    ]);
  });

  it.each<[string, Uint8Array, string]>([
    ['an empty file', new Uint8Array(), 'empty'],
    [
      'an old .xls file',
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'old-excel',
    ],
    ['a damaged .xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'unreadable'],
  ])('refuses %s with a message', async (_name, bytes, code) => {
    expect(await previewImportFile(bytes)).toMatchObject({ ok: false, error: { code } });
  });

  it('reads no rows when the header is unusable, and planImport refuses it', async () => {
    const result = await preview(
      utf8('승인일자,승인번호,거래금액,거래금액2\r\n20231225,1,1000,1000\r\n'),
    );
    expect(result.headerProblems.map((p) => p.kind)).toEqual([
      'missing-column',
      'missing-key-column',
    ]);
    expect(planImport(result, new Set())).toMatchObject({
      ok: false,
      error: { code: 'header-problems' },
    });
  });
});
