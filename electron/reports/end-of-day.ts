import { formatKrw } from '../../shared/money';
import { CLOSE_WORDS, STATE_WORDS, personWords } from '../../shared/reports/words';
import type { Slip, SlipLine } from '../../shared/slip';
import { checkpointLines, formatKstDateTime } from '../../shared/slip';
import type { AuditCheckpoint } from '../audit/chain';
import type { CloseItem, DayClose } from './close';
import type { ReportLocale } from './labels';
import { REPORT_WORDS, periodText } from './labels';
import type { Bucket, CancellationReport, GroupRow } from './types';

/**
 * The printable end-of-day paper (issue 13 finding 1), as slip lines: shared/slip's slipHtml
 * prints it on the same 80 mm printer as the cancellation slips. The day's close
 * (./close.ts) reads, top to bottom: the day's requests by state, by requester and by card
 * issuer; earlier requests settled since; the refunds this close counts; every unresolved item of
 * any day, with the warning; what changed since an earlier print of the same day (a reprint says
 * so at the top); the audit chain's head (seq and full hash), the checkpoint for audit.verify.
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
    rangeTitle: '기간 집계 — 카드 취소 (마감 아님)',
    store: '가맹점',
    terminal: '단말기',
    day: '영업일',
    period: '기간',
    printedAt: '출력일시',
    vat: '  부가세',
    of: (label: string) => `  그 중 ${label}`,
    byCashier: '[영업일 요청: 요청자별 취소 완료]',
    byIssuer: '[영업일 요청: 카드사별 취소 완료]',
    none: '없음',
    count: (b: Bucket) => `${b.count}건 ${formatKrw(b.amount, 'ko')}`,
    n: (n: number) => `${n}건`,
    arrow: (from: string, to: string) => `${from} → ${to}`,
    reprint: (at: number) =>
      `${CLOSE_WORDS.reprint.ko} — ${CLOSE_WORDS.firstPrinted.ko} ${formatKstDateTime(at)}`,
    since: (seq: number, at: number) =>
      `[${CLOSE_WORDS.changedSincePrint.ko} — #${seq} ${formatKstDateTime(at)}]`,
  },
  en: {
    dayTitle: 'End of day — card cancellations',
    rangeTitle: 'Period summary — card cancellations (not a close)',
    store: 'Store',
    terminal: 'Terminal',
    day: 'Business day',
    period: 'Period',
    printedAt: 'Printed at',
    vat: '  VAT',
    of: (label: string) => `  of which ${label}`,
    byCashier: '[Requests: cancelled, by requester]',
    byIssuer: '[Requests: cancelled, by card issuer]',
    none: 'none',
    count: (b: Bucket) => `${b.count} · ${formatKrw(b.amount, 'en')}`,
    n: (n: number) => String(n),
    arrow: (from: string, to: string) => `${from} → ${to}`,
    reprint: (at: number) =>
      `${CLOSE_WORDS.reprint.en} — ${CLOSE_WORDS.firstPrinted.en} ${formatKstDateTime(at)}`,
    since: (seq: number, at: number) =>
      `[${CLOSE_WORDS.changedSincePrint.en} — #${seq} ${formatKstDateTime(at)}]`,
  },
} as const;

const field = (label: string, value: string, strong = false): SlipLine => ({
  kind: 'field',
  label,
  value,
  ...(strong ? { strong } : {}),
});
const heading = (text: string): SlipLine[] => [
  { kind: 'rule' },
  { kind: 'text', text: `[${text}]` },
];

/** "#12 12-24 10:00" and "관리자 확인 필요 300,000원": one item of a list on the paper. */
function itemLine(item: CloseItem, locale: ReportLocale): SlipLine {
  const when = formatKstDateTime(item.createdAt).slice(5, 16);
  const state = STATE_WORDS[item.state][locale];
  const manual = item.manual ? ` (${CLOSE_WORDS.manual[locale]})` : '';
  return field(`#${item.id} ${when}`, `${state}${manual} ${formatKrw(item.amount, locale)}`);
}

function header(title: string, dayLabel: string, period: string, o: EndOfDayOptions): SlipLine[] {
  const t = TEXT[o.locale];
  return [
    { kind: 'title', text: title },
    field(t.store, o.storeName),
    field(t.terminal, o.terminalId),
    field(dayLabel, period),
    field(t.printedAt, formatKstDateTime(o.printedAt)),
  ];
}

/** The day's requests by their state now, zeros left out; manual outcomes and approvals under. */
function requestLines(report: CancellationReport, locale: ReportLocale): SlipLine[] {
  const t = TEXT[locale];
  const lines: SlipLine[] = [];
  for (const row of report.byState) {
    if (row.count > 0) lines.push(field(STATE_WORDS[row.state][locale], t.count(row)));
  }
  if (report.total.count === 0) return [{ kind: 'text', text: t.none }];
  lines.push(field(CLOSE_WORDS.unresolved[locale], t.count(report.unresolved)));
  if (report.manual.count > 0)
    lines.push(field(t.of(CLOSE_WORDS.manual[locale]), t.count(report.manual)));
  lines.push(field(CLOSE_WORDS.approved[locale], t.count(report.approved)));
  return lines;
}

/** Every unresolved item now, whatever its day: count, total, oldest, each one, the warning. */
function unresolvedLines(
  unresolved: Bucket & { oldestCreatedAt: number | null; items: readonly CloseItem[] },
  locale: ReportLocale,
): SlipLine[] {
  const t = TEXT[locale];
  const lines = heading(CLOSE_WORDS.unresolvedAllDays[locale]);
  lines.push(field(CLOSE_WORDS.unresolved[locale], t.count(unresolved), true));
  if (unresolved.oldestCreatedAt !== null) {
    lines.push(field(CLOSE_WORDS.oldest[locale], formatKstDateTime(unresolved.oldestCreatedAt)));
  }
  for (const item of unresolved.items) lines.push(itemLine(item, locale));
  if (unresolved.count > 0) {
    lines.push({
      kind: 'warning',
      text: `${CLOSE_WORDS.unresolved[locale]} ${t.n(unresolved.count)} — ${CLOSE_WORDS.noCash[locale]}`,
    });
  }
  return lines;
}

function groupLines(title: string, rows: readonly GroupRow[], locale: ReportLocale): SlipLine[] {
  const t = TEXT[locale];
  const withCancellations = rows.filter((row) => row.cancelled.count > 0);
  return [
    { kind: 'rule' },
    { kind: 'text', text: title },
    ...(withCancellations.length === 0
      ? [{ kind: 'text', text: t.none } as SlipLine]
      : withCancellations.map((row) =>
          field(row.key === null ? REPORT_WORDS[locale].unknown : row.key, t.count(row.cancelled)),
        )),
  ];
}

/** The requests' refunds by requester and by card issuer (the day's, or the period's). */
function groups(report: CancellationReport, locale: ReportLocale): SlipLine[] {
  const t = TEXT[locale];
  const cashiers = report.byCashier.map((row) => ({ ...row, key: personWords(row.key, locale) }));
  return [
    ...groupLines(t.byCashier, cashiers, locale),
    ...groupLines(t.byIssuer, report.byIssuer, locale),
  ];
}

function footer(o: EndOfDayOptions): SlipLine[] {
  return [{ kind: 'rule' }, ...checkpointLines(o.auditHead ?? null, o.locale)];
}

function changeLines(close: DayClose, locale: ReportLocale): SlipLine[] {
  const changes = close.changes;
  if (changes === null) return [];
  const t = TEXT[locale];
  const lines: SlipLine[] = [
    { kind: 'rule' },
    { kind: 'text', text: t.since(changes.since.seq, changes.since.at) },
  ];
  lines.push(
    field(
      CLOSE_WORDS.closeRefunds[locale],
      t.arrow(t.count(changes.before.refunded), t.count(close.figures.refunded)),
    ),
    field(
      CLOSE_WORDS.unresolved[locale],
      t.arrow(t.count(changes.before.unresolved), t.count(close.figures.unresolved)),
    ),
  );
  const listed = [
    ...changes.settled.map((item) => [CLOSE_WORDS.settledNow[locale], item] as const),
    ...changes.newUnresolved.map((item) => [CLOSE_WORDS.newUnresolved[locale], item] as const),
    ...changes.withdrawn.map((item) => [CLOSE_WORDS.withdrawn[locale], item] as const),
  ];
  if (listed.length === 0) lines.push({ kind: 'text', text: CLOSE_WORDS.noChange[locale] });
  for (const [what, item] of listed) {
    const line = itemLine(item, locale);
    lines.push(line.kind === 'field' ? { ...line, label: `${line.label} ${what}` } : line);
  }
  return lines;
}

/** The close of one business day. */
export function endOfDaySummary(close: DayClose, options: EndOfDayOptions): Slip {
  const { locale } = options;
  const t = TEXT[locale];
  const w = CLOSE_WORDS;
  const lines = header(t.dayTitle, t.day, periodText(close.day, close.day), options);
  if (close.printed !== null)
    lines.splice(1, 0, { kind: 'warning', text: t.reprint(close.printed.firstAt) });

  lines.push(...heading(w.dayRequests[locale]), ...requestLines(close.requests, locale));
  if (close.reportedElsewhere.count > 0) {
    lines.push(field(t.of(w.reportedElsewhere[locale]), t.count(close.reportedElsewhere)));
  }
  lines.push(...groups(close.requests, locale));

  lines.push(...heading(w.settledLate[locale]));
  if (close.settledLate.length === 0) lines.push({ kind: 'text', text: t.none });
  for (const item of close.settledLate) lines.push(itemLine(item, locale));

  lines.push(
    ...heading(w.closeRefunds[locale]),
    field(w.refunded[locale], t.count(close.refunded), true),
    field(t.vat, formatKrw(close.refunded.vat, locale)),
  );
  if (close.refunded.manual > 0)
    lines.push(field(t.of(w.manual[locale]), t.n(close.refunded.manual)));
  lines.push(field(w.notRefunded[locale], t.count(close.notRefunded)));

  lines.push(...unresolvedLines(close.unresolved, locale), ...changeLines(close, locale));
  lines.push(...footer(options));
  return { lang: locale, title: t.dayTitle, lines };
}

/** A period's summary (several days): the requests by state and every unresolved item; no close. */
export function periodSummary(
  report: CancellationReport,
  unresolved: Bucket & { oldestCreatedAt: number | null; items: readonly CloseItem[] },
  options: EndOfDayOptions,
): Slip {
  const { locale } = options;
  const t = TEXT[locale];
  const lines = header(t.rangeTitle, t.period, periodText(report.from, report.to), options);
  lines.push(
    ...heading(CLOSE_WORDS.periodRequests[locale]),
    ...requestLines(report, locale),
    ...groups(report, locale),
    ...unresolvedLines(unresolved, locale),
    ...footer(options),
  );
  return { lang: locale, title: t.rangeTitle, lines };
}
