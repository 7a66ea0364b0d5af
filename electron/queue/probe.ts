import { connect } from 'node:net';

/**
 * The cheap connectivity probe (DESIGN.md "The queue": "a cheap probe of the KICC host"): a TCP
 * connect to KICC's host and port, closed at once. No request is sent, so nothing is signed or
 * logged at KICC; a connect that succeeds means the next exchange can at least reach KICC.
 */
export function tcpProbe(baseUrl: string, timeoutMs = 3000): () => Promise<boolean> {
  const url = new URL(baseUrl);
  const port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return () =>
    new Promise<boolean>((resolve) => {
      const socket = connect({ host, port, timeout: timeoutMs });
      const done = (reachable: boolean) => {
        socket.destroy();
        resolve(reachable);
      };
      socket.once('connect', () => done(true));
      socket.once('timeout', () => done(false));
      socket.once('error', () => done(false));
    });
}
