import { describe, expect, it } from 'vitest';
import { fieldForHeader, mapHeaders, normaliseHeader } from '../../../electron/import/headers';
import type { ImportField } from '../../../electron/import/fields';

describe('fieldForHeader', () => {
  it.each<[string, ImportField]>([
    ['승인일자', 'aprvDt'],
    ['승인 일자', 'aprvDt'],
    ['Approval Date', 'aprvDt'],
    ['approval_date', 'aprvDt'],
    ['orgAprvDt', 'aprvDt'],
    ['거래일시', 'aprvDt'],
    ['승인시간', 'aprvTm'],
    ['승인번호', 'aprvNo'],
    ['Approval No.', 'aprvNo'],
    ['orgAprvNo', 'aprvNo'],
    ['거래금액', 'trxAmt'],
    ['결제금액', 'trxAmt'],
    ['Amount', 'trxAmt'],
    ['trxAmt', 'trxAmt'],
    ['부가세', 'vatAmt'],
    ['VAT', 'vatAmt'],
    ['vatAmt', 'vatAmt'],
    ['봉사료', 'svcAmt'],
    ['Service', 'svcAmt'],
    ['svcAmt', 'svcAmt'],
    ['할부', 'alotMonth'],
    ['할부개월', 'alotMonth'],
    ['Installment', 'alotMonth'],
    ['alotMonth', 'alotMonth'],
    ['VAN거래번호', 'vanTrxNo'],
    ['VAN 거래번호', 'vanTrxNo'],
    ['vanTrxNo', 'vanTrxNo'],
    ['가맹점거래번호', 'mercTrxNo'],
    ['mercTrxNo', 'mercTrxNo'],
    ['주문번호', 'mercTrxNo'],
    ['카드번호', 'card'],
    ['Card', 'card'],
    ['카드사', 'issuer'],
    ['Issuer', 'issuer'],
    ['카드사코드', 'issuerCode'],
    ['Issuer Code', 'issuerCode'],
    ['issFmCd', 'issuerCode'],
    ['ＶＡＴ', 'vatAmt'], // full-width
  ])('%s -> %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it.each<[unknown]>([['공급가액'], ['비고'], [''], [null], [123]])(
    '%j is not a known header',
    (header) => {
      expect(fieldForHeader(header as string)).toBeNull();
    },
  );

  it('normalises case, spaces and punctuation', () => {
    expect(normaliseHeader(' Approval_No. (원) ')).toBe('approvalno원');
  });
});

describe('mapHeaders', () => {
  const HEADER = ['승인일자', '승인번호', '거래금액', '부가세', 'VAN거래번호', '비고'];

  it('maps by name, whatever the order, and lists the columns it ignores', () => {
    const mapping = mapHeaders([
      ['부가세', '비고', 'VAN거래번호', '거래금액', '승인번호', '승인일자'],
    ]);
    expect(mapping.problems).toEqual([]);
    expect(mapping.columns.map((c) => [c.field, c.column])).toEqual([
      ['vatAmt', 0],
      ['vanTrxNo', 2],
      ['trxAmt', 3],
      ['aprvNo', 4],
      ['aprvDt', 5],
    ]);
    expect(mapping.ignored).toEqual(['비고']);
  });

  it('finds the header below title rows', () => {
    const mapping = mapHeaders([['카드 승인 내역'], ['기간: 2023-12-01 ~ 2023-12-31'], [], HEADER]);
    expect(mapping.headerIndex).toBe(3);
    expect(mapping.problems).toEqual([]);
  });

  it.each<[string, string[], string[]]>([
    [
      'no VAT column',
      ['승인일자', '승인번호', '거래금액', 'VAN거래번호'],
      ['missing-column:vatAmt'],
    ],
    ['no key column', ['승인일자', '승인번호', '거래금액', '부가세'], ['missing-key-column']],
    ['two amount columns', [...HEADER, '결제금액'], ['duplicate-column:trxAmt']],
    ['no header at all', ['a', 'b', 'c'], ['no-header-row']],
  ])('reports %s', (_name, header, kinds) => {
    const problems = mapHeaders([header]).problems;
    expect(problems.map((p) => ('field' in p ? `${p.kind}:${p.field}` : p.kind))).toEqual(kinds);
    for (const p of problems) expect(p.message.ko.length).toBeGreaterThan(0);
  });
});
