import { request } from 'node:http';
import { connect } from 'node:net';
import type { IncomingHttpHeaders } from 'node:http';
import { kstDateTime } from '../../../shared/kicc/time';
import type { CancelRequest, KiccEndpoint, NetCancelRequest } from '../../../shared/kicc/types';
import { KICC_PATHS } from '../../../shared/kicc/types';
import type { KiccCredentials } from '../../../electron/kicc/signing';
import { kiccHeaders, newNonce } from '../../../electron/kicc/signing';
import type { KiccSimulator, SimOriginal } from '../../../electron/kicc/simulator';

/**
 * Test helpers: requests signed with the project's own signing (electron/kicc/signing.ts) and
 * sent over a fresh loopback connection, reporting exactly what the socket delivered, so the
 * tests can tell "an answer", "a broken answer" and "no answer" apart.
 */
export type Exchange =
  | { kind: 'answer'; status: number; headers: IncomingHttpHeaders; body: string }
  /** the connection failed: before any response (no status) or in the middle of one */
  | { kind: 'broken'; code: string; status?: number; partialBody: string };

export function send(
  url: string,
  path: string,
  body: string,
  headers: Record<string, string>,
  method = 'POST',
  /** give up (destroy the socket) after this many ms without a complete answer: 'TIMEOUT' */
  giveUpAfterMs?: number,
): Promise<Exchange> {
  return new Promise((resolve) => {
    const req = request(`${url}${path}`, {
      method,
      agent: false,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(Buffer.byteLength(body)),
        ...headers,
      },
    });
    const broken = (error: NodeJS.ErrnoException, status?: number, partial = ''): void =>
      resolve({ kind: 'broken', code: error.code ?? error.message, status, partialBody: partial });
    req.on('error', (error: NodeJS.ErrnoException) => broken(error));
    if (giveUpAfterMs !== undefined) {
      const timer = setTimeout(() => {
        broken(Object.assign(new Error('gave up'), { code: 'TIMEOUT' }));
        req.destroy();
      }, giveUpAfterMs);
      req.on('close', () => clearTimeout(timer));
    }
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      const partial = (): string => Buffer.concat(chunks).toString('utf8');
      res.on('error', (error: NodeJS.ErrnoException) => broken(error, res.statusCode, partial()));
      res.on('end', () =>
        resolve({
          kind: 'answer',
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: partial(),
        }),
      );
    });
    req.end(body);
  });
}

export interface SignOptions {
  credentials?: KiccCredentials;
  timestampMs?: number;
  nonce?: string;
  /** sign this instead of the body sent (a client that re-serialises) */
  signedBody?: string;
  giveUpAfterMs?: number;
}

export function signed(
  sim: KiccSimulator,
  endpoint: KiccEndpoint,
  body: string,
  timestampMs: number,
  options: SignOptions = {},
): Promise<Exchange> {
  const path = KICC_PATHS[endpoint];
  const headers = kiccHeaders({
    credentials: options.credentials ?? sim.credentials,
    path,
    body: options.signedBody ?? body,
    timestampMs: options.timestampMs ?? timestampMs,
    nonce: options.nonce ?? newNonce(),
  });
  return send(sim.url, path, body, headers, 'POST', options.giveUpAfterMs);
}

/** A signed request that must come back as HTTP 200 JSON; answers the parsed JSON. */
export async function kicc(
  sim: KiccSimulator,
  endpoint: KiccEndpoint,
  payload: object,
  nowMs: number,
): Promise<Record<string, unknown>> {
  const exchange = await signed(sim, endpoint, JSON.stringify(payload), nowMs);
  if (exchange.kind !== 'answer' || exchange.status !== 200) {
    throw new Error(`expected HTTP 200, got ${JSON.stringify(exchange)}`);
  }
  return JSON.parse(exchange.body) as Record<string, unknown>;
}

/** A clock the test moves by hand. */
export interface TestClock {
  now(): number;
  set(epochMs: number): void;
  advance(ms: number): void;
}

export function testClock(start: number): TestClock {
  let t = start;
  return {
    now: () => t,
    set: (epochMs) => {
      t = epochMs;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/** 2024-03-15 14:30:00 KST */
export const T0 = Date.UTC(2024, 2, 15, 5, 30, 0);
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

let cancelSeq = 0;

/** A correct reqCancel of `original`, sent at `nowMs`, with a fresh mercTrxNo. */
export function cancelOf(
  original: SimOriginal,
  nowMs: number,
  overrides: Partial<CancelRequest> = {},
): CancelRequest {
  const sent = kstDateTime(nowMs);
  cancelSeq += 1;
  return {
    tid: original.tid,
    svcId: original.svcId,
    bizrNo: original.bizrNo,
    mercTrxNo: `CANCEL_${sent.date}_${String(cancelSeq).padStart(6, '0')}`,
    wcc: 'T',
    cndTrxNo: original.vanTrxNo,
    alotMonth: original.alotMonth,
    trxAmt: original.trxAmt,
    vatAmt: original.vatAmt,
    svcAmt: original.svcAmt,
    tranDt: sent.date,
    tranTm: sent.time,
    orgAprvDt: original.aprvDt,
    orgAprvNo: original.aprvNo,
    ...overrides,
  };
}

/** The reqRtran that verifies `lost`: its own mercTrxNo, amounts and send date/time. */
export function netCancelOf(lost: CancelRequest): NetCancelRequest {
  return {
    tid: lost.tid,
    svcId: lost.svcId,
    bizrNo: lost.bizrNo,
    mercTrxNo: lost.mercTrxNo,
    alotMonth: lost.alotMonth,
    trxAmt: lost.trxAmt,
    vatAmt: lost.vatAmt,
    svcAmt: lost.svcAmt,
    tranDt: lost.tranDt,
    tranTm: lost.tranTm,
  };
}

/**
 * The same request over a bare TCP socket, to see HOW the connection ended: an orderly close
 * (FIN: 'end') or a reset (RST: 'ECONNRESET'), which node:http's client reports alike.
 */
export function sendOverTcp(
  sim: KiccSimulator,
  endpoint: KiccEndpoint,
  body: string,
  timestampMs: number,
): Promise<{ received: string; ending: string }> {
  const path = KICC_PATHS[endpoint];
  const headers = kiccHeaders({
    credentials: sim.credentials,
    path,
    body,
    timestampMs,
    nonce: newNonce(),
  });
  const head = [
    `POST ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${sim.port}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve) => {
    const socket = connect(sim.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = (ending: string): void =>
      resolve({ received: Buffer.concat(chunks).toString('utf8'), ending });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => done('end'));
    socket.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    socket.write(head + body);
  });
}
