import type { CancellationState } from '../../shared/contract/models';

/** Words for reports and the end-of-day summary, Korean first (STYLE.md "Look and feel"). */

export type ReportLocale = 'ko' | 'en';

export const STATE_LABELS: Readonly<Record<CancellationState, { ko: string; en: string }>> = {
  draft: { ko: '승인 대기', en: 'Awaiting approval' },
  pending: { ko: '대기', en: 'Pending' },
  sending: { ko: '전송 중', en: 'Sending' },
  queued: { ko: '전송 대기(오프라인)', en: 'Queued (offline)' },
  in_doubt: { ko: '확인 중', en: 'Being verified' },
  needs_review: { ko: '관리자 확인 필요', en: 'Needs review' },
  cancelled: { ko: '취소 완료', en: 'Cancelled' },
  rejected: { ko: '취소 거절', en: 'Rejected' },
};

export const REPORT_WORDS = {
  ko: {
    section: '구분',
    item: '항목',
    count: '건수',
    amount: '금액',
    vat: '부가세',
    cancelledCount: '취소 완료 건수',
    cancelledAmount: '취소 완료 금액',
    cancelledVat: '취소 완료 부가세',
    period: '기간',
    total: '전체',
    all: '전체',
    cancelled: '취소 완료',
    unresolved: '확인 필요',
    approved: '관리자 승인',
    state: '상태',
    cashier: '계산원',
    issuer: '카드사',
    unknown: '(알 수 없음)',
  },
  en: {
    section: 'Section',
    item: 'Item',
    count: 'Count',
    amount: 'Amount',
    vat: 'VAT',
    cancelledCount: 'Cancelled count',
    cancelledAmount: 'Cancelled amount',
    cancelledVat: 'Cancelled VAT',
    period: 'Period',
    total: 'Total',
    all: 'All',
    cancelled: 'Cancelled',
    unresolved: 'Unresolved',
    approved: 'Manager approved',
    state: 'State',
    cashier: 'Cashier',
    issuer: 'Card issuer',
    unknown: '(unknown)',
  },
} as const;

/** "20231225" -> "2023-12-25"; a range "2023-12-01 ~ 2023-12-31", one day just the day. */
export function periodText(from: string, to: string): string {
  const dashed = (d: string): string => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  return from === to ? dashed(from) : `${dashed(from)} ~ ${dashed(to)}`;
}
