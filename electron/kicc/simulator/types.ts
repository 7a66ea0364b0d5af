import type {
  ApproveRequest,
  CancelRequest,
  KiccEndpoint,
  KiccResponse,
  NetCancelRequest,
} from '../../../shared/kicc/types';

/** What the simulator answers with: KICC's response fields, same names (seed page). */
export type SimAnswer = Omit<KiccResponse, 'extra'>;

/** approved; cancelled by reqCancel; or reversed by a net-cancel of the approval itself. */
export type OriginalStatus = 'approved' | 'cancelled' | 'net-cancelled';

/**
 * An approved payment, as KICC keeps it: what a cancellation must match. The reqAprv fields are
 * kept as sent; its tranDt/tranTm are the approval request's own send date/time, which a
 * net-cancel of it must repeat.
 */
export interface SimOriginal extends ApproveRequest {
  /** approval number (orgAprvNo of a cancellation) */
  aprvNo: string;
  vanTrxNo: string;
  /** KST date/time KICC processed it; aprvDt is what a cancellation sends as orgAprvDt */
  aprvDt: string;
  aprvTm: string;
  cndDt: string;
  cndTm: string;
  /** epoch ms of the approval (server clock) */
  approvedAt: number;
  issFmCd: string;
  issFmNm: string;
  purchFmCd: string;
  purchFmNm: string;
  joShopNo: string;
  cardConfirmNo: string;
  status: OriginalStatus;
  /** another transaction of the merchant that owns a number (profile 'foreign-numbers') */
  foreign?: true;
  /** epoch ms the status last changed (cancelled, net-cancelled, approved again) */
  statusChangedAt?: number;
}

/** A cancellation that landed at KICC: its reqCancel fields except the original's orgAprv*. */
export interface SimCancellation extends Omit<CancelRequest, 'orgAprvDt' | 'orgAprvNo'> {
  /** the cancelled original */
  originalVanTrxNo: string;
  vanTrxNo: string;
  trxDt: string;
  trxTm: string;
  cndDt: string;
  cndTm: string;
  /** epoch ms it landed (server clock): the net-cancel window counts from here */
  landedAt: number;
  status: 'landed' | 'net-cancelled';
  netCancelledAt?: number;
}

/** A net-cancel that reversed something (0000). Refused ones are in `requests` only. */
export interface SimNetCancel extends Pick<NetCancelRequest, 'tid' | 'svcId' | 'mercTrxNo'> {
  target: 'cancellation' | 'approval';
  /** vanTrxNo of the reversed cancellation or approval */
  targetVanTrxNo: string;
  at: number;
}

export type AuthFailureReason =
  | 'missing-header'
  | 'unknown-channel'
  | 'bad-timestamp'
  | 'timestamp-skew'
  | 'bad-signature'
  | 'nonce-replayed';

/** Every request the KICC endpoints received, whatever became of it. */
export interface SimRequestRecord {
  seq: number;
  /** epoch ms (server clock) */
  receivedAt: number;
  method: string;
  path: string;
  endpoint?: KiccEndpoint;
  /** the exact body received */
  body: string;
  auth: 'ok' | AuthFailureReason;
  /** the fault applied to this request, if any */
  fault?: string;
  /**
   * true when the simulator processed it and kept its decision (state change, mercTrxNo taken);
   * false when a fault or an authentication failure stopped it first
   */
  committed: boolean;
  /** the HTTP status written, when a status line was written */
  httpStatus?: number;
  /** the respCd answered (or that would have been, had the answer reached the client) */
  respCd?: string;
}

/**
 * A business answer and the state change that goes with it, kept apart so a fault can answer
 * without committing, or commit without answering (./fault-delivery.ts).
 */
export interface Decision {
  answer: SimAnswer;
  commit(): void;
}
