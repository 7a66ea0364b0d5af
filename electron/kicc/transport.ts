import type { LookupFunction } from 'node:net';
import { Agent } from 'undici';
import type { Dispatcher } from 'undici';

/**
 * One HTTP POST over one keep-alive undici Agent, reporting exactly how far it got. The one fact
 * the error classes hinge on (KICC-API.md "Error classes") is whether any request byte may have
 * reached KICC. undici tells us structurally: it calls the handler's onRequestStart right before
 * it writes the request on an open (TCP and, for https, TLS-established) socket, and never
 * before. So:
 *   - a failure before onRequestStart (DNS, refused, connect timeout, TLS handshake, client
 *     closed) provably sent nothing: `reachedSocket: false`;
 *   - a failure after it may have been processed: `reachedSocket: true`, whatever the error.
 * This also covers the keep-alive pitfall: a reused idle socket that KICC closed just as we
 * wrote fails with a socket error AFTER onRequestStart, so it counts as in doubt, which is safe.
 * undici does not retry a POST (not idempotent), so one call is at most one request on the wire.
 */

export interface TransportOptions {
  connectTimeoutMs: number;
  readTimeoutMs: number;
  /**
   * The whole exchange, from the request on the socket to the answer's last byte (issue 9,
   * sequence 7): the read timeouts only bound silences, so an answer trickling in one byte at a
   * time would hold an exchange open forever. At the deadline the socket is destroyed: in doubt.
   */
  exchangeDeadlineMs: number;
  /** Name resolution; default the OS resolver. Tests inject a silent or failing resolver. */
  lookup?: LookupFunction;
}

export interface TransportRequest {
  origin: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface TransportError {
  /** Node / undici error code (ECONNREFUSED, UND_ERR_HEADERS_TIMEOUT, ...), when there is one */
  code?: string;
  name: string;
  message: string;
}

export interface TransportAnswer {
  /** the request was handed to an open socket: bytes may have reached the server */
  reachedSocket: boolean;
  status?: number;
  contentType?: string;
  /** the answer's Date header (KICC's clock), when it had one */
  date?: string;
  /** every body byte received, even when the exchange then failed */
  body?: Buffer;
  /** set when the exchange did not complete */
  error?: TransportError;
}

/** KICC answers are small JSON objects; a huge body is an answer we would not trust anyway. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

export interface Transport {
  post(request: TransportRequest): Promise<TransportAnswer>;
  close(): Promise<void>;
}

export function createTransport(options: TransportOptions): Transport {
  const agent = new Agent({
    connect: {
      // Explicit (issue 11 finding 5): Node takes the default from NODE_TLS_REJECT_UNAUTHORIZED,
      // which any Windows user can set for their own account; an explicit `true` wins over it.
      // NODE_EXTRA_CA_CERTS cannot be overridden here (Node reads it once, at start): live mode
      // refuses to start while either is set (./tls-environment.ts).
      rejectUnauthorized: true,
      timeout: options.connectTimeoutMs,
      ...(options.lookup ? { lookup: options.lookup } : {}),
    },
    // KICC recommends a 30 s read timeout (KICC-API.md "Timeouts"): the wait for the answer's
    // headers, and any silence while its body arrives.
    headersTimeout: options.readTimeoutMs,
    bodyTimeout: options.readTimeoutMs,
    maxResponseSize: MAX_RESPONSE_BYTES,
    // HTTP/1.1 only: the reached-socket rule above is proven for undici's h1 writer.
    allowH2: false,
  });
  let closing: Promise<void> | undefined;

  return {
    post: (request) => post(agent, request, options.exchangeDeadlineMs),
    close: () => {
      closing ??= agent.close();
      return closing;
    },
  };
}

/** The code of the error an exchange ends with at its deadline (./classify.ts words it). */
export const EXCHANGE_DEADLINE = 'KICC_EXCHANGE_DEADLINE';

function deadlineError(ms: number): Error {
  return Object.assign(new Error(`no complete answer within ${ms} ms of sending`), {
    name: 'ExchangeDeadlineError',
    code: EXCHANGE_DEADLINE,
  });
}

function post(
  agent: Dispatcher,
  request: TransportRequest,
  deadlineMs: number,
): Promise<TransportAnswer> {
  return new Promise((resolve) => {
    const answer: TransportAnswer = { reachedSocket: false };
    const chunks: Buffer[] = [];
    let done = false;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    const finish = (error?: unknown): void => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      if (chunks.length > 0) answer.body = Buffer.concat(chunks);
      if (error !== undefined) answer.error = describeError(error);
      resolve(answer);
    };
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart: (controller) => {
        answer.reachedSocket = true;
        // from the first byte on the socket; aborting destroys the socket (undici), and the
        // handler's onResponseError then ends the exchange: in doubt, since it was sent
        deadline = setTimeout(() => controller.abort(deadlineError(deadlineMs)), deadlineMs);
        deadline.unref();
      },
      onResponseStart: (_controller, statusCode, headers) => {
        // 1xx interim answers come first and carry no body; the final status overwrites them.
        answer.status = statusCode;
        const contentType = headers['content-type'];
        if (typeof contentType === 'string') answer.contentType = contentType;
        const date = headers.date;
        if (typeof date === 'string') answer.date = date;
      },
      onResponseData: (_controller, chunk) => {
        chunks.push(chunk);
      },
      onResponseEnd: () => finish(),
      onResponseError: (_controller, error) => finish(error),
    };
    try {
      agent.dispatch(
        {
          origin: request.origin,
          path: request.path,
          method: 'POST',
          headers: request.headers,
          body: request.body,
        },
        handler,
      );
    } catch (error) {
      // undici validates options synchronously (e.g. an invalid header value): nothing was sent.
      finish(error);
    }
  });
}

const errorCode = (error: Error): string | undefined => {
  const code: unknown = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * Node's happy-eyeballs connect (autoSelectFamily) reports an AggregateError whose message can
 * be empty; the first attempt's error says what happened.
 */
export function describeError(error: unknown): TransportError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const inner =
    error instanceof AggregateError && error.errors[0] instanceof Error ? error.errors[0] : error;
  const code = errorCode(error) ?? errorCode(inner);
  const message = error.message || inner.message;
  return code === undefined ? { name: error.name, message } : { code, name: error.name, message };
}
