import { kstMidnight } from '../../shared/kicc/time';
import type { Ledger } from '../ledger/ledger';
import type { Cancellation } from '../ledger/types';
import type { ReportCancellation } from '../reports/types';

/**
 * The ledger's cancellations in the reports' words (electron/reports/types.ts), for a period of
 * Korea-time days: those the cashier confirmed in it (electron/reports/compute.ts decides that a
 * cancellation belongs to the day it was confirmed). Read through the ledger's repositories,
 * page by page, so no column name leaves electron/ledger.
 */
const DAY_MS = 86_400_000;
const PAGE = 5_000;

export function reportCancellationOf(
  c: Cancellation,
  receiptIssuer: (receiptId: number) => string | null,
): ReportCancellation {
  return {
    id: String(c.id),
    state: c.state,
    requestedBy: c.requestedBy,
    approvedBy: c.approvedBy,
    // KICC's issuer from the answer when there is one, else what the receipt says
    issuer: c.result.issuerName ?? receiptIssuer(c.receiptId),
    amount: c.target.trxAmt,
    vat: c.target.vatAmt,
    createdAt: c.createdAt,
    finalAt: c.finishedAt,
  };
}

/** Every cancellation confirmed from `from` to `to` (yyyyMMdd, KST, inclusive), oldest first. */
export function reportCancellations(
  ledger: Ledger,
  from: string,
  to: string,
): ReportCancellation[] {
  const filter = { createdFrom: kstMidnight(from), createdTo: kstMidnight(to) + DAY_MS };
  const issuers = new Map<number, string | null>();
  const issuerOf = (receiptId: number): string | null => {
    if (!issuers.has(receiptId)) {
      issuers.set(receiptId, ledger.receipts.get(receiptId)?.issuerName ?? null);
    }
    return issuers.get(receiptId) ?? null;
  };
  const out: ReportCancellation[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = ledger.cancellations.list({ ...filter, limit: PAGE, offset });
    for (const c of page) out.push(reportCancellationOf(c, issuerOf));
    if (page.length < PAGE) break;
  }
  // list() is newest first; the detail CSV reads better in the order things happened
  return out.reverse();
}
