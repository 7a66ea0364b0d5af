import { describe, expect, it } from 'vitest';
import type { PrintedClose } from '../../../electron/reports/close';
import { computeClose } from '../../../electron/reports/close';
import { buildReport, kstDate, UNRESOLVED_STATES } from '../../../electron/reports/compute';
import { endOfDaySummary, periodSummary } from '../../../electron/reports/end-of-day';
import type { ReportCancellation } from '../../../electron/reports/types';
import { unresolvedOf } from '../../../electron/store-ops/report-view';
import { slipHtml, slipText } from '../../../shared/slip';
import { FIXTURE, kst } from './fixture';

const HEAD = { seq: 1234, hash: 'ab'.repeat(32) };

// one item carried over from the 23rd, still waiting for the manager
const CARRIED: ReportCancellation = {
  ...(FIXTURE[7] as ReportCancellation),
  id: '99',
  amount: 300_000,
  vat: 27_273,
  createdAt: kst(2023, 12, 23, 10),
};
const LIST = [CARRIED, ...FIXTURE];

function closeOf(day: string, prints: PrintedClose[] = []) {
  return computeClose({
    day,
    requested: LIST.filter((c) => kstDate(c.createdAt) === day),
    earlierSettled: LIST.filter((c) => c.settledAt !== null),
    unresolved: LIST.filter((c) => UNRESOLVED_STATES.includes(c.state)),
    prints,
    byId: (id) => LIST.find((c) => c.id === id) ?? null,
  });
}

const options = (locale: 'ko' | 'en' = 'ko') => ({
  storeName: '행복마트 역삼점',
  terminalId: 'T123456789',
  printedAt: kst(2023, 12, 25, 23, 30),
  locale,
  auditHead: HEAD,
});

describe('the end-of-day paper', () => {
  const printed = slipText(endOfDaySummary(closeOf('20231225'), options())).join('\n');

  it.each<[string, RegExp]>([
    ['the title', /일일 마감 — 카드 취소/],
    ['the business day', /^영업일 +2023-12-25$/m],
    ['the print time, Korea time', /^출력일시 +2023-12-25 23:30:00$/m],
    ['the day’s requests: cancelled', /^취소 완료 +3건 182,000원$/m],
    ['the day’s requests: rejected', /^취소 거절 +1건 5,000원$/m],
    ['the day’s requests: unresolved', /^미확정 +3건 88,000원$/m],
    ['a state line, in the screen’s word', /^취소 확인 중 +1건 33,000원$/m],
    ['the manager approvals', /^관리자 승인 +2건 194,000원$/m],
    ['the refunds this close counts', /^\[이번 마감 취소 완료\]\n취소 완료 +3건 182,000원$/m],
    ['their VAT', /^ {2}부가세 +16,545원$/m],
    ['every unresolved item of any day', /^미확정 +4건 388,000원$/m],
    ['the oldest one', /^가장 오래된 요청 +2023-12-23 10:00:00$/m],
    ['the carried item itself', /^#99 12-23 10:00 +관리자 확인 필요 300,000원$/m],
    ['a requester line', /^lee +1건 150,000원$/m],
    ['an issuer line', /^신한카드 +1건 22,000원$/m],
    ['the audit head number', /^감사 기록 +#1234$/m],
  ])('prints %s', (_what, pattern) => {
    expect(printed).toMatch(pattern);
  });

  it('warns against cash refunds while anything of any day is unresolved', () => {
    expect(printed).toContain('미확정 4건 — 현금으로 환불하지 마세요');
    // the 24th had no unresolved request of its own, and still the warning is there
    expect(slipText(endOfDaySummary(closeOf('20231224'), options())).join('\n')).toContain(
      '미확정 4건 — 현금으로 환불하지 마세요',
    );
  });

  it('never uses "확인 필요" for the unresolved total (it means needs_review only)', () => {
    expect(printed).not.toMatch(/^확인 필요/m);
  });

  it('prints the whole audit hash, so it can serve as a checkpoint', () => {
    expect(printed.replace(/\s/g, '')).toContain(HEAD.hash);
  });

  it('names the roles in words, never "cashier" or "manager"', () => {
    const roles = LIST.map((c) => (c.id === '2' ? { ...c, requestedBy: 'cashier' } : c));
    const close = computeClose({
      day: '20231225',
      requested: roles.filter((c) => kstDate(c.createdAt) === '20231225'),
      earlierSettled: [],
      unresolved: [],
      prints: [],
      byId: () => null,
    });
    const text = slipText(endOfDaySummary(close, options())).join('\n');
    expect(text).toMatch(/^계산원 +1건 10,000원$/m);
    expect(text).not.toMatch(/cashier|manager/);
  });

  it('marks a reprint at the top, with the first print’s time', () => {
    const first: PrintedClose = {
      seq: 7,
      at: kst(2023, 12, 25, 22),
      day: '20231225',
      reprint: false,
      refunded: ['2', '3', '4'],
      notRefunded: ['5'],
      unresolved: ['99', '6', '7', '8'],
      figures: closeOf('20231225').figures,
    };
    const text = slipText(endOfDaySummary(closeOf('20231225', [first]), options())).join('\n');
    expect(text).toContain('재출력 — 최초 출력 2023-12-25 22:00:00');
    expect(text).toContain('[출력 이후 변경 — #7 2023-12-25 22:00:00]');
    expect(text).toContain('변경 없음');
  });

  it('says "none" for an empty day, in English too', () => {
    const empty = slipText(endOfDaySummary(closeOf('20240101'), options('en'))).join('\n');
    expect(empty).toMatch(/^Cancelled +0 · KRW 0$/m);
    expect(empty).toContain('none');
  });

  it('prints through the same 80 mm slip layout', () => {
    expect(slipHtml(endOfDaySummary(closeOf('20231225'), options()))).toContain(
      '<h1>일일 마감 — 카드 취소</h1>',
    );
  });
});

describe('the period summary', () => {
  it('is titled as a summary, not a close, and still lists every unresolved item', () => {
    const report = buildReport(LIST, { from: '20231201', to: '20231231' });
    if (!report.ok) throw new Error('expected a report');
    const text = slipText(
      periodSummary(
        report.value,
        unresolvedOf(LIST.filter((c) => UNRESOLVED_STATES.includes(c.state))),
        options(),
      ),
    ).join('\n');
    expect(text).toContain('기간 집계 — 카드 취소 (마감 아님)');
    expect(text).toMatch(/^기간 +2023-12-01 ~ 2023-12-31$/m);
    expect(text).toMatch(/^#99 12-23 10:00/m);
    expect(text).toContain('미확정 4건 — 현금으로 환불하지 마세요');
  });
});
