import { kstMidnight } from '../../shared/kicc/time';
import { buildReport, kstDate } from './compute';
import type { Bucket, CancellationReport, ReportCancellation } from './types';

/**
 * The close of a business day (issue 13 finding 1): what the end-of-day paper and the reports
 * screen show, computed from the ledger's cancellations and the earlier prints' records.
 *
 *  - the day's requests by their state now (./compute.ts);
 *  - "미확정 — 모든 날짜": every item unresolved NOW, whatever day it was requested (count, total,
 *    oldest, and each item): money in flight is never left off a paper because it is old;
 *  - "이전 요청 — 이번 마감에 확정": requested on an earlier day and final now, first counted here:
 *    those that became final on this day, and those that became final after their own day's
 *    paper was printed (a paper printed at 22:00 cannot show what settled at 23:00);
 *  - "이번 마감 취소 완료": the refunds THIS close counts.
 *
 * Each refund is counted on ONE business day's close only (docs/manager-guide.md "The close"):
 * a final item already counted on another day's close (an earlier print, any day, as its audit
 * event records it) is left out of this close's count and named "다른 날 마감에 보고됨". Prints
 * of the same day (reprints) repeat that day's count. So across every printed paper, each refund
 * counts once, whatever order the papers are printed in (test/integration/store-ops/close-property).
 */

const DAY_MS = 86_400_000;

/** One earlier print of a close paper, as its audit event records it (./close-record.ts). */
export interface PrintedClose {
  seq: number;
  at: number;
  /** yyyyMMdd: the business day it closed */
  day: string;
  reprint: boolean;
  /** ids counted on it: refunded (cancelled) and not refunded (rejected) */
  refunded: readonly string[];
  notRefunded: readonly string[];
  /** ids unresolved when it was printed (any day) */
  unresolved: readonly string[];
  figures: CloseFigures;
}

/** The figures a paper prints, as stored in its audit event. */
export interface CloseFigures {
  requests: Bucket;
  refunded: Bucket;
  manualRefunded: number;
  notRefunded: Bucket;
  settledLate: number;
  unresolved: Bucket;
  oldestUnresolvedAt: number | null;
}

export interface CloseItem {
  id: string;
  createdAt: number;
  state: ReportCancellation['state'];
  amount: number;
  vat: number;
  manual: boolean;
  settledAt: number | null;
}

export interface CloseChanges {
  /** the last earlier print of this day */
  since: { seq: number; at: number };
  before: CloseFigures;
  /** unresolved on that paper, final (or otherwise changed) now */
  settled: CloseItem[];
  /** unresolved now, not on that paper */
  newUnresolved: CloseItem[];
  /** counted as refunded on that paper, no longer cancelled now (a manager's record withdrawn) */
  withdrawn: CloseItem[];
}

export interface DayClose {
  day: string;
  /** the day's requests, by their state now */
  requests: CancellationReport;
  settledLate: CloseItem[];
  refunded: Bucket & { manual: number; ids: string[] };
  notRefunded: Bucket & { ids: string[] };
  /** the day's final items already counted on another day's close */
  reportedElsewhere: Bucket & { ids: string[] };
  unresolved: Bucket & { oldestCreatedAt: number | null; items: CloseItem[] };
  /** earlier prints of this day's paper: the next print is a reprint */
  printed: { count: number; firstAt: number; last: { seq: number; at: number } } | null;
  changes: CloseChanges | null;
  figures: CloseFigures;
}

export interface CloseInput {
  /** yyyyMMdd, Korea time */
  day: string;
  /** the day's requests (confirmed on the day) */
  requested: readonly ReportCancellation[];
  /** final now, requested before the day, final before the day's end */
  earlierSettled: readonly ReportCancellation[];
  /** unresolved now, any day */
  unresolved: readonly ReportCancellation[];
  /** every earlier print of a day's close, oldest first */
  prints: readonly PrintedClose[];
  /** any cancellation by id (the items an earlier print named that the lists above miss) */
  byId: (id: string) => ReportCancellation | null;
}

const empty = (): Bucket => ({ count: 0, amount: 0, vat: 0 });
const sum = (list: readonly ReportCancellation[]): Bucket =>
  list.reduce(
    (b, c) => ({ count: b.count + 1, amount: b.amount + c.amount, vat: b.vat + c.vat }),
    empty(),
  );

export const closeItemOf = (c: ReportCancellation): CloseItem => ({
  id: c.id,
  createdAt: c.createdAt,
  state: c.state,
  amount: c.amount,
  vat: c.vat,
  manual: c.manual,
  settledAt: c.settledAt,
});

const isFinal = (c: ReportCancellation): boolean =>
  c.state === 'cancelled' || c.state === 'rejected';

const byCreated = (a: ReportCancellation, b: ReportCancellation): number =>
  a.createdAt - b.createdAt || Number(a.id) - Number(b.id);

export function computeClose(input: CloseInput): DayClose {
  const start = kstMidnight(input.day);
  const end = start + DAY_MS;
  const built = buildReport(input.requested, { from: input.day });
  if (!built.ok) throw new Error(`not a business day: ${input.day}`);

  // What other days' papers counted, by outcome: an item counted there as it is now is not
  // counted again here. One whose outcome a manager changed since (reopened, then recorded
  // otherwise on a later day) is counted again, under its new outcome, on the close of the day
  // that settled it: a refund recorded after a "not refunded" was printed is on a paper.
  const refundedElsewhere = new Set<string>();
  const notRefundedElsewhere = new Set<string>();
  const printedDays = new Set<string>();
  for (const p of input.prints) {
    printedDays.add(p.day);
    if (p.day === input.day) continue;
    for (const id of p.refunded) refundedElsewhere.add(id);
    for (const id of p.notRefunded) notRefundedElsewhere.add(id);
  }
  const countedElsewhere = (c: ReportCancellation): boolean =>
    c.state === 'cancelled'
      ? refundedElsewhere.has(c.id)
      : c.state === 'rejected' && notRefundedElsewhere.has(c.id);

  const settledLate = input.earlierSettled
    .filter(
      (c) =>
        isFinal(c) &&
        c.createdAt < start &&
        c.settledAt !== null &&
        c.settledAt < end &&
        !countedElsewhere(c) &&
        (c.settledAt >= start || printedDays.has(kstDate(c.createdAt))),
    )
    .sort(byCreated);
  const dayRequests = input.requested.filter((c) => c.createdAt >= start && c.createdAt < end);
  const counted = [...dayRequests.filter((c) => !countedElsewhere(c)), ...settledLate];
  const refunded = counted.filter((c) => c.state === 'cancelled');
  const notRefunded = counted.filter((c) => c.state === 'rejected');
  const reportedElsewhere = dayRequests.filter((c) => isFinal(c) && countedElsewhere(c));
  const unresolved = [...input.unresolved].sort(byCreated);

  const figures: CloseFigures = {
    requests: built.value.total,
    refunded: sum(refunded),
    manualRefunded: refunded.filter((c) => c.manual).length,
    notRefunded: sum(notRefunded),
    settledLate: settledLate.length,
    unresolved: sum(unresolved),
    oldestUnresolvedAt: unresolved[0]?.createdAt ?? null,
  };

  const ofDay = input.prints.filter((p) => p.day === input.day);
  const first = ofDay[0];
  const last = ofDay.at(-1);
  return {
    day: input.day,
    requests: built.value,
    settledLate: settledLate.map(closeItemOf),
    refunded: {
      ...figures.refunded,
      manual: figures.manualRefunded,
      ids: refunded.map((c) => c.id),
    },
    notRefunded: { ...figures.notRefunded, ids: notRefunded.map((c) => c.id) },
    reportedElsewhere: { ...sum(reportedElsewhere), ids: reportedElsewhere.map((c) => c.id) },
    unresolved: {
      ...figures.unresolved,
      oldestCreatedAt: figures.oldestUnresolvedAt,
      items: unresolved.map(closeItemOf),
    },
    printed:
      first === undefined || last === undefined
        ? null
        : { count: ofDay.length, firstAt: first.at, last: { seq: last.seq, at: last.at } },
    changes: last === undefined ? null : changesSince(last, unresolved, refunded, input.byId),
    figures,
  };
}

/** What changed since `print` (a re-run of a printed day: issue 13 "a re-run shows what changed"). */
function changesSince(
  print: PrintedClose,
  unresolvedNow: readonly ReportCancellation[],
  refundedNow: readonly ReportCancellation[],
  byId: (id: string) => ReportCancellation | null,
): CloseChanges {
  const nowUnresolved = new Set(unresolvedNow.map((c) => c.id));
  const thenUnresolved = new Set(print.unresolved);
  const stillRefunded = new Set(refundedNow.map((c) => c.id));
  const items = (ids: readonly string[]): CloseItem[] =>
    ids.flatMap((id) => {
      const c = byId(id);
      return c === null ? [] : [closeItemOf(c)];
    });
  return {
    since: { seq: print.seq, at: print.at },
    before: print.figures,
    settled: items(print.unresolved.filter((id) => !nowUnresolved.has(id))),
    newUnresolved: unresolvedNow.filter((c) => !thenUnresolved.has(c.id)).map(closeItemOf),
    withdrawn: items(print.refunded.filter((id) => !stillRefunded.has(id))).filter(
      (c) => c.state !== 'cancelled',
    ),
  };
}
