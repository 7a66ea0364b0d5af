import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { KiccCredentials } from '../signing';
import type { NonceCache } from './nonce-cache';
import type { AuthFailureReason } from './types';

/**
 * KICC request authentication, server side (KICC-API.md "Authentication headers"):
 *   X-KICC-Authorization = Base64(HMAC-SHA256(SecretKey, ChannelId + path + Timestamp + Nonce + body))
 * over the EXACT bytes received (never a re-serialisation), so a client that signs one string
 * and sends another is caught here as it would be at KICC.
 *
 * Checks run cheapest first; the nonce is claimed last, only for a correctly signed request,
 * so a forged request cannot burn a nonce the real client is about to use.
 */
export interface AuthInput {
  headers: IncomingHttpHeaders;
  path: string;
  rawBody: Buffer;
  credentials: KiccCredentials;
  now: number;
  skewMs: number;
  nonces: NonceCache;
}

const single = (value: string | string[] | undefined): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

export function verifyKiccAuth(input: AuthInput): Result<void, AuthFailureReason> {
  // Node lower-cases incoming header names.
  const channelId = single(input.headers['x-kicc-channelid']);
  const timestamp = single(input.headers['x-kicc-timestamp']);
  const nonce = single(input.headers['x-kicc-nonce']);
  const signature = single(input.headers['x-kicc-authorization']);
  if (
    channelId === undefined ||
    timestamp === undefined ||
    nonce === undefined ||
    signature === undefined
  ) {
    return err('missing-header');
  }
  if (channelId !== input.credentials.channelId) return err('unknown-channel');
  if (!/^[0-9]{1,16}$/.test(timestamp)) return err('bad-timestamp');
  const timestampMs = Number(timestamp);
  if (Math.abs(timestampMs - input.now) > input.skewMs) return err('timestamp-skew');

  const expected = createHmac('sha256', input.credentials.secretKey)
    .update(Buffer.from(channelId + input.path + timestamp + nonce, 'utf8'))
    .update(input.rawBody)
    .digest();
  const received = Buffer.from(signature, 'base64');
  // Base64 decoding is lenient; compare the canonical re-encoding too so that trailing
  // garbage after a valid signature is not accepted.
  if (
    received.length !== expected.length ||
    !timingSafeEqual(received, expected) ||
    received.toString('base64') !== signature
  ) {
    return err('bad-signature');
  }
  if (!input.nonces.claim(nonce, timestampMs, input.now)) return err('nonce-replayed');
  return ok(undefined);
}
