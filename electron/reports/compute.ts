import type { CancellationState } from '../../shared/contract/models';
import type { Bilingual } from '../../shared/kicc/messages';
import { isKiccDate } from '../../shared/kicc/fields';
import { kstDateTime, kstMidnight } from '../../shared/kicc/time';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { Bucket, CancellationReport, GroupRow, ReportCancellation } from './types';

/**
 * The day's or a date range's cancellations, counted and totalled (issue 6 "Reports").
 *
 * Decided (docs/manager.md): a cancellation belongs to the Korea-time day on which the cashier
 * confirmed it (createdAt), whatever its state now, so the numbers for a day do not move when
 * a queued cancellation completes after midnight; its state is the one it has when the report
 * is made.
 */

/** DESIGN.md "A cancellation's life", in order. */
export const REPORT_STATES: readonly CancellationState[] = [
  'draft',
  'pending',
  'sending',
  'queued',
  'in_doubt',
  'needs_review',
  'cancelled',
  'rejected',
];

/**
 * Sent (or about to be) but not known to be done, or waiting for a manager's review: the
 * customer must not get cash for these. A draft (waiting for a manager's approval before it is
 * sent) is not among them: nothing has gone to KICC yet.
 */
export const UNRESOLVED_STATES: readonly CancellationState[] = [
  'pending',
  'sending',
  'queued',
  'in_doubt',
  'needs_review',
];

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReportRangeProblem {
  code: 'bad-date' | 'reversed-range';
  message: Bilingual;
}

const empty = (): Bucket => ({ count: 0, amount: 0, vat: 0 });

function add(bucket: Bucket, c: ReportCancellation): void {
  bucket.count += 1;
  bucket.amount += c.amount;
  bucket.vat += c.vat;
}

/** Keys in code-unit order (not locale order: the same report on every PC), unknown last. */
function sortedGroups(groups: Map<string | null, GroupRow>): GroupRow[] {
  return [...groups.values()].sort((a, b) => {
    if (a.key === b.key) return 0;
    if (a.key === null) return 1;
    if (b.key === null) return -1;
    return a.key < b.key ? -1 : 1;
  });
}

function addToGroup(
  groups: Map<string | null, GroupRow>,
  group: { id: string | null; key: string | null; code: string | null },
  c: ReportCancellation,
) {
  let row = groups.get(group.id);
  if (row === undefined) {
    row = { key: group.key, code: group.code, all: empty(), cancelled: empty() };
    groups.set(group.id, row);
  }
  add(row.all, c);
  if (c.state === 'cancelled') add(row.cancelled, c);
}

const named = (name: string | null): string | null =>
  name === null || name.trim() === '' ? null : name.trim();

/**
 * Issuers are counted by KICC's code (issFmCd) whenever one is known, so a count does not move
 * when KICC's answer names the issuer differently from the receipt ("국민카드" / "KB국민카드");
 * the label is the name on the lowest-numbered cancellation of that code that has one (the same
 * on every run). Rows with no code are grouped by their name; rows with neither, as unknown.
 */
function issuerGroups(list: readonly ReportCancellation[]) {
  const labels = new Map<string, string>();
  for (const c of [...list].sort((a, b) => Number(a.id) - Number(b.id))) {
    const name = named(c.issuer);
    if (c.issuerCode !== null && name !== null && !labels.has(c.issuerCode)) {
      labels.set(c.issuerCode, name);
    }
  }
  return (c: ReportCancellation) => {
    if (c.issuerCode !== null) {
      return {
        id: `code:${c.issuerCode}`,
        key: labels.get(c.issuerCode) ?? c.issuerCode,
        code: c.issuerCode,
      };
    }
    const name = named(c.issuer);
    return { id: name === null ? null : `name:${name}`, key: name, code: null };
  };
}

/** yyyyMMdd of an instant, Korea time. */
export const kstDate = (epochMs: number): string => kstDateTime(epochMs).date;

export function buildReport(
  cancellations: readonly ReportCancellation[],
  range: { from: string; to?: string },
): Result<CancellationReport, ReportRangeProblem> {
  const from = range.from;
  const to = range.to ?? range.from;
  if (!isKiccDate(from) || !isKiccDate(to)) {
    return err({
      code: 'bad-date',
      message: {
        ko: '날짜는 yyyyMMdd 형식의 실제 날짜여야 합니다.',
        en: 'Dates must be real dates, yyyyMMdd.',
      },
    });
  }
  if (from > to) {
    return err({
      code: 'reversed-range',
      message: { ko: '시작일이 종료일보다 늦습니다.', en: 'The start date is after the end date.' },
    });
  }
  const start = kstMidnight(from);
  const end = kstMidnight(to) + DAY_MS;

  const report: CancellationReport = {
    from,
    to,
    total: empty(),
    cancelled: empty(),
    unresolved: empty(),
    approved: empty(),
    manual: empty(),
    byState: REPORT_STATES.map((state) => ({ state, ...empty() })),
    byCashier: [],
    byIssuer: [],
  };
  const byState = new Map(report.byState.map((row) => [row.state, row]));
  const cashiers = new Map<string | null, GroupRow>();
  const issuers = new Map<string | null, GroupRow>();

  const inPeriod = cancellations.filter((c) => c.createdAt >= start && c.createdAt < end);
  const issuerOf = issuerGroups(inPeriod);
  for (const c of inPeriod) {
    add(report.total, c);
    if (c.state === 'cancelled') add(report.cancelled, c);
    if (UNRESOLVED_STATES.includes(c.state)) add(report.unresolved, c);
    if (c.approvedBy !== null) add(report.approved, c);
    if (c.manual) add(report.manual, c);
    const stateRow = byState.get(c.state);
    if (stateRow) add(stateRow, c);
    addToGroup(cashiers, { id: c.requestedBy, key: c.requestedBy, code: null }, c);
    addToGroup(issuers, issuerOf(c), c);
  }
  report.byCashier = sortedGroups(cashiers);
  report.byIssuer = sortedGroups(issuers);
  return ok(report);
}
