import { describe, expect, it } from 'vitest';
import { decideMode } from '../../../electron/settings/mode';
import { DEFAULT_SETTINGS } from '../../../electron/settings/schema';

const creds = { channelId: 'CH01', secretKey: 'sk' };
const live = {
  ...DEFAULT_SETTINGS,
  apiBaseUrl: 'https://pay.example.co.kr',
  terminalId: 'T123456789',
  serviceId: 'SVC_SIMPLE',
  businessNumber: '1234567890',
};

describe('training or live', () => {
  it('is live with an https address, the merchant ids and credentials', () => {
    expect(decideMode(live, { ok: true, value: creds })).toEqual({
      mode: 'live',
      apiBaseUrl: 'https://pay.example.co.kr',
      credentials: creds,
    });
  });

  it.each([
    ['a fresh install', DEFAULT_SETTINGS, { ok: true as const, value: creds }],
    ['no credentials', live, { ok: true as const, value: null }],
    [
      'unreadable credentials',
      live,
      {
        ok: false as const,
        error: { code: 'credentials-unreadable', message: { ko: 'k', en: 'e' } },
      },
    ],
    [
      'an http simulator address',
      { ...live, apiBaseUrl: 'http://127.0.0.1:9000' },
      { ok: true as const, value: creds },
    ],
    ['no terminal id', { ...live, terminalId: '' }, { ok: true as const, value: creds }],
    ['no business number', { ...live, businessNumber: '' }, { ok: true as const, value: creds }],
  ])('is training with a reason for %s', (_name, settings, credentials) => {
    const decision = decideMode(settings, credentials);
    expect(decision.mode).toBe('training');
    if (decision.mode === 'training') {
      expect(decision.reason.ko.length).toBeGreaterThan(0);
      expect(decision.reason.en.length).toBeGreaterThan(0);
    }
  });
});
