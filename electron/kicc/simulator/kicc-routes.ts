import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../../shared/clock';
import type { KiccEndpoint } from '../../../shared/kicc/types';
import type { KiccCredentials } from '../signing';
import { refusalAnswer } from './answers';
import { decideApprove } from './approve';
import { verifyKiccAuth } from './auth';
import { decideCancel } from './cancel';
import { deliver } from './fault-delivery';
import { readBody, sendEmpty } from './http-io';
import { decideNetCancel } from './net-cancel';
import { parseKiccRequest } from './request-parsing';
import { SIM_CODES } from './result-codes';
import type { RuleContext } from './rule-context';
import type { SimConfig, SimState } from './state';
import type { Decision } from './types';

/**
 * One request to a KICC endpoint: read the exact body, authenticate (401 with no body on any
 * failure, KICC-API.md [A]), pick the fault if one is due, then decide and answer through
 * ./fault-delivery.ts. Every request is recorded in the ledger, whatever becomes of it.
 */
export interface KiccRouteDeps {
  clock: Clock;
  credentials: KiccCredentials;
  config: SimConfig;
  state: () => SimState;
  later: (ms: number, run: () => void) => void;
}

/** Decides a parsed request against the state, at the clock's time of the decision. */
function decide(endpoint: KiccEndpoint, body: string, deps: KiccRouteDeps): Decision {
  const now = deps.clock.now();
  const state = deps.state();
  const parsed = parseKiccRequest(endpoint, body, now);
  // S008 takes no mercTrxNo: KICC could not read the request, so nothing of it is kept.
  if (!parsed.ok) return { answer: parsed.error, commit: () => {} };
  const ctx: RuleContext = {
    ledger: state.ledger,
    numbers: state.numbers,
    now,
    cancelWindowDays: deps.config.cancelWindowDays,
    netCancelWindowMinutes: deps.config.netCancelWindowMinutes,
  };
  const { value } = parsed;
  switch (value.endpoint) {
    case 'approve':
      return state.duplicates.guard(value.request, now, () => decideApprove(value.request, ctx));
    case 'cancel':
      return state.duplicates.guard(value.request, now, () => decideCancel(value.request, ctx));
    case 'netCancel':
      return decideNetCancel(value.request, ctx);
  }
}

export async function handleKiccRequest(
  req: IncomingMessage,
  res: ServerResponse,
  endpoint: KiccEndpoint,
  path: string,
  deps: KiccRouteDeps,
): Promise<void> {
  const body = await readBody(req);
  if (!body.ok) {
    if (body.error === 'too-large') sendEmpty(res, 413);
    return;
  }
  const receivedAt = deps.clock.now();
  const state = deps.state();
  const text = body.value.toString('utf8');
  const record = state.ledger.recordRequest({
    receivedAt,
    method: req.method ?? '',
    path,
    endpoint,
    body: text,
    auth: 'ok',
    committed: false,
  });
  if (req.method !== 'POST') {
    record.httpStatus = 405;
    sendEmpty(res, 405);
    return;
  }
  const auth = verifyKiccAuth({
    headers: req.headers,
    path,
    rawBody: body.value,
    credentials: deps.credentials,
    now: receivedAt,
    skewMs: deps.config.timestampSkewMs,
    nonces: state.nonces,
  });
  if (!auth.ok) {
    record.auth = auth.error;
    record.httpStatus = 401;
    sendEmpty(res, 401);
    return;
  }
  deliver({
    res,
    fault: state.faults.take(endpoint),
    decide: () => decide(endpoint, text, deps),
    temporaryError: () => {
      const parsed = parseKiccRequest(endpoint, text, deps.clock.now());
      const echo = parsed.ok ? parsed.value.request : undefined;
      return refusalAnswer(SIM_CODES.temporaryError, echo, deps.clock.now());
    },
    record,
    later: deps.later,
  });
}
