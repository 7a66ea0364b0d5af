import type { Report } from '../../shared/contract';
import type { CloseItem, DayClose } from '../reports/close';
import { closeItemOf } from '../reports/close';
import type { Bucket, CancellationReport, ReportCancellation } from '../reports/types';

/** The report and its close in the contract's shape (shared/contract reportSchema). */
export function reportView(report: CancellationReport, close: DayClose | null): Report {
  const bucket = (b: Bucket): Bucket => ({ count: b.count, amount: b.amount, vat: b.vat });
  return {
    ...report,
    close:
      close === null
        ? null
        : {
            settledLate: close.settledLate,
            refunded: { ...bucket(close.refunded), manual: close.refunded.manual },
            notRefunded: bucket(close.notRefunded),
            reportedElsewhere: bucket(close.reportedElsewhere),
            unresolved: {
              ...bucket(close.unresolved),
              oldestCreatedAt: close.unresolved.oldestCreatedAt,
              items: close.unresolved.items,
            },
            printed:
              close.printed === null
                ? null
                : {
                    count: close.printed.count,
                    firstAt: close.printed.firstAt,
                    lastAt: close.printed.last.at,
                    lastSeq: close.printed.last.seq,
                  },
            changes:
              close.changes === null
                ? null
                : {
                    refundedBefore: close.changes.before.refunded,
                    unresolvedBefore: close.changes.before.unresolved,
                    settled: close.changes.settled,
                    newUnresolved: close.changes.newUnresolved,
                    withdrawn: close.changes.withdrawn,
                  },
          },
  };
}

/** Every unresolved item now, as the period paper lists them: count, total, oldest, each one. */
export function unresolvedOf(
  list: readonly ReportCancellation[],
): Bucket & { oldestCreatedAt: number | null; items: CloseItem[] } {
  const items = [...list].sort((a, b) => a.createdAt - b.createdAt).map(closeItemOf);
  return {
    count: items.length,
    amount: items.reduce((n, c) => n + c.amount, 0),
    vat: items.reduce((n, c) => n + c.vat, 0),
    oldestCreatedAt: items[0]?.createdAt ?? null,
    items,
  };
}
