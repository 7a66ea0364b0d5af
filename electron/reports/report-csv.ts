import { formatKstDateTime } from '../../shared/slip';
import type { CsvCell } from './csv';
import { toCsv } from './csv';
import type { ReportLocale } from './labels';
import { REPORT_WORDS, STATE_LABELS, periodText } from './labels';
import type { Bucket, CancellationReport, GroupRow, ReportCancellation } from './types';

/**
 * The report as CSV (./csv.ts: BOM, CRLF, RFC 4180, formula injection). One table, so Excel
 * can filter and sum it: 구분 | 항목 | 건수 | 금액 | 부가세 | 취소 완료 건수 | 취소 완료 금액 | 취소 완료 부가세.
 * Amounts are plain integers (no separators) so Excel reads them as numbers.
 */

const bucketCells = (b: Bucket): CsvCell[] => [b.count, b.amount, b.vat];
const none: CsvCell[] = [null, null, null];

export function reportToCsv(report: CancellationReport, locale: ReportLocale = 'ko'): string {
  const w = REPORT_WORDS[locale];
  const group = (section: string, row: GroupRow): CsvCell[] => [
    section,
    row.key ?? w.unknown,
    ...bucketCells(row.all),
    ...bucketCells(row.cancelled),
  ];
  const rows: CsvCell[][] = [
    [
      w.section,
      w.item,
      w.count,
      w.amount,
      w.vat,
      w.cancelledCount,
      w.cancelledAmount,
      w.cancelledVat,
    ],
    [w.period, periodText(report.from, report.to), ...none, ...none],
    [w.total, w.all, ...bucketCells(report.total), ...bucketCells(report.cancelled)],
    [w.total, w.unresolved, ...bucketCells(report.unresolved), ...none],
    [w.total, w.approved, ...bucketCells(report.approved), ...none],
    ...report.byState.map((row): CsvCell[] => [
      w.state,
      STATE_LABELS[row.state][locale],
      ...bucketCells(row),
      ...none,
    ]),
    ...report.byCashier.map((row) => group(w.cashier, row)),
    ...report.byIssuer.map((row) => group(w.issuer, row)),
  ];
  return toCsv(rows);
}

const DETAIL_HEADERS = {
  ko: [
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
  en: [
    'ID',
    'Requested at',
    'State',
    'Requested by',
    'Approved by',
    'Card issuer',
    'Amount',
    'VAT',
    'Final at',
  ],
} as const;

/** One line per cancellation, for the manager who wants the detail behind the totals. */
export function cancellationsToCsv(
  cancellations: readonly ReportCancellation[],
  locale: ReportLocale = 'ko',
): string {
  const rows: CsvCell[][] = [
    [...DETAIL_HEADERS[locale]],
    ...cancellations.map((c): CsvCell[] => [
      c.id,
      formatKstDateTime(c.createdAt),
      STATE_LABELS[c.state][locale],
      c.requestedBy,
      c.approvedBy,
      c.issuer,
      c.amount,
      c.vat,
      c.finalAt === null ? null : formatKstDateTime(c.finalAt),
    ]),
  ];
  return toCsv(rows);
}
