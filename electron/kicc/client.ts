import type { LookupFunction } from 'node:net';
import { TextDecoder } from 'node:util';
import type { Clock } from '../../shared/clock';
import type {
  ApproveRequest,
  CancelRequest,
  KiccEndpoint,
  NetCancelRequest,
} from '../../shared/kicc/types';
import { KICC_PATHS } from '../../shared/kicc/types';
import { maskCardFieldsInJson } from '../../shared/slip/card-mask';
import { approveBody, cancelBody, netCancelBody } from './body';
import type { Classified } from './classify';
import { classifyExchange } from './classify';
import type { KiccExchange, KiccOutcome } from './outcome';
import type { KiccCredentials } from './signing';
import { kiccHeaders, newNonce as randomNonce } from './signing';
import type { TransportAnswer, TransportError } from './transport';
import { createTransport } from './transport';

/**
 * The KICC client: one signed POST per call, one keep-alive connection pool, and an outcome for
 * every expected failure (never a throw). See docs/kicc-client.md.
 */

export interface KiccClientOptions {
  /** `https://{API domain}` issued to the merchant (KICC-API.md "Endpoints"); configuration. */
  baseUrl: string;
  /** Read at every request, so new credentials apply at once. null: not set. */
  credentials: () => KiccCredentials | null;
  clock: Clock;
  newNonce?: () => string;
  /** default 5000 */
  connectTimeoutMs?: number;
  /** default 30000, KICC's recommendation (KICC-API.md "Timeouts") */
  readTimeoutMs?: number;
  /** the whole exchange from the first byte sent, default 40000 (issue 9; ./transport.ts) */
  exchangeDeadlineMs?: number;
  /** Structured events; fields never hold secrets or request headers. */
  log?: (event: string, fields: Record<string, unknown>) => void;
  /** Name resolution; default the OS resolver. Tests inject a silent or failing one. */
  lookup?: LookupFunction;
}

export interface KiccClient {
  /** reqCancel: cancel an approved payment in full. */
  cancel(req: CancelRequest): Promise<KiccOutcome>;
  /** reqRtran: net-cancel, with exactly the lost request's data. */
  netCancel(req: NetCancelRequest): Promise<KiccOutcome>;
  /** reqAprv: approvals, for the simulator and tests only. */
  approve(req: ApproveRequest): Promise<KiccOutcome>;
  /** Lets in-flight exchanges finish, then closes the connections. */
  close(): Promise<void>;
}

const CONTENT_TYPE = 'application/json; charset=utf-8';

/** KICC's 30 s read timeout plus room for the answer's body: no exchange outlives this. */
export const DEFAULT_EXCHANGE_DEADLINE_MS = 40_000;

/** Header values must be visible ASCII; anything else would be refused before sending. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/** Too short to redact without mangling ordinary text (a respCd is 4 characters). */
const MIN_REDACTED_LENGTH = 6;

export function createKiccClient(options: KiccClientOptions): KiccClient {
  const origin = parseOrigin(options.baseUrl);
  const log = options.log ?? (() => undefined);
  const nonce = options.newNonce ?? randomNonce;
  const transport = createTransport({
    connectTimeoutMs: options.connectTimeoutMs ?? 5000,
    readTimeoutMs: options.readTimeoutMs ?? 30_000,
    exchangeDeadlineMs: options.exchangeDeadlineMs ?? DEFAULT_EXCHANGE_DEADLINE_MS,
    ...(options.lookup ? { lookup: options.lookup } : {}),
  });

  async function send(
    endpoint: KiccEndpoint,
    mercTrxNo: string,
    body: string,
  ): Promise<KiccOutcome> {
    const path = KICC_PATHS[endpoint];
    const sentAt = options.clock.now();
    const started = { endpoint, path, mercTrxNo, requestBody: body, sentAt };

    const credentials = readCredentials(options.credentials);
    if (!credentials.ok) {
      log('kicc.not-sent.credentials', { endpoint, mercTrxNo, reason: credentials.reason });
      return {
        class: 'auth',
        message: `Not sent: ${credentials.reason}. A manager must enter the KICC credentials.`,
        exchange: { ...started, endedAt: options.clock.now(), error: credentials.reason },
      };
    }
    const redact = redactor(credentials.value);
    const headers = {
      'Content-Type': CONTENT_TYPE,
      ...kiccHeaders({
        credentials: credentials.value,
        path,
        body,
        timestampMs: sentAt,
        nonce: nonce(),
      }),
    };

    log('kicc.request', { endpoint, path, mercTrxNo, bytes: Buffer.byteLength(body) });
    const answer = await transport.post({ origin, path, headers, body });
    const endedAt = options.clock.now();

    // KICC's card field is masked before anything reads or keeps the answer (issue 11 finding 6)
    const bodyText =
      answer.body === undefined ? undefined : maskCardFieldsInJson(redact(decode(answer)));
    const classified = classifyExchange(endpoint, {
      reachedSocket: answer.reachedSocket,
      ...(answer.status === undefined ? {} : { status: answer.status }),
      ...(answer.date === undefined ? {} : { date: answer.date, receivedAt: endedAt }),
      ...(bodyText === undefined ? {} : { bodyText }),
      ...(answer.error === undefined ? {} : { error: redactError(answer.error, redact) }),
    });

    const exchange: KiccExchange = {
      ...started,
      endedAt,
      ...(answer.status === undefined ? {} : { httpStatus: answer.status }),
      ...(bodyText === undefined ? {} : { responseBody: bodyText }),
      ...(classified.error === undefined ? {} : { error: classified.error }),
    };
    logOutcome(log, exchange, classified);
    return {
      class: classified.class,
      ...(classified.code === undefined ? {} : { code: classified.code }),
      message: classified.message,
      ...(classified.response === undefined ? {} : { response: classified.response }),
      ...(classified.clockSkewMs === undefined ? {} : { clockSkewMs: classified.clockSkewMs }),
      exchange,
    };
  }

  return {
    cancel: (req) => send('cancel', req.mercTrxNo, cancelBody(req)),
    netCancel: (req) => send('netCancel', req.mercTrxNo, netCancelBody(req)),
    approve: (req) => send('approve', req.mercTrxNo, approveBody(req)),
    close: () => transport.close(),
  };
}

/** The base URL is configuration checked by settings; a malformed one here is a bug. */
function parseOrigin(baseUrl: string): string {
  const url = new URL(baseUrl);
  const onlyOrigin = url.pathname === '/' && url.search === '' && url.hash === '';
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !onlyOrigin || url.username) {
    throw new Error('KICC base URL must be http(s)://host[:port] with nothing after it');
  }
  return url.origin;
}

type CredentialsRead = { ok: true; value: KiccCredentials } | { ok: false; reason: string };

function readCredentials(source: () => KiccCredentials | null): CredentialsRead {
  let credentials: KiccCredentials | null;
  try {
    credentials = source();
  } catch {
    // The store's error text could quote what it failed to decrypt: not repeated here.
    return { ok: false, reason: 'KICC credentials could not be read' };
  }
  if (credentials === null || credentials.channelId === '' || credentials.secretKey === '') {
    return { ok: false, reason: 'KICC credentials are not set' };
  }
  if (!HEADER_SAFE.test(credentials.channelId)) {
    return { ok: false, reason: 'the KICC channel id has characters a header cannot carry' };
  }
  return { ok: true, value: credentials };
}

/**
 * Secrets never appear in logs, error texts or results (preamble; DESIGN.md). Our own texts never
 * include them; this also covers an error message or an answer that quotes one back.
 */
function redactor(credentials: KiccCredentials): (text: string) => string {
  const secrets = [credentials.channelId, credentials.secretKey].filter(
    (secret) => secret.length >= MIN_REDACTED_LENGTH,
  );
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}

const redactError = (error: TransportError, redact: (text: string) => string): TransportError => ({
  ...error,
  message: redact(error.message),
});

/** KICC documents UTF-8 for requests; an answer declaring another charset is decoded by it. */
function decode(answer: TransportAnswer): string {
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(answer.contentType ?? '')?.[1] ?? 'utf-8';
  let decoder = UTF8;
  if (!UTF8_LABELS.has(charset.toLowerCase())) {
    try {
      decoder = new TextDecoder(charset);
    } catch {
      // an unknown label: read as UTF-8
    }
  }
  return decoder.decode(answer.body);
}

/** decode() without `stream` keeps no state between calls, so one decoder serves every answer */
const UTF8 = new TextDecoder('utf-8');
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

function logOutcome(
  log: NonNullable<KiccClientOptions['log']>,
  exchange: KiccExchange,
  classified: Classified,
): void {
  const { endpoint, mercTrxNo } = exchange;
  log('kicc.outcome', {
    endpoint,
    mercTrxNo,
    class: classified.class,
    code: classified.code,
    httpStatus: exchange.httpStatus,
    ms: exchange.endedAt - exchange.sentAt,
    error: classified.error,
  });
  const verdict = classified.verdict;
  if (verdict === undefined) return;
  const loud = { endpoint, mercTrxNo, code: verdict.code, respMsg: classified.message };
  // S008: KICC says our request was malformed: a bug of ours (KICC-API.md "Result codes").
  if (verdict.ourBug) log('kicc.our-bug', loud);
  if (!verdict.known) log('kicc.unknown-code', loud);
  if (verdict.needsReview) log('kicc.needs-review', loud);
}
