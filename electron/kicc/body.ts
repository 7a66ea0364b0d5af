import {
  APPROVE_FIELD_RULES,
  CANCEL_FIELD_RULES,
  NET_CANCEL_FIELD_RULES,
  fieldOrder,
} from '../../shared/kicc/requests';
import type { ApproveRequest, CancelRequest, NetCancelRequest } from '../../shared/kicc/types';

/**
 * The JSON bodies we send, field for field in KICC's documented order (the seed page's request
 * example; KICC-API.md: "its request example must be what our client sends for the same inputs").
 * Only KICC's fields are copied, so a stray property on the caller's object never goes out, and
 * an absent optional field (tokenKey) is left out rather than sent as null.
 *
 * The order is the one of shared/kicc/requests.ts's rule tables (one list per request, one
 * place): their type, FieldRules<T>, is the compile-time proof that no field is forgotten.
 * Field VALUES are not checked here: shared/kicc/requests.ts validates requests before they reach
 * the client (one rule, one place).
 */

const CANCEL_ORDER = fieldOrder(CANCEL_FIELD_RULES);
const NET_CANCEL_ORDER = fieldOrder(NET_CANCEL_FIELD_RULES);
/** reqAprv shares reqRtran's field list (KICC-API.md "reqRtran"). */
const APPROVE_ORDER = fieldOrder(APPROVE_FIELD_RULES);

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

export const approveBody = (request: ApproveRequest): string => serialise(request, APPROVE_ORDER);
