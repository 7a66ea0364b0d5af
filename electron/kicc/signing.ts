import { createHmac, randomUUID } from 'node:crypto';

/**
 * KICC request authentication (KICC-API.md "Authentication headers"):
 *   X-KICC-Authorization = Base64(HMAC-SHA256(SecretKey, ChannelId + path + Timestamp + Nonce + body))
 * `body` is the exact string sent: sign the bytes you send, never a re-serialisation.
 */
export interface KiccCredentials {
  channelId: string;
  secretKey: string;
}

export interface SignInput {
  credentials: KiccCredentials;
  path: string;
  body: string;
  /** epoch milliseconds */
  timestampMs: number;
  nonce: string;
}

export function kiccSignature(input: SignInput): string {
  const message =
    input.credentials.channelId + input.path + String(input.timestampMs) + input.nonce + input.body;
  return createHmac('sha256', input.credentials.secretKey).update(message, 'utf8').digest('base64');
}

export type KiccHeaders = {
  'X-KICC-ChannelId': string;
  'X-KICC-Timestamp': string;
  'X-KICC-Nonce': string;
  'X-KICC-Authorization': string;
};

export function kiccHeaders(input: SignInput): KiccHeaders {
  return {
    'X-KICC-ChannelId': input.credentials.channelId,
    'X-KICC-Timestamp': String(input.timestampMs),
    'X-KICC-Nonce': input.nonce,
    'X-KICC-Authorization': kiccSignature(input),
  };
}

export const newNonce = (): string => randomUUID();
