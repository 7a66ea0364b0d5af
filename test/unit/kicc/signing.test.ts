import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { kiccHeaders, kiccSignature } from '../../../electron/kicc/signing';

/**
 * The signature checked against a value computed OUTSIDE our code: the openssl command line,
 * over the message KICC-API.md "Authentication headers" defines:
 *   Base64(HMAC-SHA256(SecretKey, ChannelId + path + Timestamp + Nonce + body))
 */
function opensslSignature(secretKey: string, message: string): string {
  const result = spawnSync('sh', ['-c', 'openssl dgst -sha256 -hmac "$KEY" -binary | base64'], {
    input: Buffer.from(message, 'utf8'),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', KEY: secretKey },
  });
  if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr.toString()}`);
  return result.stdout.toString().trim();
}

const CASES = [
  {
    name: 'the seed request body',
    credentials: { channelId: 'CH_TEST_0001', secretKey: 'sk_test_0123456789abcdef' },
    path: '/smpy/kiccpay/reqCancel',
    timestampMs: 1703552400000,
    nonce: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    body: '{"tid":"T123456789","svcId":"SVC_SIMPLE","trxAmt":10000}',
  },
  {
    name: 'a net-cancel with an empty body',
    credentials: { channelId: 'C', secretKey: 'k' },
    path: '/smpy/kiccpay/reqRtran',
    timestampMs: 0,
    nonce: 'n',
    body: '',
  },
  {
    name: 'non-ASCII text is signed as UTF-8 bytes',
    credentials: { channelId: 'CH-9', secretKey: 'key with spaces & symbols $!' },
    path: '/smpy/kiccpay/reqAprv',
    timestampMs: 1999999999999,
    nonce: '00000000-0000-4000-8000-000000000000',
    body: '{"respMsg":"취소 완료"}',
  },
];

describe('kiccSignature agrees with openssl', () => {
  it.each(CASES)('$name', (input) => {
    const message =
      input.credentials.channelId +
      input.path +
      String(input.timestampMs) +
      input.nonce +
      input.body;
    const expected = opensslSignature(input.credentials.secretKey, message);
    expect(expected).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(kiccSignature(input)).toBe(expected);
    expect(kiccHeaders(input)).toEqual({
      'X-KICC-ChannelId': input.credentials.channelId,
      'X-KICC-Timestamp': String(input.timestampMs),
      'X-KICC-Nonce': input.nonce,
      'X-KICC-Authorization': expected,
    });
  });

  it('changes when any byte of the body changes', () => {
    const [base] = CASES;
    if (base === undefined) throw new Error('no case');
    expect(kiccSignature({ ...base, body: `${base.body} ` })).not.toBe(kiccSignature(base));
  });
});
