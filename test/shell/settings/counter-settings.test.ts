import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrateSettings, SETTINGS_MIGRATIONS } from '../../../electron/settings/migrations';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../electron/settings/schema';
import { settingsPatchSchema } from '../../../shared/contract';
import { settingsFileOpener } from '../fixtures/settings-file';

/**
 * Settings version 6 (issue 12 findings 1 and 9): `autoPrintSettled` (print a settled item's
 * final slip by itself) and `backupFolder` (where the close's backup goes), after version 5
 * (the confirmed refusal codes, issue 9).
 */
const open = settingsFileOpener();

/** a version-5 file as issue 9's release wrote it: cashiers, confirmed codes, no issue-12 keys */
const { autoPrintSettled: _print, backupFolder: _folder, ...v5Fields } = DEFAULT_SETTINGS;
const version5 = {
  ...v5Fields,
  schemaVersion: 5,
  terminalId: 'T123456789',
  storeName: '김밥천국',
  printerName: 'POS-80',
  kiosk: true,
  cashiers: [{ no: '07', name: '김민지' }],
  confirmedRefusalCodes: ['E104'],
};

describe('settings version 6: automatic printing of settled slips and the backup folder', () => {
  it('is the last version, and a fresh install prints nothing by itself and backs up nowhere', () => {
    expect(SETTINGS_VERSION).toBe(6);
    expect(SETTINGS_MIGRATIONS).toHaveLength(SETTINGS_VERSION);
    expect(DEFAULT_SETTINGS).toMatchObject({ autoPrintSettled: false, backupFolder: '' });
  });

  it('migration 5 -> 6 adds both, off and empty, and keeps everything else', () => {
    const step = SETTINGS_MIGRATIONS[5];
    if (!step) throw new Error('no 5 -> 6');
    expect(step(version5)).toEqual({
      ...version5,
      schemaVersion: 6,
      autoPrintSettled: false,
      backupFolder: '',
    });
  });

  it('opens a version-5 file at version 6, the cashiers kept and a copy of the original', () => {
    const { file, settings } = open(JSON.stringify(version5));
    expect(settings.current()).toEqual({
      ...version5,
      schemaVersion: 6,
      autoPrintSettled: false,
      backupFolder: '',
    });
    expect(JSON.parse(readFileSync(file.replace('.json', '.v5.json'), 'utf8'))).toEqual(version5);
  });

  it('an unversioned file that already carries them keeps them through every step', () => {
    const migrated = migrateSettings({ autoPrintSettled: true, backupFolder: 'D:\\백업' });
    expect(migrated).toEqual({
      kind: 'migrated',
      from: 0,
      value: { ...DEFAULT_SETTINGS, autoPrintSettled: true, backupFolder: 'D:\\백업' },
    });
  });

  it('saves automatic printing and the backup folder and reads them back at the next start', () => {
    const { file, settings } = open();
    expect(settings.update({ autoPrintSettled: true })).toMatchObject({ ok: true });
    expect(settings.setBackupFolder('D:\\KICC 백업')).toMatchObject({
      ok: true,
      value: { autoPrintSettled: true, backupFolder: 'D:\\KICC 백업' },
    });
    const again = open(readFileSync(file, 'utf8'));
    expect(again.settings.get()).toMatchObject({
      autoPrintSettled: true,
      backupFolder: 'D:\\KICC 백업',
    });
  });

  it("the page's patch cannot name a backup folder: only main's folder dialog sets it", () => {
    expect(settingsPatchSchema.safeParse({ backupFolder: 'C:\\Windows' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ autoPrintSettled: 'yes' }).success).toBe(false);
  });
});
