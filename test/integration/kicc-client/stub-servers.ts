import { createServer as createHttpServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createServer as createNetServer } from 'node:net';

/**
 * Small KICC stand-ins for the client's tests, on loopback only, port 0 (the OS picks). The
 * well-behaved one is node:http; the misbehaving ones are raw node:net, so a test controls every
 * byte and every close.
 */

export interface CapturedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** the exact bytes received */
  rawBody: Buffer;
  /** which TCP connection carried it (0, 1, ...) */
  connection: number;
}

export interface StubServer {
  url: string;
  port: number;
  requests: CapturedRequest[];
  /** TCP connections accepted so far */
  connections: () => number;
  close: () => Promise<void>;
}

const listen = async (
  server: ReturnType<typeof createNetServer> | ReturnType<typeof createHttpServer>,
): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

/** node:http server; `respond` answers each captured request. */
export async function startHttpStub(
  respond: (req: CapturedRequest, res: ServerResponse) => void,
): Promise<StubServer> {
  const requests: CapturedRequest[] = [];
  const sockets = new Map<Socket, number>();
  const server = createHttpServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const captured: CapturedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        rawBody: Buffer.concat(chunks),
        connection: sockets.get(req.socket) ?? -1,
      };
      requests.push(captured);
      respond(captured, res);
    });
  });
  server.on('connection', (socket: Socket) => sockets.set(socket, sockets.size));
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    connections: () => sockets.size,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Raw TCP server that reads HTTP/1.1 requests (Content-Length bodies) and hands each one, with its
 * socket, to `behave`. Whatever `behave` writes, or does to the socket, is what the client gets.
 */
export async function startRawStub(
  behave: (req: CapturedRequest, socket: Socket) => void,
  onConnection?: (socket: Socket) => void,
): Promise<StubServer> {
  const requests: CapturedRequest[] = [];
  const open = new Set<Socket>();
  let accepted = 0;
  const server = createNetServer((socket) => {
    const connection = accepted++;
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => undefined);
    onConnection?.(socket);
    let buffered: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const parsed = parseRequest(buffered, connection);
        if (parsed === undefined) return;
        buffered = parsed.rest;
        requests.push(parsed.request);
        behave(parsed.request, socket);
      }
    });
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    connections: () => accepted,
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function parseRequest(
  buffered: Buffer,
  connection: number,
): { request: CapturedRequest; rest: Buffer } | undefined {
  const end = buffered.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [requestLine = '', ...lines] = buffered.subarray(0, end).toString('latin1').split('\r\n');
  const headers: IncomingHttpHeaders = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  if (buffered.length < end + 4 + length) return undefined;
  const [method = '', path = ''] = requestLine.split(' ');
  return {
    request: {
      method,
      path,
      headers,
      rawBody: Buffer.from(buffered.subarray(end + 4, end + 4 + length)),
      connection,
    },
    rest: Buffer.from(buffered.subarray(end + 4 + length)),
  };
}

/** A full HTTP/1.1 answer with Content-Length, keeping the connection open. */
export function httpAnswer(status: number, body: string, headers: string[] = []): string {
  return [
    `HTTP/1.1 ${status} Status`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: keep-alive',
    ...headers,
    '',
    body,
  ].join('\r\n');
}

/** A port nothing listens on: bind one, note it, close it. */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * An HTTP 200 answer that never ends: its head, then one byte every `everyMs` (issue 9,
 * sequence 7). Each silence is short, so only an overall deadline ends the exchange.
 */
export async function startTrickleStub(
  everyMs: number,
): Promise<StubServer & { closedByClient: () => number }> {
  const timers = new Set<ReturnType<typeof setInterval>>();
  let closedByClient = 0;
  const stub = await startHttpStub((_req, res) => {
    res.on('close', () => {
      if (!res.writableEnded) closedByClient += 1;
    });
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    res.write('{');
    const timer = setInterval(() => {
      if (res.destroyed) {
        clearInterval(timer);
        timers.delete(timer);
        return;
      }
      res.write(' ');
    }, everyMs);
    timers.add(timer);
  });
  return {
    ...stub,
    closedByClient: () => closedByClient,
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      await stub.close();
    },
  };
}
