import type { Clock } from '../../shared/clock';
import type { CancelRequest, NetCancelRequest } from '../../shared/kicc/types';
import type { KiccOutcome } from '../kicc/outcome';
import type { AttemptEnd } from '../ledger/attempts';
import type { CancellationResult } from '../ledger/types';

/**
 * The two KICC calls the engine makes, and how an exchange's outcome is written down. The real
 * client (electron/kicc/client.ts createKiccClient) fits this port; unit tests pass a fake.
 */
export interface KiccPort {
  cancel(req: CancelRequest): Promise<KiccOutcome>;
  netCancel(req: NetCancelRequest): Promise<KiccOutcome>;
}

/**
 * What an exchange says about the way to KICC, for the queue. 'clock-skew': KICC refused us
 * (401/403) and its Date header is minutes from the PC's clock (issue 9, sequence 10).
 */
export type ConnectivitySignal = 'online' | 'offline' | 'auth' | 'clock-skew';

/**
 * Calls KICC. The client never throws for an expected failure; should it throw anyway (a bug),
 * the exchange is recorded as in doubt rather than lost: we cannot know whether bytes left.
 */
export async function callKicc(
  port: KiccPort,
  request: { kind: 'cancel'; req: CancelRequest } | { kind: 'net-cancel'; req: NetCancelRequest },
  clock: Clock,
): Promise<KiccOutcome> {
  const sentAt = clock.now();
  try {
    return request.kind === 'cancel'
      ? await port.cancel(request.req)
      : await port.netCancel(request.req);
  } catch (error) {
    const name = error instanceof Error ? error.name : 'unknown';
    return {
      class: 'in-doubt',
      message: 'The KICC client failed unexpectedly; the outcome is unknown and will be verified.',
      exchange: {
        endpoint: request.kind === 'cancel' ? 'cancel' : 'netCancel',
        path: '',
        mercTrxNo: request.req.mercTrxNo,
        requestBody: '',
        sentAt,
        endedAt: clock.now(),
        // the error's class only: its text could quote anything, secrets included
        error: `client threw ${name}`,
      },
    };
  }
}

/** The attempt row's ending, from the exchange the client reported. */
export function attemptEnd(outcome: KiccOutcome): AttemptEnd {
  const x = outcome.exchange;
  return {
    state: outcome.response !== undefined ? 'answered' : 'failed',
    class: outcome.class,
    code: outcome.code ?? null,
    message: outcome.message,
    httpStatus: x.httpStatus ?? null,
    responseBody: x.responseBody ?? null,
    error: x.error ?? null,
    endedAt: x.endedAt,
    ...(x.requestBody !== '' ? { body: x.requestBody } : {}),
  };
}

/** KICC's data from an answer, for the cancellation's final record. */
export function resultOf(outcome: KiccOutcome): Partial<CancellationResult> {
  const r = outcome.response;
  return {
    code: outcome.code ?? null,
    message: outcome.message,
    aprvNo: r?.aprvNo ?? null,
    cndDt: r?.cndDt ?? null,
    cndTm: r?.cndTm ?? null,
    vanTrxNo: r?.vanTrxNo ?? null,
    cardConfirmNo: r?.cardConfirmNo ?? null,
    issuerName: r?.issFmNm ?? null,
    issuerCode: r?.issFmCd ?? null,
    merchantNo: r?.joShopNo ?? null,
  };
}

/**
 * not-sent: nothing reached KICC, the way is down. auth: KICC refused our credentials (or our
 * clock). Anything else reached KICC (even a timeout: the connection was made), so the way is up.
 */
export function signalOf(outcome: KiccOutcome): ConnectivitySignal {
  if (outcome.class === 'not-sent') return 'offline';
  if (outcome.class === 'auth') return outcome.clockSkewMs === undefined ? 'auth' : 'clock-skew';
  return 'online';
}

/**
 * An answer that says what happened: a real one (isKiccAnswer) that is not S999 "outcome
 * unknown". While the last exchange settled nothing, the queue applies the exposure limits
 * (electron/queue/queue.ts isDegraded): a KICC that takes requests and settles none is no better
 * than one that cannot be reached.
 */
export function settlesSomething(outcome: KiccOutcome): boolean {
  return isKiccAnswer(outcome) && outcome.class !== 'retryable';
}

/**
 * A real answer from KICC: HTTP 200 with a parsed respCd (KICC-API.md "Error classes"). Only such
 * an answer proves our credentials work and lifts an auth pause; a timeout or a reset does not
 * (the connection was made, but KICC may have refused us again without our seeing it).
 */
export function isKiccAnswer(outcome: KiccOutcome): boolean {
  switch (outcome.class) {
    case 'ok':
    case 'rejected':
    case 'already-cancelled':
    case 'duplicate':
    case 'not-found':
    case 'landed':
    case 'retryable':
      return true;
    case 'not-sent':
    case 'in-doubt':
    case 'auth':
      return false;
  }
}
