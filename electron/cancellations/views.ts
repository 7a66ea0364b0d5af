import type { KiccClass } from '../kicc/outcome';
import { isManagerResolution } from './resolution-notes';
import type {
  Attempt,
  AttemptKind,
  AttemptState,
  Cancellation,
  CancellationState,
  ReceiptSource,
  ReceiptWithStatus,
} from '../ledger/types';

/**
 * What the services hand out: plain data in the IPC contract's shapes (shared/contract/models.ts
 * receiptSchema, cancellationSchema), ids as strings, optional fields absent rather than null.
 * The extra fields (the note, in-doubt and finish times) are for the main process; the
 * contract's response schemas strip them before anything reaches the page.
 */

export interface ReceiptView {
  id: string;
  source: ReceiptSource;
  aprvDt: string;
  aprvTm?: string;
  aprvNo: string;
  vanTrxNo?: string;
  mercTrxNo?: string;
  alotMonth: string;
  trxAmt: number;
  vatAmt: number;
  svcAmt: number;
  cardConfirmNo?: string;
  issuerName?: string;
  cancellation: { id: string; state: CancellationState } | null;
}

export interface CancellationView {
  id: string;
  receiptId: string;
  /** '' when the request came without one (tests, tools) */
  clientRequestId: string;
  state: CancellationState;
  wcc: 'T' | 'G';
  cndTrxNo: string;
  orgAprvDt: string;
  orgAprvNo: string;
  alotMonth: string;
  trxAmt: number;
  vatAmt: number;
  svcAmt: number;
  reason: string;
  cardConfirmNo?: string;
  /** mercTrxNo of the latest reqCancel attempt (printed on the slip) */
  mercTrxNo?: string;
  requestedAt: number;
  updatedAt: number;
  /** HTTP exchanges so far (reqCancel and reqRtran) */
  attempts: number;
  nextTryAt: number | null;
  cancelled: {
    aprvNo?: string;
    vanTrxNo?: string;
    cndDt?: string;
    cndTm?: string;
    cardConfirmNo?: string;
    issuerName?: string;
    /** KICC said "already cancelled": an earlier cancellation stood (KICC-API.md) */
    alreadyCancelledEarlier: boolean;
  } | null;
  rejection: { respCd: string; respMsg: string } | null;
  /** the ledger's requested_by / approved_by (the contract's cancellation carries both) */
  requestedBy: string;
  approvedBy: string | null;
  /** the final state is a manager's record ("관리자 확인"), not KICC's answer: ./resolution-notes.ts */
  resolvedByManager: boolean;
  // main-process extras
  note: string | null;
  inDoubtSince: number | null;
  finishedAt: number | null;
}

export interface AttemptView {
  id: string;
  kind: AttemptKind;
  mercTrxNo: string;
  repeatsAttemptId: string | null;
  sentAt: number;
  endedAt: number | null;
  state: AttemptState;
  class: KiccClass | null;
  code: string | null;
  message: string | null;
  httpStatus: number | null;
  /** the exact body sent: KICC's fields only, no secret (signatures are never stored) */
  body: string;
  responseBody: string | null;
  error: string | null;
}

export interface CancellationDetail extends CancellationView {
  attemptLog: AttemptView[];
}

/** `{ key: value }` when value is not null, `{}` otherwise (exactOptionalPropertyTypes-safe). */
function present<K extends string>(key: K, value: string | null): { [P in K]?: string } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: string };
}

export function receiptView(r: ReceiptWithStatus): ReceiptView {
  return {
    id: String(r.id),
    source: r.source,
    aprvDt: r.aprvDt,
    ...present('aprvTm', r.aprvTm),
    aprvNo: r.aprvNo,
    ...present('vanTrxNo', r.vanTrxNo),
    ...present('mercTrxNo', r.mercTrxNo),
    alotMonth: r.alotMonth,
    trxAmt: r.trxAmt,
    vatAmt: r.vatAmt,
    svcAmt: r.svcAmt,
    ...present('cardConfirmNo', r.cardMasked),
    ...present('issuerName', r.issuerName),
    cancellation:
      r.cancellation === null
        ? null
        : { id: String(r.cancellation.cancellationId), state: r.cancellation.state },
  };
}

export function cancellationView(c: Cancellation, attempts: readonly Attempt[]): CancellationView {
  const lastCancel = attempts.filter((a) => a.kind === 'cancel').at(-1);
  const res = c.result;
  return {
    id: String(c.id),
    receiptId: String(c.receiptId),
    clientRequestId: c.clientRequestId ?? '',
    state: c.state,
    wcc: c.target.wcc,
    cndTrxNo: c.target.cndTrxNo,
    orgAprvDt: c.target.orgAprvDt,
    orgAprvNo: c.target.orgAprvNo,
    alotMonth: c.target.alotMonth,
    trxAmt: c.target.trxAmt,
    vatAmt: c.target.vatAmt,
    svcAmt: c.target.svcAmt,
    reason: c.reason ?? '',
    ...present('cardConfirmNo', res.cardConfirmNo),
    ...(lastCancel === undefined ? {} : { mercTrxNo: lastCancel.mercTrxNo }),
    requestedAt: c.createdAt,
    updatedAt: c.updatedAt,
    attempts: attempts.length,
    nextTryAt: c.state === 'queued' || c.state === 'in_doubt' ? c.nextTryAt : null,
    cancelled:
      c.state === 'cancelled'
        ? {
            ...present('aprvNo', res.aprvNo),
            ...present('vanTrxNo', res.vanTrxNo),
            ...present('cndDt', res.cndDt),
            ...present('cndTm', res.cndTm),
            ...present('cardConfirmNo', res.cardConfirmNo),
            ...present('issuerName', res.issuerName),
            alreadyCancelledEarlier: c.note === 'stood-earlier',
          }
        : null,
    rejection:
      c.state === 'rejected' ? { respCd: res.code ?? '', respMsg: res.message ?? '' } : null,
    requestedBy: c.requestedBy,
    approvedBy: c.approvedBy,
    resolvedByManager: isManagerResolution(c.note),
    note: c.note,
    inDoubtSince: c.inDoubtSince,
    finishedAt: c.finishedAt,
  };
}

export function attemptView(a: Attempt): AttemptView {
  return {
    id: String(a.id),
    kind: a.kind,
    mercTrxNo: a.mercTrxNo,
    repeatsAttemptId: a.repeatsAttemptId === null ? null : String(a.repeatsAttemptId),
    sentAt: a.sentAt,
    endedAt: a.endedAt,
    state: a.state,
    class: a.class,
    code: a.code,
    message: a.message,
    httpStatus: a.httpStatus,
    body: a.body,
    responseBody: a.responseBody,
    error: a.error,
  };
}
