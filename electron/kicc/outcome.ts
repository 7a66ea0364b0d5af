import type { KiccEndpoint, KiccResponse } from '../../shared/kicc/types';

/**
 * What one KICC exchange ended as (KICC-API.md "Error classes the client must tell apart").
 * The class of every respCd comes from ONE table: ./codes.ts.
 */
export type KiccClass =
  | 'ok' // HTTP 200, respCd 0000
  | 'rejected' // HTTP 200, a business refusal: nothing happened at KICC
  | 'already-cancelled' // the original was already cancelled (S002)
  | 'duplicate' // mercTrxNo seen before: the first one's outcome is unknown (S005)
  | 'not-found' // net-cancel: nothing to reverse under that mercTrxNo (S006)
  | 'landed' // net-cancel: it landed and is too old to reverse (S007)
  | 'retryable' // KICC says temporary error; outcome unknown (S999)
  | 'not-sent' // no byte reached KICC: safe to send the same request again
  | 'in-doubt' // KICC may have processed it: verify before anything else
  | 'auth'; // 401/403: credentials wrong; stop the queue, keep the items

/**
 * Everything the ledger needs to record about one HTTP exchange. Never contains secrets: the
 * signature headers are not kept (they are derivable only with the secret and worthless after).
 */
export interface KiccExchange {
  endpoint: KiccEndpoint;
  path: string;
  mercTrxNo: string;
  /** the exact JSON string sent (or that would have been sent, for not-sent) */
  requestBody: string;
  /** epoch ms when the request started */
  sentAt: number;
  /** epoch ms when the exchange ended (answer, error or timeout) */
  endedAt: number;
  httpStatus?: number;
  /** the raw answer as received, when any bytes came back */
  responseBody?: string;
  /** short technical description of the failure, free of secrets */
  error?: string;
}

export interface KiccOutcome {
  class: KiccClass;
  /** KICC's respCd, when an answer was parsed */
  code?: string;
  /** KICC's respMsg, or our plain description of the failure */
  message: string;
  /** the parsed answer, when HTTP 200 with a valid body */
  response?: KiccResponse;
  /**
   * auth only: KICC's clock (its Date header) minus the PC's, when they differ past
   * ./classify.ts CLOCK_SKEW_NOTICE_MS: the PC's clock is wrong, not (only) the credentials
   */
  clockSkewMs?: number;
  exchange: KiccExchange;
}
