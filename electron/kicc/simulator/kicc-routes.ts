import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../../shared/clock';
import type { KiccEndpoint } from '../../../shared/kicc/types';
import type { KiccCredentials } from '../signing';
import { kstDateTime } from '../../../shared/kicc/time';
import { refusalAnswer } from './answers';
import { decideApprove } from './approve';
import { verifyKiccAuth } from './auth';
import { decideCancel } from './cancel';
import { deliver } from './fault-delivery';
import type { ActiveFault } from './faults';
import { readBody, sendEmpty } from './http-io';
import { decideNetCancel } from './net-cancel';
import { presentAnswer } from './presentation';
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
  /** KICC's own clock (the profile's offset from the PC's included) */
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
  const { profile } = deps.config;
  const ctx: RuleContext = {
    ledger: state.ledger,
    numbers: state.numbers,
    now,
    cancelWindowDays: deps.config.cancelWindowDays,
    netCancelWindowMinutes: deps.config.netCancelWindowMinutes,
    netCancelOrder: profile.netCancelOrder,
  };
  const { value } = parsed;
  switch (value.endpoint) {
    case 'approve':
      return state.duplicates.guard(value.request, now, () => decideApprove(value.request, ctx));
    case 'cancel': {
      const request = value.request;
      // 'kicc-today' (./profiles.ts): a field check, so like S008 it takes no mercTrxNo.
      if (profile.tranDt === 'kicc-today' && request.tranDt !== kstDateTime(now).date) {
        const detail = 'tranDt: KICC 기준 오늘 날짜가 아닙니다';
        return { answer: refusalAnswer(SIM_CODES.invalidField, request, now, detail), commit() {} };
      }
      if (profile.numbers === 'foreign' && !state.duplicates.taken(request, now)) {
        state.foreign.claim(request, now);
      }
      return state.duplicates.guard(request, now, () => decideCancel(request, ctx));
    }
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
  // KICC's Date header, from KICC's clock: what lets the app tell a wrong PC clock from wrong
  // credentials on a 401 (issue 9, sequence 10).
  res.sendDate = false;
  res.setHeader('Date', new Date(receivedAt).toUTCString());
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
    fault: state.faults.take(endpoint) ?? slowIssuer(endpoint, deps.config),
    decide: () => decide(endpoint, text, deps),
    temporaryError: () => {
      const parsed = parseKiccRequest(endpoint, text, deps.clock.now());
      const echo = parsed.ok ? parsed.value.request : undefined;
      return refusalAnswer(SIM_CODES.temporaryError, echo, deps.clock.now());
    },
    present: (answer) => presentAnswer(endpoint, answer, deps.config.profile),
    date: new Date(receivedAt).toUTCString(),
    record,
    later: deps.later,
  });
}

/**
 * 'slow' issuer (./profiles.ts): every reqCancel is processed at once, and its answer comes after
 * the client stopped waiting (issue 9, sequence 3). lateAnswerMs 0: the connection closes once
 * it committed, which is what the client sees after its read timeout, without waiting for one.
 */
function slowIssuer(endpoint: KiccEndpoint, config: SimConfig): ActiveFault | undefined {
  if (config.profile.issuer !== 'slow' || endpoint !== 'cancel') return undefined;
  const late = config.profile.lateAnswerMs;
  return late === 0
    ? { kind: 'commit-then-drop', commit: true, delayMs: 0 }
    : { kind: 'delay', commit: true, delayMs: late };
}
