import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KiccCredentials } from '../../../electron/kicc/signing';
import { DEFAULT_SETTINGS } from '../../../electron/settings/schema';
import type { StoredSettings } from '../../../electron/settings/schema';
import {
  createModePreferenceStore,
  decideStartMode,
  modeStatusOf,
} from '../../../electron/store-ops/mode';
import type { ModePreference } from '../../../electron/store-ops/mode';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const file = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mode-'));
  dirs.push(dir);
  return join(dir, 'mode.json');
};

const LIVE: StoredSettings = {
  ...DEFAULT_SETTINGS,
  apiBaseUrl: 'https://pg.example.kicc.co.kr',
  terminalId: 'T123456789',
  serviceId: 'SVC0000001',
  businessNumber: '1234567890',
};
const creds = { ok: true as const, value: { channelId: 'c', secretKey: 's' } as KiccCredentials };
const none = { ok: true as const, value: null };

describe('the manager’s choice of mode, on disk', () => {
  it('is `auto` on a fresh install', () => {
    expect(createModePreferenceStore(file()).load()).toEqual({
      preference: 'auto',
      damaged: false,
    });
  });

  it.each<ModePreference>(['training', 'auto'])('keeps %s across restarts', (preference) => {
    const path = file();
    createModePreferenceStore(path).save(preference);
    expect(createModePreferenceStore(path).load()).toEqual({ preference, damaged: false });
  });

  it.each(['not json', '{"version":2,"preference":"auto"}', '{"preference":"live"}'])(
    'reads a damaged file (%s) as training, never as live',
    (text) => {
      const path = file();
      writeFileSync(path, text);
      expect(createModePreferenceStore(path).load()).toEqual({
        preference: 'training',
        damaged: true,
      });
    },
  );
});

describe('the mode of the next start', () => {
  it.each([
    ['nothing configured (first start)', DEFAULT_SETTINGS, none, 'auto', 'training'],
    ['settings, no credentials', LIVE, none, 'auto', 'training'],
    ['credentials, no settings', DEFAULT_SETTINGS, creds, 'auto', 'training'],
    ['everything saved', LIVE, creds, 'auto', 'live'],
    ['everything saved, the manager chose training', LIVE, creds, 'training', 'training'],
  ] as const)('%s -> %s', (_case, settings, credentials, preference, mode) => {
    expect(decideStartMode(settings, credentials, { preference, damaged: false }).mode).toBe(mode);
  });

  it('a damaged mode file starts in training and says why', () => {
    const decision = decideStartMode(LIVE, creds, { preference: 'training', damaged: true });
    expect(decision).toMatchObject({
      mode: 'training',
      reason: { ko: expect.stringMatching(/모드 설정 파일을 읽을 수 없어/) },
    });
  });

  it('the status says a restart is needed and what blocks live', () => {
    const now = decideStartMode(LIVE, creds, { preference: 'auto', damaged: false });
    const next = decideStartMode(LIVE, none, { preference: 'auto', damaged: false });
    expect(modeStatusOf(now, next, 'auto')).toEqual({
      mode: 'live',
      modeAfterRestart: 'training',
      preference: 'auto',
      restartRequired: true,
      liveBlockedBy: { ko: expect.any(String), en: 'KICC credentials are not entered yet' },
    });
    expect(modeStatusOf(now, now, 'auto')).toMatchObject({
      restartRequired: false,
      liveBlockedBy: null,
    });
  });
});
