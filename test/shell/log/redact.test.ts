import { describe, expect, it } from 'vitest';
import {
  REDACTED,
  createRedactor,
  luhnValid,
  maskCardNumber,
  redact,
} from '../../../electron/log/redact';
import { createKnownSecrets, secretValuesOf } from '../../../electron/log/known-secrets';

describe('redact: keys that name a secret', () => {
  it.each([
    ['secretKey', { secretKey: 'abc' }],
    ['channelId', { channelId: 'CH01' }],
    ['X-KICC-ChannelId header', { headers: { 'X-KICC-ChannelId': 'CH01' } }],
    ['X-KICC-Authorization header', { headers: { 'X-KICC-Authorization': 'c2lnbmF0dXJl' } }],
    ['authorization (any case)', { AUTHORIZATION: 'Bearer x' }],
    ['PIN', { pin: '1234' }],
    ['manager PIN', { manager_pin: '9876' }],
    ['password', { password: 'pw' }],
    ['token key', { tokenKey: 'tok' }],
    ['nested in an array', { list: [{ secret_key: 'abc' }] }],
  ])('%s', (_name, input) => {
    const out = JSON.stringify(redact(input));
    expect(out).toContain(REDACTED);
    for (const value of [
      'abc',
      'CH01',
      'c2lnbmF0dXJl',
      'Bearer x',
      '1234',
      '9876',
      '"pw"',
      'tok',
    ]) {
      expect(out).not.toContain(`"${value}"`);
    }
  });

  it('keeps ordinary keys and values as they are', () => {
    const input = { mercTrxNo: 'CANCEL_20231225_0001', trxAmt: 10000, tid: 'T123456789', ok: true };
    expect(redact(input)).toEqual(input);
  });
});

describe('redact: secrets spelled out in text', () => {
  it.each([
    [
      'a JSON body',
      '{"channelId":"CH01","secretKey":"s3cr3t","tid":"T1"}',
      '{"channelId":"[REDACTED]","secretKey":"[REDACTED]","tid":"T1"}',
    ],
    [
      'a header line',
      'X-KICC-Authorization: c2lnbmF0dXJl\nX-KICC-Nonce: n1',
      'X-KICC-Authorization: [REDACTED]\nX-KICC-Nonce: n1',
    ],
    ['a bearer token', 'Authorization: Bearer abc.def', 'Authorization: [REDACTED]'],
    ['a query string', 'pin=1234&next=1', 'pin=[REDACTED]&next=1'],
    ['single quotes', "secret_key='abc'", 'secret_key=[REDACTED]'],
    ['a PIN in a sentence', 'manager pin: 4321 rejected', 'manager pin: [REDACTED] rejected'],
    ['managerPin', 'managerPin=4321', 'managerPin=[REDACTED]'],
    ['words that merely contain "pin"', 'spinning: yes, pinned=1', 'spinning: yes, pinned=1'],
  ])('%s', (_name, input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});

describe('redact: card numbers', () => {
  it.each([
    ['16 digits', '4111111111111111', '411111******1111'],
    ['dashed', 'card 4111-1111-1111-1111 ok', 'card 4111-11**-****-1111 ok'],
    ['spaced', '5500 0000 0000 0004', '5500 00** **** 0004'],
    ['15-digit Amex', '378282246310005', '378282*****0005'],
    ['in JSON', '{"card":"4012888888881881"}', '{"card":"401288******1881"}'],
  ])('masks a full number: %s', (_name, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    ['KICC’s masked form', '1234-56**-****-1234'],
    ['an epoch-ms timestamp (13 digits)', '1703552400000'],
    ['a 12-digit vanTrxNo', 'V12345678902'],
    ['a 10-digit business number', '1234567890'],
    ['16 digits failing Luhn (a merchant number)', '2023122500000001'],
    ['20 digits', '12345678901234567890'],
  ])('leaves %s alone', (_name, input) => {
    expect(redact(input)).toBe(input);
  });

  it('checks Luhn and masks first 6 / last 4', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(maskCardNumber('4111-1111-1111-1111')).toBe('4111-11**-****-1111');
  });
});

describe('redact: known secret values, anywhere', () => {
  const withSecrets = createRedactor(() => ['CH-7f3a9c01', 'sk-4b8e2d1f6a']);

  it.each([
    ['in a URL', 'https://x/?c=CH-7f3a9c01', 'https://x/?c=[REDACTED]'],
    [
      'in an error message',
      new Error('bad key sk-4b8e2d1f6a'),
      { name: 'Error', message: 'bad key [REDACTED]' },
    ],
    ['under an ordinary key', { note: 'sk-4b8e2d1f6a' }, { note: '[REDACTED]' }],
  ])('%s', (_name, input, expected) => {
    expect(withSecrets(input)).toMatchObject(expected as object);
    expect(JSON.stringify(withSecrets(input))).not.toContain('sk-4b8e2d1f6a');
  });

  it('redacts error stacks too', () => {
    const error = new Error('sk-4b8e2d1f6a');
    const out = withSecrets(error) as { stack?: string };
    expect(out.stack).toBeDefined();
    expect(out.stack).not.toContain('sk-4b8e2d1f6a');
  });
});

describe('redact: odd values', () => {
  it('survives cycles, depth, binary and primitives', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(redact(cyclic)).toEqual({ a: 1, self: '[Circular]' });
    expect(redact(Buffer.from('secretKey=abc'))).toBe('[binary 13 bytes]');
    let deep: unknown = 'x';
    for (let i = 0; i < 20; i += 1) deep = { deep };
    expect(JSON.stringify(redact(deep))).toContain('[Deep]');
    for (const value of [null, undefined, 0, true, 12n]) expect(redact(value)).toBe(value);
  });
});

/**
 * Issue 11 finding 9, as the attack: the log redaction matched exact key names, so `newPin`,
 * `currentPin` and `confirmation` (the manager.setupPin / changePin fields) went to the log in
 * clear. Every row is a secret written the way a log line might carry it; none may survive.
 */
describe('finding 9: redaction by the words of the key and by every known value', () => {
  const secret = '739146';
  it.each<[string, unknown]>([
    ['newPin', { newPin: secret }],
    ['currentPin', { currentPin: secret }],
    ['confirmation (the PIN typed again)', { confirmation: secret }],
    ['pinConfirmation', { pinConfirmation: secret }],
    ['recoveryCode', { recoveryCode: secret }],
    ['recovery_code', { request: { recovery_code: secret } }],
    ['SecretKey in a nested header table', { headers: { 'x-kicc-secret-key': secret } }],
    ['a cookie', { headers: { Cookie: secret } }],
    ['integrityKey', { integrityKey: secret }],
    ['newPin=… in text', `manager.changePin newPin=${secret}&x=1`],
    ['"currentPin":"…" in a JSON text', `{"currentPin":"${secret}","ok":true}`],
    ['confirmation: … in a sentence', `confirmation: ${secret} did not match`],
    ['pin_confirmation=… in text', `pin_confirmation=${secret}`],
    ['recoveryCode=… in text', `recoveryCode=${secret}`],
  ])('%s', (_name, input) => {
    expect(JSON.stringify(redact(input))).not.toContain(secret);
  });

  it('leaves words that only look alike', () => {
    for (const text of ['cardConfirmNo=1234-56**-****-1234', 'spinning=1', 'confirmed=yes']) {
      expect(redact(text)).toBe(text);
    }
  });

  it('hides the secrets of the IPC call being handled, by value, under any key', async () => {
    const known = createKnownSecrets();
    known.add(() => ['stored-secret-key-0001']);
    const redactor = createRedactor(known.values);
    const seen: string[] = [];
    await known.during(['CH-NEW-CHANNEL-01', 'new-secret-key-being-saved'], async () => {
      seen.push(JSON.stringify(redactor({ error: 'KICC said CH-NEW-CHANNEL-01 unknown' })));
      seen.push(JSON.stringify(redactor({ note: 'new-secret-key-being-saved' })));
    });
    seen.push(JSON.stringify(redactor({ note: 'stored-secret-key-0001' })));
    for (const line of seen) {
      expect(line).toContain(REDACTED);
      for (const value of [
        'CH-NEW-CHANNEL-01',
        'new-secret-key-being-saved',
        'stored-secret-key-0001',
      ]) {
        expect(line).not.toContain(value);
      }
    }
    // once the call is over, its values are no longer held (no unbounded growth)
    expect(known.values()).toEqual(['stored-secret-key-0001']);
    expect(known.standing()).toEqual(['stored-secret-key-0001']);
  });

  it('finds the secret values of a request by their keys', () => {
    expect(
      secretValuesOf({ currentPin: '1357', newPin: '864209', confirmation: '864209', amount: 5 }),
    ).toEqual(['1357', '864209', '864209']);
    expect(
      secretValuesOf({ channelId: 'CH-1', secretKey: 'sk', nested: [{ pin: '2468' }] }),
    ).toEqual(['CH-1', 'sk', '2468']);
  });
});
