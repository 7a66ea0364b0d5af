import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrateSettings, SETTINGS_MIGRATIONS } from '../../../electron/settings/migrations';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../electron/settings/schema';
import { settingsPatchSchema } from '../../../shared/contract';
import { settingsFileOpener } from '../fixtures/settings-file';

const open = settingsFileOpener();

/** a version-1 file as the previous release wrote it (no storeName) */
const {
  storeName: _none,
  cashiers: _v4,
  confirmedRefusalCodes: _v5,
  autoPrintSettled: _v6,
  backupFolder: _v6b,
  ...v1Fields
} = DEFAULT_SETTINGS;
const version1 = {
  ...v1Fields,
  schemaVersion: 1,
  apiBaseUrl: 'https://pay.example.co.kr',
  terminalId: 'T123456789',
  language: 'en',
  limits: { cashierMaxAmount: 70_000, offlineMaxCount: 5, offlineMaxAmount: 200_000 },
  printerName: 'POS-80',
  startAtLogin: true,
};

describe('settings version 2: the store name', () => {
  it('a fresh install has no store name', () => {
    expect(SETTINGS_MIGRATIONS).toHaveLength(SETTINGS_VERSION);
    expect(DEFAULT_SETTINGS.storeName).toBe('');
  });

  it('migration 1 -> 2 adds an empty store name and keeps everything else', () => {
    const step = SETTINGS_MIGRATIONS[1];
    if (!step) throw new Error('no 1 -> 2');
    expect(step(version1)).toEqual({ ...version1, schemaVersion: 2, storeName: '' });
  });

  it('opens a version-1 file at the current version, keeping a copy of the original', () => {
    const { file, settings } = open(JSON.stringify(version1));
    expect(settings.current()).toEqual({
      ...DEFAULT_SETTINGS,
      ...version1,
      schemaVersion: SETTINGS_VERSION,
    });
    expect(JSON.parse(readFileSync(file.replace('.json', '.v1.json'), 'utf8'))).toEqual(version1);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      schemaVersion: SETTINGS_VERSION,
      storeName: '',
    });
  });

  it('migration 2 -> 3 adds kiosk mode, off, and keeps everything else', () => {
    const step = SETTINGS_MIGRATIONS[2];
    if (!step) throw new Error('no 2 -> 3');
    const version2 = { ...version1, schemaVersion: 2, storeName: '김밥천국' };
    expect(step(version2)).toEqual({ ...version2, schemaVersion: 3, kiosk: false });
  });

  it('brings an unversioned file through both steps', () => {
    const migrated = migrateSettings({ terminalId: 'T123456789' });
    expect(migrated).toEqual({
      kind: 'migrated',
      from: 0,
      value: { ...DEFAULT_SETTINGS, terminalId: 'T123456789' },
    });
  });

  it('saves a Korean store name and reads it back at the next start', () => {
    const { file, settings } = open();
    expect(settings.update({ storeName: '행복한 김밥 강남점' })).toMatchObject({
      ok: true,
      value: { storeName: '행복한 김밥 강남점' },
    });
    const again = open(readFileSync(file, 'utf8'));
    expect(again.settings.get().storeName).toBe('행복한 김밥 강남점');
  });

  it.each([
    ['41 characters', '가'.repeat(41)],
    ['a line break', '김밥\n천국'],
    ['a tab', '김밥\t천국'],
    ['a zero-width joiner (invisible on paper)', '김밥\u200d천국'],
    ['untrimmed text', ' 김밥천국 '],
  ])('the settings file refuses %s', (_name, storeName) => {
    const { settings } = open();
    expect(settings.update({ storeName })).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'storeName' }] },
    });
    expect(settings.current().storeName).toBe('');
  });
});

describe('the contract: settings.update with a store name', () => {
  it.each([
    ['trims it', '  김밥천국 강남점  ', '김밥천국 강남점'],
    ['takes 40 Korean characters', '가'.repeat(40), '가'.repeat(40)],
    ['takes an empty name (none)', '', ''],
    ['takes only spaces as none', '   ', ''],
  ])('%s', (_name, storeName, saved) => {
    expect(settingsPatchSchema.parse({ storeName })).toEqual({ storeName: saved });
  });

  it.each([
    ['41 characters', '가'.repeat(41)],
    ['a control character', '김밥\u0007천국'],
    ['a line break inside', '김밥\r\n천국'],
  ])('refuses %s', (_name, storeName) => {
    expect(settingsPatchSchema.safeParse({ storeName }).success).toBe(false);
  });
});
