import type { Cancellation, CancellationState } from '../../../shared/contract';

/** A cancellation as the page sees it, in a given state (the counter's unit tests). */
export function cancellationIn(
  id: string,
  state: CancellationState,
  patch: Partial<Cancellation> = {},
): Cancellation {
  return {
    id,
    receiptId: `r${id}`,
    clientRequestId: '00000000-0000-4000-8000-000000000001',
    state,
    wcc: 'T',
    cndTrxNo: 'V00000000001',
    orgAprvDt: '20240105',
    orgAprvNo: '12345678',
    alotMonth: '00',
    trxAmt: 10_000,
    vatAmt: 909,
    svcAmt: 0,
    reason: '고객 변심',
    requestedAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_001,
    attempts: 1,
    nextTryAt: null,
    cancelled: null,
    rejection: null,
    requestedBy: 'cashier',
    approvedBy: null,
    resolvedByManager: false,
    ...patch,
  };
}
