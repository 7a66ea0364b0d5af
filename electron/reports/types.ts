import type { CancellationState } from '../../shared/contract/models';

/**
 * What a report needs of a cancellation. The engine maps its ledger rows to this (docs/manager.md
 * "Reports"), so the report code does not depend on the ledger's tables.
 */
export interface ReportCancellation {
  id: string;
  state: CancellationState;
  /** the cashier who asked for it */
  requestedBy: string;
  /** the manager who approved it (over the limit), if any */
  approvedBy: string | null;
  /** card issuer name (KICC issFmNm, or the receipt's), if known */
  issuer: string | null;
  /** trxAmt: cancellation is full-amount only (KICC-API.md reqCancel), so this is what is refunded */
  amount: number;
  vat: number;
  /** epoch ms the cashier confirmed it: decides which day it belongs to */
  createdAt: number;
  /** epoch ms it became final, null while not final */
  finalAt: number | null;
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
  /** the cashier id or issuer name; null: issuer unknown */
  key: string | null;
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
  /** every state, in the order of a cancellation's life, zeros included */
  byState: StateRow[];
  byCashier: GroupRow[];
  byIssuer: GroupRow[];
}
