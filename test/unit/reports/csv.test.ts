import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/reports/compute';
import { UTF8_BOM, csvCell, neutraliseFormula, toCsv } from '../../../electron/reports/csv';
import { cancellationsToCsv, reportToCsv } from '../../../electron/reports/report-csv';
import type { ReportCancellation } from '../../../electron/reports/types';
import { FIXTURE, kst } from './fixture';

/** What Excel (or any RFC 4180 reader) gets back from the file. */
function readBack(csv: string): string[][] {
  expect(csv.startsWith(UTF8_BOM)).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('csvCell', () => {
  it.each<[string | number | null, string]>([
    ['plain', 'plain'],
    ['행복마트', '행복마트'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['line\nfeed', '"line\nfeed"'],
    [10000, '10000'],
    [0, '0'],
    [null, ''],
    ['', ''],
  ])('%j -> %j', (cell, text) => {
    expect(csvCell(cell)).toBe(text);
  });

  it.each<[string, string]>([
    ['=1+1', "'=1+1"],
    ['+82-10-1234', "'+82-10-1234"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', '"\'\r=1"'],
    ['  =HYPERLINK("http://x")', '"\'  =HYPERLINK(""http://x"")"'],
    ['＝1+1', "'＝1+1"],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['kim=lee', 'kim=lee'], // only a leading formula character matters
  ])('defuses the formula %j', (cell, text) => {
    expect(csvCell(cell)).toBe(text);
  });

  it('writes negative numbers as numbers (they are not formulas)', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(neutraliseFormula('-5')).toBe("'-5"); // as text it would be prefixed
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses %s (a bug)', (n) => {
    expect(() => csvCell(n)).toThrow(RangeError);
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends every row with CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b', null],
      ]),
    ).toBe('\uFEFFa,1\r\nb,\r\n');
  });

  it('encodes as UTF-8 with the BOM bytes EF BB BF', () => {
    const bytes = Buffer.from(toCsv([['취소']]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('취소\r\n');
  });
});

describe('reportToCsv', () => {
  const result = buildReport(FIXTURE, { from: '20231225' });
  if (!result.ok) throw new Error('expected a report');
  const report = result.value;

  it('reads back as the report, cell for cell (Korean)', () => {
    expect(readBack(reportToCsv(report, 'ko'))).toEqual([
      [
        '구분',
        '항목',
        '건수',
        '금액',
        '부가세',
        '취소 완료 건수',
        '취소 완료 금액',
        '취소 완료 부가세',
      ],
      ['기간', '2023-12-25', '', '', '', '', '', ''],
      ['전체', '전체', '7', '275000', '25000', '3', '182000', '16545'],
      ['전체', '확인 필요', '3', '88000', '8000', '', '', ''],
      ['전체', '관리자 승인', '2', '194000', '17636', '', '', ''],
      ['상태', '승인 대기', '0', '0', '0', '', '', ''],
      ['상태', '대기', '0', '0', '0', '', '', ''],
      ['상태', '전송 중', '0', '0', '0', '', '', ''],
      ['상태', '전송 대기(오프라인)', '1', '11000', '1000', '', '', ''],
      ['상태', '확인 중', '1', '33000', '3000', '', '', ''],
      ['상태', '관리자 확인 필요', '1', '44000', '4000', '', '', ''],
      ['상태', '취소 완료', '3', '182000', '16545', '', '', ''],
      ['상태', '취소 거절', '1', '5000', '455', '', '', ''],
      ['계산원', 'kim', '3', '65000', '5909', '2', '32000', '2909'],
      ['계산원', 'lee', '2', '155000', '14091', '1', '150000', '13636'],
      ['계산원', 'park', '2', '55000', '5000', '0', '0', '0'],
      ['카드사', 'KB국민카드', '3', '204000', '18545', '2', '160000', '14545'],
      ['카드사', '신한카드', '2', '27000', '2455', '1', '22000', '2000'],
      ['카드사', '(알 수 없음)', '2', '44000', '4000', '0', '0', '0'],
    ]);
  });

  it('has English headers in English', () => {
    expect(readBack(reportToCsv(report, 'en'))[0]).toEqual([
      'Section',
      'Item',
      'Count',
      'Amount',
      'VAT',
      'Cancelled count',
      'Cancelled amount',
      'Cancelled VAT',
    ]);
  });

  it('defuses a cashier id or issuer name that is a formula, and keeps commas inside one cell', () => {
    const hostile: ReportCancellation[] = [
      {
        ...(FIXTURE[1] as ReportCancellation),
        requestedBy: '=HYPERLINK("http://evil","x")',
        issuer: 'Card, "Inc"',
      },
    ];
    const built = buildReport(hostile, { from: '20231225' });
    if (!built.ok) throw new Error('expected a report');
    const rows = readBack(reportToCsv(built.value));
    expect(rows).toContainEqual([
      '계산원',
      '\'=HYPERLINK("http://evil","x")',
      '1',
      '10000',
      '909',
      '1',
      '10000',
      '909',
    ]);
    expect(rows).toContainEqual([
      '카드사',
      'Card, "Inc"',
      '1',
      '10000',
      '909',
      '1',
      '10000',
      '909',
    ]);
  });
});

describe('cancellationsToCsv', () => {
  it('lists each cancellation with Korea-time dates, and reads back', () => {
    const rows = readBack(cancellationsToCsv(FIXTURE.slice(3, 5)));
    expect(rows).toEqual([
      [
        '번호',
        '요청일시',
        '상태',
        '요청 계산원',
        '승인 관리자',
        '카드사',
        '금액',
        '부가세',
        '완료일시',
      ],
      [
        '4',
        '2023-12-25 12:00:00',
        '취소 완료',
        'lee',
        'manager',
        'KB국민카드',
        '150000',
        '13636',
        '2023-12-25 12:02:00',
      ],
      [
        '5',
        '2023-12-25 13:00:00',
        '취소 거절',
        'lee',
        '',
        '신한카드',
        '5000',
        '455',
        '2023-12-25 13:00:00',
      ],
    ]);
    expect(kst(2023, 12, 25, 12)).toBe(FIXTURE[3]?.createdAt);
  });
});
