import { CLOSE_WORDS, personWords } from '../../shared/reports/words';
import { formatKstDateTime } from '../../shared/slip';
import type { DayClose } from './close';
import type { CsvCell } from './csv';
import { toCsv } from './csv';
import type { ReportLocale } from './labels';
import { REPORT_WORDS, STATE_LABELS, periodText } from './labels';
import type { Bucket, CancellationReport, GroupRow, ReportCancellation } from './types';

/**
 * The report as CSV (./csv.ts: BOM, CRLF, RFC 4180, formula injection). A few header lines say
 * when and by whom the file was made (issue 13 finding 6), then one table, so Excel can filter
 * and sum it: 구분 | 항목 | 건수 | 금액 | 부가세 | 취소 완료 건수 | 취소 완료 금액 | 취소 완료 부가세.
 * Amounts are plain integers (no separators) so Excel reads them as numbers. Words come from
 * shared/reports/words.ts, the ones the paper and the screen use.
 */

export interface Generated {
  /** epoch ms the file was made */
  at: number;
  /** who made it (a role or a cashier's label) */
  by: string;
}

const bucketCells = (b: Bucket): CsvCell[] => [b.count, b.amount, b.vat];
const none: CsvCell[] = [null, null, null];

function generatedLines(generated: Generated, locale: ReportLocale, period?: string): CsvCell[][] {
  return [
    [CLOSE_WORDS.generatedAt[locale], formatKstDateTime(generated.at)],
    [CLOSE_WORDS.generatedBy[locale], personWords(generated.by, locale)],
    ...(period === undefined ? [] : [[REPORT_WORDS[locale].period, period]]),
    [],
  ];
}

function closeRows(close: DayClose, locale: ReportLocale): CsvCell[][] {
  const w = CLOSE_WORDS;
  const section = REPORT_WORDS[locale].close;
  return [
    [section, w.closeRefunds[locale], ...bucketCells(close.refunded), ...none],
    [
      section,
      `${w.closeRefunds[locale]} — ${w.manual[locale]}`,
      close.refunded.manual,
      null,
      null,
      ...none,
    ],
    [section, w.notRefunded[locale], ...bucketCells(close.notRefunded), ...none],
    [section, w.settledLate[locale], close.settledLate.length, null, null, ...none],
    [section, w.reportedElsewhere[locale], ...bucketCells(close.reportedElsewhere), ...none],
    [section, w.unresolvedAllDays[locale], ...bucketCells(close.unresolved), ...none],
  ];
}

export function reportToCsv(
  report: CancellationReport,
  locale: ReportLocale,
  generated: Generated,
  close: DayClose | null = null,
): { csv: string; rows: number } {
  const w = REPORT_WORDS[locale];
  const group = (section: string, row: GroupRow, key: string): CsvCell[] => [
    section,
    key,
    ...bucketCells(row.all),
    ...bucketCells(row.cancelled),
  ];
  const data: CsvCell[][] = [
    [w.total, w.all, ...bucketCells(report.total), ...bucketCells(report.cancelled)],
    [w.total, w.unresolved, ...bucketCells(report.unresolved), ...none],
    [w.total, w.approved, ...bucketCells(report.approved), ...none],
    [w.total, w.manual, ...bucketCells(report.manual), ...none],
    ...report.byState.map((row): CsvCell[] => [
      w.state,
      STATE_LABELS[row.state][locale],
      ...bucketCells(row),
      ...none,
    ]),
    ...report.byCashier.map((row) => group(w.cashier, row, personWords(row.key, locale))),
    ...report.byIssuer.map((row) => group(w.issuer, row, row.key ?? w.unknown)),
    ...(close === null ? [] : closeRows(close, locale)),
  ];
  const csv = toCsv([
    ...generatedLines(generated, locale, periodText(report.from, report.to)),
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
    ...data,
  ]);
  return { csv, rows: data.length };
}

const DETAIL_HEADERS = {
  ko: [
    '번호',
    '요청일시',
    '상태',
    CLOSE_WORDS.manual.ko,
    '요청자',
    '승인자',
    '카드사',
    '카드사 코드',
    '금액',
    '부가세',
    '원거래 승인일자',
    '원거래 승인번호',
    '취소 승인번호',
    '취소 가맹점거래번호',
    '가맹점번호',
    '완료일시',
  ],
  en: [
    'ID',
    'Requested at',
    'State',
    CLOSE_WORDS.manual.en,
    'Requested by',
    'Approved by',
    'Card issuer',
    'Issuer code',
    'Amount',
    'VAT',
    'Original approval date',
    'Original approval no.',
    'Cancellation approval no.',
    'Cancellation merchant trx no.',
    'Merchant no.',
    'Final at',
  ],
} as const;

/** One line per cancellation, for the manager who wants the detail behind the totals. */
export function cancellationsToCsv(
  cancellations: readonly ReportCancellation[],
  locale: ReportLocale,
  generated: Generated,
): string {
  const rows: CsvCell[][] = [
    ...generatedLines(generated, locale),
    [...DETAIL_HEADERS[locale]],
    ...cancellations.map((c): CsvCell[] => [
      c.id,
      formatKstDateTime(c.createdAt),
      STATE_LABELS[c.state][locale],
      c.manual ? CLOSE_WORDS.manual[locale] : null,
      personWords(c.requestedBy, locale),
      c.approvedBy === null ? null : personWords(c.approvedBy, locale),
      c.issuer,
      c.issuerCode,
      c.amount,
      c.vat,
      periodText(c.orgAprvDt, c.orgAprvDt),
      c.orgAprvNo,
      c.cancelAprvNo,
      c.mercTrxNo,
      c.merchantNo,
      // needs_review has no 완료일시: nothing is done until the manager records it
      c.settledAt === null ? null : formatKstDateTime(c.settledAt),
    ]),
  ];
  return toCsv(rows);
}
