/**
 * KICC simple-payment VAN API messages, as KICC documents them (seed page; KICC-API.md).
 * Field names are KICC's own. Lengths and character rules live in ./fields.ts (one rule, one
 * function, used by the form and by the client).
 */

/** `T`: cndTrxNo is the original vanTrxNo; `G`: the original mercTrxNo. */
export type Wcc = 'T' | 'G';

/** POST /smpy/kiccpay/reqCancel: cancel an approved payment in full. */
export interface CancelRequest {
  tid: string;
  svcId: string;
  bizrNo: string;
  /** NEW merchant number for THIS cancellation attempt. */
  mercTrxNo: string;
  wcc: Wcc;
  cndTrxNo: string;
  alotMonth: string;
  trxAmt: number;
  vatAmt: number;
  svcAmt: number;
  tranDt: string;
  tranTm: string;
  orgAprvDt: string;
  orgAprvNo: string;
}

/**
 * POST /smpy/kiccpay/reqRtran: net-cancel. "Exactly the same data as the lost request"
 * (KICC-API.md). tokenKey is for approvals only; we never send it for a cancellation.
 */
export interface NetCancelRequest {
  tid: string;
  svcId: string;
  bizrNo: string;
  mercTrxNo: string;
  tokenKey?: string;
  alotMonth: string;
  trxAmt: number;
  vatAmt: number;
  svcAmt: number;
  tranDt: string;
  tranTm: string;
}

/**
 * POST /smpy/kiccpay/reqAprv: approve a payment. The app never approves; the simulator needs
 * it to create originals (training mode, tests).
 */
export interface ApproveRequest {
  tid: string;
  svcId: string;
  bizrNo: string;
  mercTrxNo: string;
  tokenKey?: string;
  alotMonth: string;
  trxAmt: number;
  vatAmt: number;
  svcAmt: number;
  tranDt: string;
  tranTm: string;
}

/**
 * KICC's answer. Only respCd/respMsg are always present; every other documented field is
 * optional (never fail on a missing optional one). Unknown fields are kept in `extra`.
 */
export interface KiccResponse {
  respCd: string;
  respMsg: string;
  tid?: string;
  svcId?: string;
  bizrNo?: string;
  mercTrxNo?: string;
  trxDt?: string;
  trxTm?: string;
  issFmCd?: string;
  issFmNm?: string;
  purchFmCd?: string;
  purchFmNm?: string;
  joShopNo?: string;
  cndDt?: string;
  cndTm?: string;
  aprvNo?: string;
  vanTrxNo?: string;
  cardConfirmNo?: string;
  /** Fields KICC sent that we do not model, kept verbatim. */
  extra: Record<string, unknown>;
}

export const KICC_PATHS = {
  approve: '/smpy/kiccpay/reqAprv',
  cancel: '/smpy/kiccpay/reqCancel',
  netCancel: '/smpy/kiccpay/reqRtran',
} as const;

export type KiccEndpoint = keyof typeof KICC_PATHS;
