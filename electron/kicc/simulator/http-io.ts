import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';

/** KICC's requests are a few hundred bytes; anything this big is not one of them. */
export const MAX_BODY_BYTES = 64 * 1024;

export type BodyProblem = 'too-large' | 'aborted';

/** The exact bytes received: the signature is checked over them (KICC-API.md). */
export function readBody(req: IncomingMessage): Promise<Result<Buffer, BodyProblem>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(err('too-large'));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(ok(Buffer.concat(chunks))));
    req.on('aborted', () => resolve(err('aborted')));
    req.on('error', () => resolve(err('aborted')));
  });
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function sendJson(res: ServerResponse, status: number, body: string): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'Content-Type': JSON_CONTENT_TYPE,
    'Content-Length': String(bytes.length),
  });
  res.end(bytes);
}

/** KICC-API.md [A]: authentication failures are answered with NO body at all. */
export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'Content-Length': '0' });
  res.end();
}

export function sendText(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(bytes.length),
    ...headers,
  });
  res.end(bytes);
}

/**
 * An HTTP/1.1 response head written straight to the socket, for the faults that must send
 * something node:http would never send (a body shorter than its Content-Length, a reset in the
 * middle). `Connection: close`: the connection does not survive these.
 */
export function rawJsonHead(contentLength: number, date?: string): Buffer {
  return Buffer.from(
    'HTTP/1.1 200 OK\r\n' +
      (date === undefined ? '' : `Date: ${date}\r\n`) +
      `Content-Type: ${JSON_CONTENT_TYPE}\r\n` +
      `Content-Length: ${contentLength}\r\n` +
      'Connection: close\r\n\r\n',
    'latin1',
  );
}
