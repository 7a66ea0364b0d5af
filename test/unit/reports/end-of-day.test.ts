import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/reports/compute';
import { endOfDaySummary } from '../../../electron/reports/end-of-day';
import { slipHtml, slipText } from '../../../shared/slip';
import { FIXTURE, kst } from './fixture';

const HEAD = { seq: 1234, hash: 'ab'.repeat(32) };

function summary(from: string, to = from, locale: 'ko' | 'en' = 'ko') {
  const result = buildReport(FIXTURE, { from, to });
  if (!result.ok) throw new Error('expected a report');
  return endOfDaySummary(result.value, {
    storeName: '행복마트 역삼점',
    terminalId: 'T123456789',
    printedAt: kst(2023, 12, 25, 23, 30),
    locale,
    auditHead: HEAD,
  });
}

describe('endOfDaySummary', () => {
  const printed = slipText(summary('20231225')).join('\n');

  it.each<[string, RegExp]>([
    ['the title', /일일 마감 — 카드 취소/],
    ['the business day', /^영업일 +2023-12-25$/m],
    ['the print time, Korea time', /^출력일시 +2023-12-25 23:30:00$/m],
    ['what was refunded to cards', /^취소 완료 +3건 182,000원$/m],
    ['its VAT', /^ {2}부가세 +16,545원$/m],
    ['the rejected ones', /^취소 거절 +1건 5,000원$/m],
    ['the unresolved ones', /^확인 필요 +3건 88,000원$/m],
    ['the manager approvals', /^관리자 승인 +2건 194,000원$/m],
    ['a state line', /^확인 중 +1건 33,000원$/m],
    ['a cashier line', /^lee +1건 150,000원$/m],
    ['an issuer line', /^신한카드 +1건 22,000원$/m],
    ['the audit head number', /^감사 기록 +#1234$/m],
  ])('prints %s', (_what, pattern) => {
    expect(printed).toMatch(pattern);
  });

  it('warns against cash refunds while anything is unresolved', () => {
    expect(printed).toContain('확인 필요 3건 — 현금으로 환불하지 마세요');
    const quiet = slipText(summary('20231224')).join('\n');
    expect(quiet).not.toContain('현금');
  });

  it('prints the whole audit hash, so it can serve as a checkpoint', () => {
    expect(printed.replace(/\s/g, '')).toContain(HEAD.hash);
  });

  it('leaves out cashiers with nothing cancelled and states with nothing in them', () => {
    expect(printed).not.toMatch(/^park /m);
    expect(printed).not.toMatch(/^대기 /m);
  });

  it('titles a range as a period summary', () => {
    const range = slipText(summary('20231201', '20231231')).join('\n');
    expect(range).toContain('기간 집계 — 카드 취소');
    expect(range).toMatch(/^기간 +2023-12-01 ~ 2023-12-31$/m);
  });

  it('says "none" for an empty day, in English too', () => {
    const empty = slipText(summary('20240101', '20240101', 'en')).join('\n');
    expect(empty).toMatch(/^Cancelled +0 · KRW 0$/m);
    expect(empty).toContain('none');
  });

  it('prints through the same 80 mm slip layout', () => {
    expect(slipHtml(summary('20231225'))).toContain('<h1>일일 마감 — 카드 취소</h1>');
  });
});
