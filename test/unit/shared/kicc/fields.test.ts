import { describe, expect, it } from 'vitest';
import type { FieldCheck, FieldRule } from '../../../../shared/kicc/fields';
import {
  checkAlotMonth,
  checkAmount,
  checkAmountsWithinTotal,
  checkAscii,
  checkDate,
  checkDigits,
  checkExactLength,
  checkMaxBytes,
  checkPositiveAmount,
  checkRequired,
  checkTime,
  checkWcc,
  utf8ByteLength,
} from '../../../../shared/kicc/fields';

// Each row: a value and the rule it must fail with, or null when it must pass.
type Row = [value: unknown, expected: FieldRule | null];

const tables: Array<{ name: string; check: FieldCheck; field: string; rows: Row[] }> = [
  {
    name: 'checkRequired',
    check: checkRequired,
    field: 'tid',
    rows: [
      ['T123456789', null],
      ['a', null],
      ['', 'required'],
      ['   ', 'required'],
      [undefined, 'required'],
      [null, 'required'],
      [123, 'type'],
    ],
  },
  {
    name: 'checkAscii',
    check: checkAscii,
    field: 'cndTrxNo',
    rows: [
      ['ORD_20231225_0001', null],
      [' !~', null],
      ['', null],
      ['가', 'ascii'],
      ['ORD가', 'ascii'],
      ['café', 'ascii'],
      ['１２３', 'ascii'], // full-width digits from a Korean IME
      ['ORD\t1', 'ascii'],
      ['ORD1\n', 'ascii'],
      ['\u007f', 'ascii'],
      ['😀', 'ascii'],
      [undefined, 'required'],
      [20231225, 'type'],
    ],
  },
  {
    name: 'checkMaxBytes(10)',
    check: checkMaxBytes(10),
    field: 'tid',
    rows: [
      ['', null],
      ['1234567890', null], // 10 bytes: the boundary passes
      ['12345678901', 'maxBytes'], // 11 bytes
      ['가나다', null], // 9 bytes
      ['가나다라', 'maxBytes'], // 4 characters, 12 bytes: bytes count, not characters
      ['123456789가', 'maxBytes'], // 10 characters, 12 bytes
      [undefined, 'required'],
      [['1'], 'type'],
    ],
  },
  {
    name: 'checkExactLength(10)',
    check: checkExactLength(10),
    field: 'bizrNo',
    rows: [
      ['1234567890', null],
      ['123456789', 'exactLength'],
      ['12345678901', 'exactLength'],
      ['', 'exactLength'],
      [1234567890, 'type'],
    ],
  },
  {
    name: 'checkDigits',
    check: checkDigits,
    field: 'bizrNo',
    rows: [
      ['1234567890', null],
      ['0', null],
      ['', 'digits'],
      ['123-45-678', 'digits'],
      ['12345 6789', 'digits'],
      ['+123', 'digits'],
      ['１２３', 'digits'],
      ['١٢٣', 'digits'], // Arabic-Indic digits are not KICC digits
      [1234567890, 'type'],
    ],
  },
  {
    name: 'checkDate',
    check: checkDate,
    field: 'orgAprvDt',
    rows: [
      ['20231225', null],
      ['20240229', null], // leap year
      ['20000229', null], // divisible by 400: leap
      ['19000228', null],
      ['20991231', null],
      ['20230101', null],
      ['20230229', 'date'], // not a leap year
      ['21000229', 'date'], // divisible by 100, not 400
      ['19000229', 'date'],
      ['20230230', 'date'],
      ['20230431', 'date'],
      ['20231301', 'date'],
      ['20230001', 'date'],
      ['20230100', 'date'],
      ['20231232', 'date'],
      ['18991231', 'date'], // before the years we accept
      ['21000101', 'date'],
      ['2023122', 'date'],
      ['202312250', 'date'],
      ['2023-12-25', 'date'],
      ['', 'date'],
      [20231225, 'type'],
      [undefined, 'required'],
    ],
  },
  {
    name: 'checkTime',
    check: checkTime,
    field: 'tranTm',
    rows: [
      ['000000', null],
      ['100000', null],
      ['235959', null],
      ['240000', 'time'],
      ['236000', 'time'],
      ['235960', 'time'],
      ['12345', 'time'],
      ['1234567', 'time'],
      ['10:00:00', 'time'],
      ['', 'time'],
      [100000, 'type'],
    ],
  },
  {
    name: 'checkWcc',
    check: checkWcc,
    field: 'wcc',
    rows: [
      ['T', null],
      ['G', null],
      ['X', 'wcc'],
      ['t', 'wcc'],
      ['g', 'wcc'],
      ['TG', 'wcc'],
      [' T', 'wcc'],
      ['', 'wcc'],
      [undefined, 'required'],
      [1, 'type'],
    ],
  },
  {
    name: 'checkAlotMonth',
    check: checkAlotMonth,
    field: 'alotMonth',
    rows: [
      ['00', null],
      ['03', null],
      ['12', null],
      ['99', null],
      ['1', 'alotMonth'],
      ['100', 'alotMonth'],
      ['0', 'alotMonth'],
      ['', 'alotMonth'],
      ['-1', 'alotMonth'],
      ['1 ', 'alotMonth'],
      ['０３', 'alotMonth'],
      [0, 'type'],
      [undefined, 'required'],
    ],
  },
  {
    name: 'checkAmount',
    check: checkAmount,
    field: 'vatAmt',
    rows: [
      [0, null],
      [909, null],
      [Number.MAX_SAFE_INTEGER, null],
      [1.5, 'amount'],
      [0.1, 'amount'],
      [-1, 'amount'],
      [NaN, 'amount'],
      [Infinity, 'amount'],
      [-Infinity, 'amount'],
      [2 ** 53, 'amount'],
      ['1000', 'type'],
      ['', 'type'],
      [10n, 'type'],
      [undefined, 'required'],
      [null, 'required'],
    ],
  },
  {
    name: 'checkPositiveAmount',
    check: checkPositiveAmount,
    field: 'trxAmt',
    rows: [
      [1, null],
      [10000, null],
      [0, 'positiveAmount'],
      [-1, 'amount'],
      [1.5, 'amount'],
      ['10000', 'type'],
    ],
  },
];

/** A test title that tells NaN from null and 10n from 10. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' || value === undefined) return String(value);
  return JSON.stringify(value);
}

describe.each(tables)('$name', ({ check, field, rows }) => {
  const cases = rows.map(([value, expected]) => ({ value, expected, title: shown(value) }));
  it.each(cases)('$title -> $expected', ({ value, expected }) => {
    const error = check(value, field);
    if (expected === null) {
      expect(error).toBeNull();
    } else {
      expect(error).toMatchObject({ field, rule: expected });
      // issue 12 finding 7: Korean in the cashier's words only; English also names KICC's field
      expect(error?.message.ko).not.toContain(`(${field})`);
      expect(error?.message.ko).not.toMatch(/yyyy|HHmmss|ASCII/);
      expect(error?.message.en).toContain(`(${field})`);
    }
  });
});

describe('utf8ByteLength', () => {
  it.each([
    ['', 0],
    ['T123456789', 10],
    ['é', 2],
    ['가', 3],
    ['😀', 4],
    ['\ud800', 3], // lone surrogate: TextEncoder writes U+FFFD, 3 bytes
  ])('%j is %i bytes', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
    expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
  });
});

describe('messages', () => {
  it('finding 7: Korean names the field in the cashier’s words with an example; English adds KICC’s name', () => {
    expect(checkDate('20230230', 'orgAprvDt')?.message).toEqual({
      ko: '원거래 승인일자는 실제 날짜여야 합니다 (예: 20240105)',
      en: 'Original approval date (orgAprvDt) must be a real date (yyyyMMdd)',
    });
  });

  it.each([
    ['tranTm', '전송 시각은'], // final consonant: 은
    ['vatAmt', '부가세는'], // vowel: 는
    ['unknownThing', 'unknownThing은(는)'], // no Korean label: neutral form
  ])('pick the Korean particle that fits %s', (field, start) => {
    expect(checkRequired(undefined, field)?.message.ko.startsWith(start)).toBe(true);
  });

  it('show the offending character, and control characters by code point', () => {
    expect(checkAscii('T12가', 'tid')?.message.ko).toContain("'가'");
    expect(checkAscii('T12\t', 'tid')?.message.en).toContain('U+0009');
  });

  it('give the limit and the actual byte count', () => {
    const message = checkMaxBytes(10)('12345678901', 'tid')?.message;
    expect(message?.ko).toContain('10바이트 이하');
    expect(message?.ko).toContain('11바이트');
    expect(message?.en).toContain('at most 10 bytes (now 11)');
  });
});

describe('checkAmountsWithinTotal', () => {
  it.each<[string, { trxAmt: number; vatAmt: number; svcAmt: number }, Array<[string, string]>]>([
    ['parts within the total', { trxAmt: 10000, vatAmt: 909, svcAmt: 0 }, []],
    ['parts summing exactly to the total', { trxAmt: 1000, vatAmt: 400, svcAmt: 600 }, []],
    ['VAT equal to the total', { trxAmt: 1000, vatAmt: 1000, svcAmt: 0 }, []],
    [
      'VAT above the total',
      { trxAmt: 1000, vatAmt: 1001, svcAmt: 0 },
      [['vatAmt', 'amountNotAboveTotal']],
    ],
    [
      'service charge above the total',
      { trxAmt: 1000, vatAmt: 0, svcAmt: 1001 },
      [['svcAmt', 'amountNotAboveTotal']],
    ],
    [
      'both above the total: two errors, no sum error on top',
      { trxAmt: 1000, vatAmt: 2000, svcAmt: 2000 },
      [
        ['vatAmt', 'amountNotAboveTotal'],
        ['svcAmt', 'amountNotAboveTotal'],
      ],
    ],
    [
      'each within, sum above: one error on svcAmt',
      { trxAmt: 1000, vatAmt: 600, svcAmt: 401 },
      [['svcAmt', 'amountSumNotAboveTotal']],
    ],
  ])('%s', (_name, amounts, expected) => {
    const errors = checkAmountsWithinTotal(amounts);
    expect(errors.map((e) => [e.field, e.rule])).toEqual(expected);
    for (const error of errors) {
      expect(error.message.ko).toContain('결제 금액');
      expect(error.message.ko).not.toContain('trxAmt');
      expect(error.message.en).toContain('Total amount (trxAmt)');
    }
  });
});
