import type { CancellationState } from '../../shared/contract/models';
import { formatKrw } from '../../shared/money';
import type { Slip, SlipLine } from '../../shared/slip';
import { checkpointLines, formatKstDateTime } from '../../shared/slip';
import type { AuditCheckpoint } from '../audit/chain';
import type { ReportLocale } from './labels';
import { REPORT_WORDS, STATE_LABELS, periodText } from './labels';
import type { Bucket, CancellationReport, GroupRow } from './types';

/**
 * The printable end-of-day summary (issue 6 "a printable end-of-day summary"), as slip lines:
 * shared/slip's slipHtml prints it on the same 80 mm printer as the cancellation slips.
 *
 * It also prints the audit chain's head (seq and full hash). That paper is the checkpoint that
 * lets verify() catch a rewrite of the whole recent history (electron/audit/chain.ts).
 */

export interface EndOfDayOptions {
  storeName: string;
  terminalId: string;
  printedAt: number;
  locale: ReportLocale;
  auditHead?: AuditCheckpoint | null;
}

const TEXT = {
  ko: {
    dayTitle: '일일 마감 — 카드 취소',
    rangeTitle: '기간 집계 — 카드 취소',
    store: '가맹점',
    terminal: '단말기',
    day: '영업일',
    period: '기간',
    printedAt: '출력일시',
    vatOfCancelled: '  부가세',
    byState: '[상태별]',
    byCashier: '[계산원별 취소 완료]',
    byIssuer: '[카드사별 취소 완료]',
    none: '없음',
    unresolvedWarning: (b: Bucket) => `확인 필요 ${b.count}건 — 현금으로 환불하지 마세요`,
    count: (b: Bucket) => `${b.count}건 ${formatKrw(b.amount, 'ko')}`,
  },
  en: {
    dayTitle: 'End of day — card cancellations',
    rangeTitle: 'Period summary — card cancellations',
    store: 'Store',
    terminal: 'Terminal',
    day: 'Business day',
    period: 'Period',
    printedAt: 'Printed at',
    vatOfCancelled: '  VAT',
    byState: '[By state]',
    byCashier: '[Cancelled, by cashier]',
    byIssuer: '[Cancelled, by card issuer]',
    none: 'none',
    unresolvedWarning: (b: Bucket) => `${b.count} unresolved — do not refund in cash`,
    count: (b: Bucket) => `${b.count} · ${formatKrw(b.amount, 'en')}`,
  },
} as const;

function stateBucket(report: CancellationReport, state: CancellationState): Bucket {
  return report.byState.find((row) => row.state === state) ?? { count: 0, amount: 0, vat: 0 };
}

export function endOfDaySummary(report: CancellationReport, options: EndOfDayOptions): Slip {
  const { locale } = options;
  const t = TEXT[locale];
  const w = REPORT_WORDS[locale];
  const oneDay = report.from === report.to;
  const field = (label: string, value: string, strong = false): SlipLine => ({
    kind: 'field',
    label,
    value,
    ...(strong ? { strong } : {}),
  });
  const groupLines = (rows: readonly GroupRow[]): SlipLine[] => {
    const withCancellations = rows.filter((row) => row.cancelled.count > 0);
    if (withCancellations.length === 0) return [{ kind: 'text', text: t.none }];
    return withCancellations.map((row) => field(row.key ?? w.unknown, t.count(row.cancelled)));
  };

  const title = oneDay ? t.dayTitle : t.rangeTitle;
  const lines: SlipLine[] = [
    { kind: 'title', text: title },
    field(t.store, options.storeName),
    field(t.terminal, options.terminalId),
    field(oneDay ? t.day : t.period, periodText(report.from, report.to)),
    field(t.printedAt, formatKstDateTime(options.printedAt)),
    { kind: 'rule' },
    field(w.cancelled, t.count(report.cancelled), true),
    field(t.vatOfCancelled, formatKrw(report.cancelled.vat, locale)),
    field(STATE_LABELS.rejected[locale], t.count(stateBucket(report, 'rejected'))),
    field(w.unresolved, t.count(report.unresolved)),
    field(w.approved, t.count(report.approved)),
  ];
  if (report.unresolved.count > 0) {
    lines.push({ kind: 'warning', text: t.unresolvedWarning(report.unresolved) });
  }
  lines.push({ kind: 'rule' }, { kind: 'text', text: t.byState });
  for (const row of report.byState) {
    if (row.count > 0) lines.push(field(STATE_LABELS[row.state][locale], t.count(row)));
  }
  if (report.total.count === 0) lines.push({ kind: 'text', text: t.none });
  lines.push(
    { kind: 'rule' },
    { kind: 'text', text: t.byCashier },
    ...groupLines(report.byCashier),
  );
  lines.push({ kind: 'rule' }, { kind: 'text', text: t.byIssuer }, ...groupLines(report.byIssuer));
  lines.push({ kind: 'rule' });
  lines.push(...checkpointLines(options.auditHead ?? null, locale));
  return { lang: locale, title, lines };
}
