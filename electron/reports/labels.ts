import type { CancellationState } from '../../shared/contract/models';
import { CLOSE_WORDS, STATE_WORDS } from '../../shared/reports/words';

/**
 * Words for reports, the end-of-day paper and the CSV, Korean first (STYLE.md "Look and feel").
 * Every word that names a state or a total comes from shared/reports/words.ts, the one table the
 * screen uses too (issue 13 finding 6: the same word means the same thing everywhere).
 */

export type ReportLocale = 'ko' | 'en';

export const STATE_LABELS: Readonly<Record<CancellationState, { ko: string; en: string }>> =
  STATE_WORDS;

const w = CLOSE_WORDS;

export const REPORT_WORDS = {
  ko: {
    section: '구분',
    item: '항목',
    count: '건수',
    amount: '금액',
    vat: '부가세',
    cancelledCount: `${w.refunded.ko} 건수`,
    cancelledAmount: `${w.refunded.ko} 금액`,
    cancelledVat: `${w.refunded.ko} 부가세`,
    period: '기간',
    total: '전체',
    all: '전체 요청',
    cancelled: w.refunded.ko,
    unresolved: w.unresolved.ko,
    approved: w.approved.ko,
    manual: w.manual.ko,
    state: '상태',
    cashier: '요청자',
    issuer: '카드사',
    unknown: '(알 수 없음)',
    close: '마감',
  },
  en: {
    section: 'Section',
    item: 'Item',
    count: 'Count',
    amount: 'Amount',
    vat: 'VAT',
    cancelledCount: `${w.refunded.en} count`,
    cancelledAmount: `${w.refunded.en} amount`,
    cancelledVat: `${w.refunded.en} VAT`,
    period: 'Period',
    total: 'Total',
    all: 'All requested',
    cancelled: w.refunded.en,
    unresolved: w.unresolved.en,
    approved: w.approved.en,
    manual: w.manual.en,
    state: 'State',
    cashier: 'Requested by',
    issuer: 'Card issuer',
    unknown: '(unknown)',
    close: 'Close',
  },
} as const;

/** "20231225" -> "2023-12-25"; a range "2023-12-01 ~ 2023-12-31", one day just the day. */
export function periodText(from: string, to: string): string {
  const dashed = (d: string): string => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  return from === to ? dashed(from) : `${dashed(from)} ~ ${dashed(to)}`;
}
