import type { CancellationState } from '../../shared/contract/models';

/**
 * What a report needs of a cancellation. The engine maps its ledger rows to this (docs/manager.md
 * "Reports"; electron/store-ops/report-source.ts), so the report code does not depend on the
 * ledger's tables.
 */
export interface ReportCancellation {
  id: string;
  state: CancellationState;
  /** who asked for it: 'cashier', 'manager' (older rows), or a cashier's own label */
  requestedBy: string;
  /** the manager who approved it (over the limit), if any */
  approvedBy: string | null;
  /** card issuer name (KICC issFmNm, or the receipt's), if known: the group's label */
  issuer: string | null;
  /** KICC's issuer code (issFmCd, from KICC's answer or the receipt): the group's key */
  issuerCode: string | null;
  /** trxAmt: cancellation is full-amount only (KICC-API.md reqCancel), so this is what is refunded */
  amount: number;
  vat: number;
  /** epoch ms the cashier confirmed it: decides which day's requests it is among */
  createdAt: number;
  /**
   * epoch ms it became `cancelled` or `rejected`; null while unresolved (needs_review included:
   * a manager has still to say what happened, so nothing is "done")
   */
  settledAt: number | null;
  /** the final outcome is the manager's record, not KICC's answer ("관리자 확인", ./manual.ts) */
  manual: boolean;
  /** the original payment */
  orgAprvNo: string;
  orgAprvDt: string;
  /** KICC's approval number of the cancellation, when KICC (or the manager) gave one */
  cancelAprvNo: string | null;
  /** the card company's merchant number (KICC joShopNo) from KICC's answer */
  merchantNo: string | null;
  /** the merchant transaction number the cancellation was sent under (KICC's portal shows it) */
  mercTrxNo: string | null;
}

export interface Bucket {
  count: number;
  amount: number;
  vat: number;
}

export interface StateRow extends Bucket {
  state: CancellationState;
}

/** One cashier or one issuer: everything asked, and what was actually cancelled. */
export interface GroupRow {
  /** the cashier or the issuer's name; null: issuer unknown */
  key: string | null;
  /** issuers: KICC's code the rows were grouped by (null: only a name was known) */
  code: string | null;
  all: Bucket;
  cancelled: Bucket;
}

export interface CancellationReport {
  /** yyyyMMdd, Korea time, inclusive */
  from: string;
  to: string;
  total: Bucket;
  /** refunded to the card */
  cancelled: Bucket;
  /** not final, or waiting for a manager: must not be refunded in cash */
  unresolved: Bucket;
  /** approved by a manager (over the cashier's limit) */
  approved: Bucket;
  /** final outcomes the manager recorded ("관리자 확인"), cancelled or rejected */
  manual: Bucket;
  /** every state, in the order of a cancellation's life, zeros included */
  byState: StateRow[];
  byCashier: GroupRow[];
  byIssuer: GroupRow[];
}
