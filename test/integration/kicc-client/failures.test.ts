import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, LookupFunction, Socket } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cancelBody } from '../../../electron/kicc/body';
import type { KiccClient, KiccClientOptions } from '../../../electron/kicc/client';
import { createKiccClient } from '../../../electron/kicc/client';
import type { KiccOutcome } from '../../../electron/kicc/outcome';
import type { CancelRequest } from '../../../shared/kicc/types';
import { SEED_REQUEST_EXAMPLE } from '../../fixtures/seed-examples';
import type { CapturedRequest, StubServer } from './stub-servers';
import { closedPort, httpAnswer, startRawStub } from './stub-servers';

/**
 * KICC-API.md "Error classes the client must tell apart", over REAL loopback sockets. Every
 * misbehaviour is a few lines of a raw node:net server; every case checks the class, that the
 * recorded request body is the exact body, and that the raw answer is kept when any came back.
 */

const request = JSON.parse(SEED_REQUEST_EXAMPLE) as CancelRequest;
const BODY = cancelBody(request);
const READ_TIMEOUT_MS = 300;
const CREDENTIALS = { channelId: 'CH_FAIL_0001', secretKey: 'sk_fail_test_key' };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function newClient(baseUrl: string, overrides: Partial<KiccClientOptions> = {}): KiccClient {
  const client = createKiccClient({
    baseUrl,
    credentials: () => CREDENTIALS,
    clock: { now: () => 1_700_000_000_000 },
    connectTimeoutMs: 1000,
    readTimeoutMs: READ_TIMEOUT_MS,
    ...overrides,
  });
  cleanups.push(() => client.close());
  return client;
}

async function raw(behave: (req: CapturedRequest, socket: Socket) => void): Promise<StubServer> {
  const stub = await startRawStub(behave);
  cleanups.push(() => stub.close());
  return stub;
}

const json = (respCd: string, respMsg = 'msg'): string => JSON.stringify({ respCd, respMsg });

function expectExchange(outcome: KiccOutcome, expected: Partial<KiccOutcome['exchange']>): void {
  expect(outcome.exchange.requestBody).toBe(BODY);
  expect(outcome.exchange.mercTrxNo).toBe(request.mercTrxNo);
  expect(outcome.exchange.httpStatus).toBe(expected.httpStatus);
  expect(outcome.exchange.responseBody).toBe(expected.responseBody);
}

interface AnsweredCase {
  name: string;
  behave: (socket: Socket) => void;
  class: KiccOutcome['class'];
  httpStatus?: number;
  responseBody?: string;
  error?: RegExp;
  code?: string;
}

const HEAD_200_LEN_100 =
  'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n';
const HALF = '{"respCd":"0000","resp';

const ANSWERED: AnsweredCase[] = [
  {
    name: 'the server destroys the socket after reading the request',
    behave: (s) => s.destroy(),
    class: 'in-doubt',
    error: /^UND_ERR_SOCKET: /,
  },
  {
    name: 'the server never answers (read timeout on the headers)',
    behave: () => undefined,
    class: 'in-doubt',
    error: /^UND_ERR_HEADERS_TIMEOUT: /,
  },
  {
    name: 'the body stops half way (read timeout on the body)',
    behave: (s) => s.write(HEAD_200_LEN_100 + HALF),
    class: 'in-doubt',
    httpStatus: 200,
    responseBody: HALF,
    error: /^UND_ERR_BODY_TIMEOUT: /,
  },
  {
    name: 'half the announced body, then close',
    behave: (s) => s.end(HEAD_200_LEN_100 + HALF),
    class: 'in-doubt',
    httpStatus: 200,
    responseBody: HALF,
  },
  {
    name: 'half a body without Content-Length, then close (looks complete: truncated JSON)',
    behave: (s) => s.end(`HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n${HALF}`),
    class: 'in-doubt',
    httpStatus: 200,
    responseBody: HALF,
    error: /^invalid JSON$/,
  },
  {
    name: 'reset in the middle of the answer',
    behave: (s) => {
      s.write(HEAD_200_LEN_100 + HALF);
      setImmediate(() => s.resetAndDestroy());
    },
    class: 'in-doubt',
    httpStatus: 200,
    responseBody: HALF,
  },
  {
    name: 'corrupt JSON',
    behave: (s) => s.write(httpAnswer(200, '{"respCd":"0000",,}')),
    class: 'in-doubt',
    httpStatus: 200,
    responseBody: '{"respCd":"0000",,}',
    error: /^invalid JSON$/,
  },
  {
    name: 'JSON that is not a KICC answer (respCd missing)',
    behave: (s) => s.write(httpAnswer(200, '{"result":"ok"}')),
    class: 'in-doubt',
    httpStatus: 200,
    responseBody: '{"result":"ok"}',
    error: /^invalid answer: respCd: missing$/,
  },
  {
    name: 'not HTTP at all',
    behave: (s) => s.end('SSH-2.0-OpenSSH_9.2\r\n'),
    class: 'in-doubt',
    error: /^(HPE_|HTTPParserError)/,
  },
  ...[500, 502, 503].map((status) => ({
    name: `HTTP ${status}`,
    behave: (s: Socket) => s.write(httpAnswer(status, '{"error":"busy"}')),
    class: 'in-doubt' as const,
    httpStatus: status,
    responseBody: '{"error":"busy"}',
    error: new RegExp(`^HTTP ${status}$`),
  })),
  {
    name: 'HTTP 401 without a body',
    behave: (s) => s.write(httpAnswer(401, '')),
    class: 'auth',
    httpStatus: 401,
  },
  {
    name: 'HTTP 403 with a body',
    behave: (s) => s.write(httpAnswer(403, 'forbidden')),
    class: 'auth',
    httpStatus: 403,
    responseBody: 'forbidden',
  },
  ...[302, 400, 404].map((status) => ({
    name: `HTTP ${status} (not provably unprocessed)`,
    behave: (s: Socket) => s.write(httpAnswer(status, 'nope', ['Location: /elsewhere'])),
    class: 'in-doubt' as const,
    httpStatus: status,
    responseBody: 'nope',
  })),
  ...(
    [
      ['0000', 'ok'],
      ['S001', 'rejected'],
      ['S002', 'already-cancelled'],
      ['S003', 'rejected'],
      ['S004', 'rejected'],
      ['S005', 'duplicate'],
      ['S008', 'rejected'],
      ['S999', 'retryable'],
      ['S006', 'rejected'], // a net-cancel code on reqCancel
      ['X777', 'rejected'], // unknown: "anything else = a failure reason"
    ] as const
  ).map(([respCd, cls]) => ({
    name: `HTTP 200 respCd ${respCd}`,
    behave: (s: Socket) => s.write(httpAnswer(200, json(respCd))),
    class: cls,
    httpStatus: 200,
    responseBody: json(respCd),
    code: respCd,
  })),
];

describe('classification of answered and half-answered exchanges', () => {
  it.each(ANSWERED)('$name -> $class', async (c) => {
    const stub = await raw((_req, socket) => c.behave(socket));
    const events: { event: string; fields: Record<string, unknown> }[] = [];
    const client = newClient(stub.url, { log: (event, fields) => events.push({ event, fields }) });

    const outcome = await client.cancel(request);

    expect(outcome.class).toBe(c.class);
    expect(outcome.code).toBe(c.code);
    expectExchange(outcome, { httpStatus: c.httpStatus, responseBody: c.responseBody });
    if (c.error) expect(outcome.exchange.error).toMatch(c.error);
    // It got there exactly once: undici never retries a POST.
    expect(stub.requests.map((r) => r.rawBody.toString('utf8'))).toEqual([BODY]);
    expect(events).toContainEqual({
      event: 'kicc.outcome',
      fields: expect.objectContaining({ class: c.class, mercTrxNo: request.mercTrxNo }),
    });
  });
});

describe('the keep-alive pitfall', () => {
  it('a reused connection the server drops on the next request is in doubt, and not retried', async () => {
    let served = 0;
    const stub = await raw((_req, socket) => {
      served += 1;
      if (served === 1) socket.write(httpAnswer(200, json('0000')));
      else socket.destroy();
    });
    const client = newClient(stub.url);
    expect((await client.cancel(request)).class).toBe('ok');
    await new Promise((resolve) => setImmediate(resolve)); // let undici pool the socket again

    const outcome = await client.cancel(request);

    expect(outcome.class).toBe('in-doubt');
    expectExchange(outcome, {});
    expect(stub.requests.map((r) => r.connection)).toEqual([0, 0]);
    expect(stub.connections()).toBe(1);
  });
});

describe('classification of exchanges where nothing reached KICC', () => {
  async function expectNotSent(outcome: KiccOutcome, error: RegExp): Promise<void> {
    expect(outcome.class).toBe('not-sent');
    expect(outcome.message).toMatch(/safe to send again/);
    expect(outcome.exchange.error).toMatch(error);
    expectExchange(outcome, {});
  }

  it('connection refused (a closed loopback port)', async () => {
    const client = newClient(`http://127.0.0.1:${await closedPort()}`);
    await expectNotSent(await client.cancel(request), /^ECONNREFUSED: /);
  });

  it('DNS failure (the resolver says the name does not exist)', async () => {
    const lookup: LookupFunction = (hostname, _options, callback) => {
      const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
        code: 'ENOTFOUND',
      });
      callback(error, '', 4);
    };
    const client = newClient('http://kicc.example.test:8443', { lookup });
    await expectNotSent(await client.cancel(request), /^ENOTFOUND: /);
  });

  it('connect timeout (the resolver never answers, so the connection never opens)', async () => {
    // Honest and loopback-free: undici's own connect timer runs against a socket stuck before
    // connecting; only name resolution is stubbed.
    const pending: unknown[] = [];
    const lookup: LookupFunction = (_hostname, _options, callback) => pending.push(callback);
    const client = newClient('http://kicc.example.test:8443', { lookup, connectTimeoutMs: 100 });
    await expectNotSent(await client.cancel(request), /^UND_ERR_CONNECT_TIMEOUT: /);
    expect(pending).toHaveLength(1);
  });

  it('TLS handshake failure: the server speaks plain HTTP', async () => {
    const received: Buffer[] = [];
    const server = createNetServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', (chunk: Buffer) => {
        received.push(chunk);
        socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const client = newClient(`https://127.0.0.1:${(server.address() as AddressInfo).port}`);

    await expectNotSent(await client.cancel(request), /^(EPROTO|ERR_SSL_)/);
    // Only a TLS ClientHello (record type 0x16) went out, never our request.
    expect(received[0]?.[0]).toBe(0x16);
    expect(Buffer.concat(received).includes(request.mercTrxNo)).toBe(false);
  });

  it('TLS handshake failure: the certificate is not trusted', async () => {
    const { key, cert } = selfSignedCertificate();
    let requests = 0;
    const server = createHttpsServer({ key, cert }, (_req, res) => {
      requests += 1;
      res.end(json('0000'));
    });
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const client = newClient(`https://127.0.0.1:${(server.address() as AddressInfo).port}`);

    await expectNotSent(await client.cancel(request), /^(DEPTH_ZERO_SELF_SIGNED_CERT|ERR_TLS_)/);
    expect(requests).toBe(0);
  });

  it('the connection closes during the TLS handshake', async () => {
    const server = createNetServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const client = newClient(`https://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await expectNotSent(await client.cancel(request), /^(ECONNRESET|UND_ERR_SOCKET|EPIPE)/);
  });

  it('the client was already closed', async () => {
    const stub = await raw((_req, socket) => socket.write(httpAnswer(200, json('0000'))));
    const client = newClient(stub.url);
    await client.close();
    await expectNotSent(await client.cancel(request), /^UND_ERR_(CLOSED|DESTROYED): /);
    expect(stub.connections()).toBe(0);
  });
});

/** A throwaway self-signed certificate for 127.0.0.1, made by openssl. */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kicc-tls-'));
  try {
    const [keyFile, certFile] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    const result = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
      ].concat(['-subj', '/CN=127.0.0.1', '-days', '1', '-keyout', keyFile, '-out', certFile]),
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr}`);
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('7. No overall time limit on one exchange', () => {
  it('one byte every 100 ms: in doubt at the exchange deadline, the socket closed', async () => {
    const { startTrickleStub } = await import('./stub-servers');
    const stub = await startTrickleStub(100);
    cleanups.push(() => stub.close());
    const client = newClient(stub.url, { exchangeDeadlineMs: 800 });
    const started = Date.now();
    const outcome = await client.cancel(request);
    const took = Date.now() - started;
    expect(outcome.class).toBe('in-doubt');
    expect(outcome.exchange.error).toMatch(/^KICC_EXCHANGE_DEADLINE/);
    expect(outcome.exchange.httpStatus).toBe(200);
    // the read timeout (300 ms) never fired: every silence was shorter
    expect(took).toBeGreaterThanOrEqual(700);
    expect(took).toBeLessThan(5000);
    expectExchange(outcome, { httpStatus: 200, responseBody: outcome.exchange.responseBody });
    expect(outcome.exchange.responseBody?.startsWith('{')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stub.closedByClient()).toBe(1);
  });

  it('an exchange that ends in time is not cut', async () => {
    const stub = await raw((_req, socket) => {
      setTimeout(() => socket.write(httpAnswer(200, json('0000'))), 200);
    });
    const client = newClient(stub.url, { exchangeDeadlineMs: 1000 });
    expect((await client.cancel(request)).class).toBe('ok');
  });
});

describe("10. A 401 with KICC's Date header", () => {
  const NOW = 1_700_000_000_000;
  it.each([
    ['7 minutes ahead of the PC', NOW + 420_000, 420_000],
    ['the same time', NOW, undefined],
  ])("KICC's clock %s", async (_name, kicc, skew) => {
    const date = new Date(kicc).toUTCString();
    const stub = await raw((_req, socket) => socket.write(httpAnswer(401, '', [`Date: ${date}`])));
    const outcome = await newClient(stub.url).cancel(request);
    expect(outcome.class).toBe('auth');
    expect(outcome.clockSkewMs).toBe(skew);
    if (skew === undefined) expect(outcome.message).toMatch(/refused our credentials/);
    else expect(outcome.message).toMatch(/clock is wrong/);
  });
});
