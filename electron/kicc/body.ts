import type { ApproveRequest, CancelRequest, NetCancelRequest } from '../../shared/kicc/types';

/**
 * The JSON bodies we send, field for field in KICC's documented order (the seed page's request
 * example; KICC-API.md: "its request example must be what our client sends for the same inputs").
 * Only KICC's fields are copied, so a stray property on the caller's object never goes out, and
 * an absent optional field (tokenKey) is left out rather than sent as null.
 *
 * Field VALUES are not checked here: shared/kicc/requests.ts validates requests before they reach
 * the client (one rule, one place).
 */

const CANCEL_ORDER = [
  'tid',
  'svcId',
  'bizrNo',
  'mercTrxNo',
  'wcc',
  'cndTrxNo',
  'alotMonth',
  'trxAmt',
  'vatAmt',
  'svcAmt',
  'tranDt',
  'tranTm',
  'orgAprvDt',
  'orgAprvNo',
] as const satisfies readonly (keyof CancelRequest)[];

/** reqRtran and reqAprv share KICC's field list (KICC-API.md "reqRtran"). */
const NET_CANCEL_ORDER = [
  'tid',
  'svcId',
  'bizrNo',
  'mercTrxNo',
  'tokenKey',
  'alotMonth',
  'trxAmt',
  'vatAmt',
  'svcAmt',
  'tranDt',
  'tranTm',
] as const satisfies readonly (keyof NetCancelRequest & keyof ApproveRequest)[];

// Compile-time proof that no field is forgotten: each list covers every key of its request.
type Complete<T, L extends readonly unknown[]> = [Exclude<keyof T, L[number]>] extends [never]
  ? true
  : never;
const _cancelComplete: Complete<CancelRequest, typeof CANCEL_ORDER> = true;
const _netCancelComplete: Complete<NetCancelRequest, typeof NET_CANCEL_ORDER> = true;
const _approveComplete: Complete<ApproveRequest, typeof NET_CANCEL_ORDER> = true;

function serialise<T extends object>(request: T, order: readonly (keyof T)[]): string {
  const body: Partial<Record<keyof T, unknown>> = {};
  for (const field of order) {
    if (request[field] !== undefined) body[field] = request[field];
  }
  return JSON.stringify(body);
}

export const cancelBody = (request: CancelRequest): string => serialise(request, CANCEL_ORDER);

export const netCancelBody = (request: NetCancelRequest): string =>
  serialise(request, NET_CANCEL_ORDER);

export const approveBody = (request: ApproveRequest): string =>
  serialise(request, NET_CANCEL_ORDER);
