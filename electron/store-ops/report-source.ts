import { kstMidnight } from '../../shared/kicc/time';
import type { AuditEventRow } from '../audit/chain';
import type { Ledger } from '../ledger/ledger';
import type { Cancellation } from '../ledger/types';
import type { DayClose, PrintedClose } from '../reports/close';
import { computeClose } from '../reports/close';
import { END_OF_DAY_PRINTED, printedCloseOf } from '../reports/close-record';
import { UNRESOLVED_STATES } from '../reports/compute';
import { isManualOutcome } from '../reports/manual';
import type { ReportCancellation } from '../reports/types';

/**
 * The ledger's cancellations in the reports' words (electron/reports/types.ts): a period's
 * requests, every unresolved item now, the earlier requests settled since, the earlier prints of
 * the close. Read through the ledger's repositories, page by page, so no column name leaves
 * electron/ledger.
 */
const DAY_MS = 86_400_000;
const PAGE = 5_000;

export interface ReportContext {
  receipt(receiptId: number): { issuerName: string | null; issuerCode: string | null } | null;
  /** the merchant number the cancellation was last sent under (the detail CSV); absent: not read */
  mercTrxNo?: (cancellationId: number) => string | null;
}

export function reportCancellationOf(c: Cancellation, ctx: ReportContext): ReportCancellation {
  const receipt = ctx.receipt(c.receiptId);
  const settled = c.state === 'cancelled' || c.state === 'rejected';
  return {
    id: String(c.id),
    state: c.state,
    requestedBy: c.requestedBy,
    approvedBy: c.approvedBy,
    // KICC's issuer from the answer when there is one, else what the receipt says
    issuer: c.result.issuerName ?? receipt?.issuerName ?? null,
    issuerCode: c.result.issuerCode ?? receipt?.issuerCode ?? null,
    amount: c.target.trxAmt,
    vat: c.target.vatAmt,
    createdAt: c.createdAt,
    settledAt: settled ? c.finishedAt : null,
    manual: isManualOutcome(c),
    orgAprvNo: c.target.orgAprvNo,
    orgAprvDt: c.target.orgAprvDt,
    cancelAprvNo: c.state === 'cancelled' ? c.result.aprvNo : null,
    merchantNo: c.result.merchantNo,
    mercTrxNo: ctx.mercTrxNo?.(c.id) ?? null,
  };
}

/** Every event of `kind`, oldest first, page by page. */
export function allEventsOf(ledger: Ledger, kind: string): AuditEventRow[] {
  const out: AuditEventRow[] = [];
  for (let afterSeq = 0; ;) {
    const page = ledger.audit.list({ kind, afterSeq, limit: 10_000 });
    out.push(...page);
    const last = page.at(-1);
    if (last === undefined || page.length < 10_000) return out;
    afterSeq = last.seq;
  }
}

function reportContext(ledger: Ledger, withNumbers: boolean): ReportContext {
  const receipts = new Map<number, ReturnType<ReportContext['receipt']>>();
  return {
    receipt(receiptId) {
      if (!receipts.has(receiptId)) {
        const r = ledger.receipts.get(receiptId);
        receipts.set(receiptId, r && { issuerName: r.issuerName, issuerCode: r.issuerCode });
      }
      return receipts.get(receiptId) ?? null;
    },
    ...(withNumbers
      ? {
          mercTrxNo: (id: number) =>
            ledger.attempts
              .forCancellation(id)
              .filter((a) => a.kind === 'cancel')
              .at(-1)?.mercTrxNo ?? null,
        }
      : {}),
  };
}

/** Every earlier print of a day's close, oldest first (./reports.ts records them). */
export function printedCloses(ledger: Ledger): PrintedClose[] {
  return allEventsOf(ledger, END_OF_DAY_PRINTED).flatMap((row) => {
    const print = printedCloseOf(row);
    return print === null ? [] : [print];
  });
}

export function createReportSource(ledger: Ledger) {
  const listAll = (filter: Parameters<Ledger['cancellations']['list']>[0]) => {
    const out: Cancellation[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = ledger.cancellations.list({ ...filter, limit: PAGE, offset });
      out.push(...page);
      if (page.length < PAGE) return out;
    }
  };

  return {
    /**
     * Every cancellation confirmed from `from` to `to` (yyyyMMdd, KST, inclusive), oldest first.
     * `numbers`: also the merchant number each was sent under (one more read per cancellation).
     */
    period(from: string, to: string, options: { numbers?: boolean } = {}): ReportCancellation[] {
      const ctx = reportContext(ledger, options.numbers ?? false);
      const list = listAll({
        createdFrom: kstMidnight(from),
        createdTo: kstMidnight(to) + DAY_MS,
        limit: PAGE,
        offset: 0,
      });
      // list() is newest first; the detail CSV reads better in the order things happened
      return list.reverse().map((c) => reportCancellationOf(c, ctx));
    },

    /** Every item unresolved now, whatever its day, oldest first. */
    unresolvedNow(): ReportCancellation[] {
      const ctx = reportContext(ledger, false);
      return listAll({ states: UNRESOLVED_STATES, limit: PAGE, offset: 0 })
        .reverse()
        .map((c) => reportCancellationOf(c, ctx));
    },

    /** The close of business day `day` (yyyyMMdd, KST), as of now (electron/reports/close.ts). */
    close(day: string): DayClose {
      const ctx = reportContext(ledger, false);
      const start = kstMidnight(day);
      const prints = printedCloses(ledger);
      // earlier requests that may be first counted here: settled on the day, or since the first
      // close ever printed (a day's paper printed before they settled did not count them)
      const since = Math.min(start, prints[0]?.at ?? start);
      const earlierSettled = ledger.cancellations
        .settled({ settledFrom: since, settledTo: start + DAY_MS, createdBefore: start })
        .map((c) => reportCancellationOf(c, ctx));
      return computeClose({
        day,
        requested: listAll({
          createdFrom: start,
          createdTo: start + DAY_MS,
          limit: PAGE,
          offset: 0,
        })
          .reverse()
          .map((c) => reportCancellationOf(c, ctx)),
        earlierSettled,
        unresolved: listAll({ states: UNRESOLVED_STATES, limit: PAGE, offset: 0 })
          .reverse()
          .map((c) => reportCancellationOf(c, ctx)),
        prints,
        byId(id) {
          const c = ledger.cancellations.get(Number(id));
          return c === null ? null : reportCancellationOf(c, ctx);
        },
      });
    },
  };
}

export type ReportSource = ReturnType<typeof createReportSource>;
