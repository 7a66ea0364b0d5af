import { parseKiccResponse } from '../../shared/kicc/response';
import type { KiccEndpoint, KiccResponse } from '../../shared/kicc/types';
import { wrongClockAdvice } from './advice';
import type { KiccCodeVerdict } from './codes';
import { kiccCodeVerdict } from './codes';
import type { KiccClass } from './outcome';
import type { TransportError } from './transport';
import { EXCHANGE_DEADLINE } from './transport';

/**
 * What one exchange ended as, by KICC-API.md "Error classes the client must tell apart". Pure: the
 * transport says how far the request got, this decides what that means.
 *
 *   no byte can have reached KICC (failed before the request was on a socket)  -> not-sent
 *   HTTP 401 / 403                                                             -> auth
 *   failed after the request was on a socket (reset, close, read timeout, ...) -> in-doubt
 *   HTTP 5xx                                                                   -> in-doubt
 *   any other status but 200 (3xx, 400, 404, 429, 204, ...)                    -> in-doubt
 *   HTTP 200 whose body is not JSON, or not a KICC answer (no valid respCd)    -> in-doubt
 *   HTTP 200 with a respCd                                                     -> ./codes.ts
 *
 * Statuses the spec is silent on are in doubt: a proxy or gateway in front of KICC can answer
 * 4xx after KICC processed the request, and we only say "not sent" when it is proven.
 */

export interface ExchangeResult {
  /** the request was handed to an open socket (see ./transport.ts) */
  reachedSocket: boolean;
  status?: number;
  /** the answer's Date header (KICC's clock) and the PC's clock when the answer came */
  date?: string;
  receivedAt?: number;
  /** the body as text, when any byte came back */
  bodyText?: string;
  error?: TransportError;
}

export interface Classified {
  class: KiccClass;
  /** KICC's respMsg, or our plain description of what happened */
  message: string;
  code?: string;
  response?: KiccResponse;
  /** the code table's verdict, when KICC answered with a respCd */
  verdict?: KiccCodeVerdict;
  /** short technical description of the failure */
  error?: string;
  /** on a 401/403: KICC's clock (its Date header) minus the PC's, when they differ too much */
  clockSkewMs?: number;
}

/**
 * A 401/403 whose Date header is further than this from the PC's clock says "the PC's clock is
 * wrong" before "check the credentials" (issue 9, sequence 10). KICC refuses a timestamp more
 * than 5 minutes off [A]; a clock a minute off is already worth fixing, and the advice still
 * names the credentials should fixing the clock not help.
 */
export const CLOCK_SKEW_NOTICE_MS = 60_000;

const TLS_FAILURE = /^(ERR_TLS_|ERR_SSL_|EPROTO$|CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_)/;

/** Why nothing was sent, in plain words, by error code. */
const NOT_SENT_REASONS: Readonly<Record<string, string>> = {
  ENOTFOUND: 'the KICC host name could not be resolved (DNS)',
  EAI_AGAIN: 'the KICC host name could not be resolved right now (DNS)',
  ECONNREFUSED: 'the connection to KICC was refused',
  UND_ERR_CONNECT_TIMEOUT: 'no connection to KICC within the connect timeout',
  ETIMEDOUT: 'no connection to KICC within the connect timeout',
  EHOSTUNREACH: 'no network route to KICC',
  ENETUNREACH: 'no network route to KICC',
  ECONNRESET: 'the connection was reset before the request was written',
  UND_ERR_SOCKET: 'the connection closed before the request was written',
  UND_ERR_CLOSED: 'the KICC client is closed',
  UND_ERR_DESTROYED: 'the KICC client is closed',
};

/** Why the outcome is unknown, in plain words, by error code. */
const IN_DOUBT_REASONS: Readonly<Record<string, string>> = {
  UND_ERR_HEADERS_TIMEOUT: 'no answer from KICC within the read timeout',
  UND_ERR_BODY_TIMEOUT: "KICC's answer stalled past the read timeout",
  UND_ERR_SOCKET: 'the connection closed after the request was sent',
  ECONNRESET: 'the connection was reset after the request was sent',
  EPIPE: 'the connection broke while the request was being sent',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: "KICC's answer was cut short",
  UND_ERR_RES_EXCEEDED_MAX_SIZE: "KICC's answer was too large to be a KICC answer",
  [EXCHANGE_DEADLINE]:
    'no complete answer within the exchange deadline (the connection was closed)',
};

const technical = (error: TransportError): string =>
  `${error.code ?? error.name}: ${error.message}`;

function notSentReason(error: TransportError): string {
  const code = error.code ?? '';
  if (TLS_FAILURE.test(code)) return 'the secure (TLS) connection to KICC failed';
  return NOT_SENT_REASONS[code] ?? 'the request could not be sent';
}

function inDoubtReason(error: TransportError): string {
  const code = error.code ?? '';
  if (code.startsWith('HPE_') || error.name === 'HTTPParserError')
    return "KICC's answer is not valid HTTP";
  return IN_DOUBT_REASONS[code] ?? 'the exchange with KICC failed after the request was sent';
}

const inDoubt = (why: string, error: string): Classified => ({
  class: 'in-doubt',
  message: `In doubt: ${why}. KICC may have processed it: verify before anything else.`,
  error,
});

export function classifyExchange(endpoint: KiccEndpoint, result: ExchangeResult): Classified {
  const { error, status } = result;
  if (error !== undefined && !result.reachedSocket) {
    return {
      class: 'not-sent',
      message: `Not sent: ${notSentReason(error)}. Nothing reached KICC; it is safe to send again.`,
      error: technical(error),
    };
  }
  if (status === 401 || status === 403) {
    const error_ = error === undefined ? `HTTP ${status}` : technical(error);
    const skew = clockSkew(result);
    if (skew !== undefined) {
      return { class: 'auth', message: wrongClock(status, skew), error: error_, clockSkewMs: skew };
    }
    return {
      class: 'auth',
      message: `KICC refused our credentials (HTTP ${status}): check the channel id and secret key.`,
      error: error_,
    };
  }
  if (error !== undefined) return inDoubt(inDoubtReason(error), technical(error));
  if (status === undefined) return inDoubt('the exchange ended without an answer', 'no status');
  if (status >= 500) return inDoubt(`KICC answered HTTP ${status}`, `HTTP ${status}`);
  if (status !== 200) return inDoubt(`unexpected HTTP ${status}`, `HTTP ${status}`);
  return classifyAnswer(endpoint, result.bodyText ?? '');
}

/** KICC's clock minus the PC's, when KICC's Date header says they differ past the notice. */
function clockSkew(result: ExchangeResult): number | undefined {
  if (result.date === undefined || result.receivedAt === undefined) return undefined;
  // a Date that is not a date parses to NaN, and NaN is never past the notice
  const skew = Date.parse(result.date) - result.receivedAt;
  return Math.abs(skew) > CLOCK_SKEW_NOTICE_MS ? skew : undefined;
}

function wrongClock(status: number, skewMs: number): string {
  const advice = wrongClockAdvice(skewMs);
  return `HTTP ${status}: the PC's clock is wrong. ${advice.meaning.en} ${advice.hint.en}`;
}

function classifyAnswer(endpoint: KiccEndpoint, bodyText: string): Classified {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return inDoubt("KICC's answer is not valid JSON (it may be cut short)", 'invalid JSON');
  }
  const parsed = parseKiccResponse(json);
  if (!parsed.ok) {
    return inDoubt("KICC's answer is not a valid KICC answer", `invalid answer: ${parsed.error}`);
  }
  const response = parsed.value;
  const verdict = kiccCodeVerdict(endpoint, response.respCd);
  return {
    class: verdict.class,
    message: response.respMsg === '' ? verdict.meaning.en : response.respMsg,
    code: response.respCd,
    response,
    verdict,
  };
}
