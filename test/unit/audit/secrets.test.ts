import { describe, expect, it } from 'vitest';
import { isSecretKey, keyWords, secretKeyPaths } from '../../../electron/audit/secrets';

describe('isSecretKey', () => {
  it.each([
    'secretKey',
    'SecretKey',
    'secret_key',
    'channelId',
    'ChannelId',
    'X-KICC-ChannelId',
    'X-KICC-Authorization',
    'authorization',
    'pin',
    'PIN',
    'managerPin',
    'newPin',
    'pin_code',
    'pinHash',
    'password',
    'salt',
    'apiKey',
    'tokenKey',
    'confirmation',
    'pinConfirmation',
    'recoveryCode',
    'integrityKey',
    'cookie',
  ])('refuses %s, the second time too (verdicts are remembered)', (key) => {
    expect([isSecretKey(key), isSecretKey(key)]).toEqual([true, true]);
  });

  it.each([
    'channel', // which KICC channel is configured is no secret: its id is
    'shipping',
    'mapping',
    'spinner',
    'amount',
    'state',
    'mercTrxNo',
    'cardConfirmNo',
    'changedFields',
    'keyCount',
    'hash',
  ])('allows %s, the second time too', (key) => {
    expect([isSecretKey(key), isSecretKey(key)]).toEqual([false, false]);
  });

  it('still decides keys first seen after its memory of verdicts is full', () => {
    for (let i = 0; i < 5000; i += 1) isSecretKey(`field${i}`);
    expect([isSecretKey('lateManagerPin'), isSecretKey('lateAmount')]).toEqual([true, false]);
  });

  it('splits keys into words at humps, digits and separators', () => {
    expect(keyWords('X-KICC-ChannelId')).toEqual(['x', 'kicc', 'channel', 'id']);
    expect(keyWords('pinHash2')).toEqual(['pin', 'hash']);
  });
});

describe('secretKeyPaths', () => {
  it.each<[string, unknown, string[]]>([
    ['a flat object without secrets', { fields: ['channelId', 'secretKey'] }, []],
    ['a top-level secret', { secretKey: 'x' }, ['details.secretKey']],
    [
      'secrets nested in objects and arrays',
      { credentials: { channelId: 'c' }, history: [{ ok: 1 }, { pin: '1234' }] },
      ['details.credentials.channelId', 'details.history[1].pin'],
    ],
    ['a secret key whose value is empty', { password: '' }, ['details.password']],
  ])('%s', (_name, details, paths) => {
    expect(secretKeyPaths(details)).toEqual(paths);
  });
});
