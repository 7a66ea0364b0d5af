import type { Ledger } from '../ledger/ledger';
import type { CancellationTarget } from '../ledger/types';

/**
 * A manager's approval, tied to what it approved (issue 13 finding 5).
 *
 * Main says who may approve (electron/store-ops/approval.ts): the manager's PIN typed on the
 * cashier's screen for THIS cancellation, or manager mode open at the till. The ledger records
 * an approval only where one was given for this cancellation:
 *  - a PIN typed for it approves it, whatever the amount (the manager did look at it);
 *  - manager mode approves only what needs approving: over the cashier's limit. Under the
 *    limit nobody approved anything, and "관리자 승인" on the reports would say otherwise.
 *
 * The approval's audit event (`manager.approved`) is written HERE, in the same transaction as the
 * cancellation it approved, naming the receipt, the amount, the cancellation and the approver:
 * once per cancellation, never for a request refused or answered with an earlier one.
 */
export type ApprovalVia = 'pin' | 'manager-mode';

export interface ApprovalAsked {
  approvedBy: string | null;
  /** default 'pin' (the seam the engine had before manager mode was told apart) */
  approvedVia?: ApprovalVia;
}

export function approvalFor(
  asked: ApprovalAsked,
  trxAmt: number,
  cashierMaxAmount: number,
): { by: string; via: ApprovalVia } | null {
  if (asked.approvedBy === null) return null;
  const via = asked.approvedVia ?? 'pin';
  if (via === 'manager-mode' && trxAmt <= cashierMaxAmount) return null;
  return { by: asked.approvedBy, via };
}

export const APPROVED_KIND = 'manager.approved';

/** In the caller's transaction: the approval of cancellation `cancellationId`. */
export function recordApproval(
  ledger: Ledger,
  approval: { by: string; via: ApprovalVia },
  cancellation: { id: number; receiptId: number; requestedBy: string; target: CancellationTarget },
  at: number,
): void {
  const t = cancellation.target;
  ledger.audit.appendAudit({
    at,
    actor: approval.by,
    kind: APPROVED_KIND,
    cancellationId: cancellation.id,
    receiptId: cancellation.receiptId,
    detail: {
      approvedBy: approval.by,
      via: approval.via,
      requestedBy: cancellation.requestedBy,
      trxAmt: t.trxAmt,
      vatAmt: t.vatAmt,
      svcAmt: t.svcAmt,
      orgAprvNo: t.orgAprvNo,
      orgAprvDt: t.orgAprvDt,
      cndTrxNo: t.cndTrxNo,
    },
  });
}
