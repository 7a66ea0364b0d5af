import type { FieldError } from '../../../shared/kicc/fields';
import {
  validateApproveRequest,
  validateCancelRequest,
  validateNetCancelRequest,
} from '../../../shared/kicc/requests';
import type {
  ApproveRequest,
  CancelRequest,
  KiccEndpoint,
  NetCancelRequest,
} from '../../../shared/kicc/types';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { EchoFields } from './answers';
import { refusalAnswer } from './answers';
import { SIM_CODES } from './result-codes';
import type { SimAnswer } from './types';

/**
 * The body of a KICC request, parsed and checked with the SAME field rules the form and the
 * client use (shared/kicc/requests.ts; STYLE.md "The same rule is written once"). Anything
 * wrong is S008 with a respMsg naming the field(s) (KICC-API.md "Result codes").
 */
export type ParsedRequest =
  | { endpoint: 'approve'; request: ApproveRequest }
  | { endpoint: 'cancel'; request: CancelRequest }
  | { endpoint: 'netCancel'; request: NetCancelRequest };

function parseJson(text: string): Result<unknown, void> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return err(undefined);
  }
}

/** Echo what the caller sent, when it sent the four echo fields as text. */
function echoOf(body: unknown): EchoFields | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { tid, svcId, bizrNo, mercTrxNo } = body as Record<string, unknown>;
  return typeof tid === 'string' &&
    typeof svcId === 'string' &&
    typeof bizrNo === 'string' &&
    typeof mercTrxNo === 'string'
    ? { tid, svcId, bizrNo, mercTrxNo }
    : undefined;
}

/** "tid, mercTrxNo: 단말기 번호(tid)는 필수 항목입니다": every field named, the first explained. */
function describe(errors: readonly FieldError[]): string {
  const fields = [...new Set(errors.map((e) => (e.field === '' ? 'body' : e.field)))];
  const first = errors[0];
  return first === undefined ? fields.join(', ') : `${fields.join(', ')}: ${first.message.ko}`;
}

export function parseKiccRequest(
  endpoint: KiccEndpoint,
  rawBody: string,
  now: number,
): Result<ParsedRequest, SimAnswer> {
  const json = parseJson(rawBody);
  if (!json.ok) return err(refusalAnswer(SIM_CODES.invalidField, undefined, now, 'body (JSON)'));
  const body = json.value;
  const refuse = (errors: readonly FieldError[]) =>
    err(refusalAnswer(SIM_CODES.invalidField, echoOf(body), now, describe(errors)));
  switch (endpoint) {
    case 'approve': {
      const checked = validateApproveRequest(body);
      return checked.ok ? ok({ endpoint, request: checked.value }) : refuse(checked.error);
    }
    case 'cancel': {
      const checked = validateCancelRequest(body);
      return checked.ok ? ok({ endpoint, request: checked.value }) : refuse(checked.error);
    }
    case 'netCancel': {
      const checked = validateNetCancelRequest(body);
      return checked.ok ? ok({ endpoint, request: checked.value }) : refuse(checked.error);
    }
  }
}
