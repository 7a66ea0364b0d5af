import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS_MIGRATIONS } from '../../../electron/settings/migrations';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../electron/settings/schema';
import { settingsPatchSchema } from '../../../shared/contract';
import { settingsFileOpener } from '../fixtures/settings-file';

/**
 * Settings version 4 (issue 13 finding 5): the store's cashiers, each with a number typed at
 * the till and a name printed on reports. None: a one-person store.
 */
const open = settingsFileOpener();

describe('settings version 4: the cashiers', () => {
  it('a fresh install, and a version-3 file, have none (a one-person store)', () => {
    expect(DEFAULT_SETTINGS.cashiers).toEqual([]);
    const {
      cashiers: _none,
      confirmedRefusalCodes: _v5,
      autoPrintSettled: _v6,
      backupFolder: _v6b,
      ...v3
    } = { ...DEFAULT_SETTINGS, schemaVersion: 3, storeName: '김밥' };
    const step = SETTINGS_MIGRATIONS[3];
    expect(step?.(v3)).toEqual({ ...v3, schemaVersion: 4, cashiers: [] });
    const { settings } = open(JSON.stringify(v3));
    expect(settings.current()).toMatchObject({
      schemaVersion: SETTINGS_VERSION,
      storeName: '김밥',
      cashiers: [],
    });
  });

  it('saves the list and reads it back at the next start', () => {
    const { file, settings } = open();
    const cashiers = [
      { no: '07', name: '김민지' },
      { no: '8', name: '이준호' },
    ];
    expect(settings.update({ cashiers })).toMatchObject({ ok: true, value: { cashiers } });
    const again = open(readFileSync(file, 'utf8'));
    expect(again.settings.get().cashiers).toEqual(cashiers);
  });

  it.each<[string, unknown]>([
    [
      'a number used twice',
      [
        { no: '07', name: '김민지' },
        { no: '07', name: '이준호' },
      ],
    ],
    ['a number that is not 1–4 digits', [{ no: '12345', name: '김민지' }]],
    ['letters for a number', [{ no: 'A1', name: '김민지' }]],
    ['an empty name', [{ no: '1', name: '   ' }]],
    ['a name with a line break', [{ no: '1', name: '김\n민지' }]],
    ['a name too long', [{ no: '1', name: '가'.repeat(21) }]],
    ['an unknown key', [{ no: '1', name: '김민지', pin: '1234' }]],
    ['too many', Array.from({ length: 31 }, (_, i) => ({ no: String(i + 1), name: `계산원${i}` }))],
  ])('refuses %s', (_what, cashiers) => {
    expect(settingsPatchSchema.safeParse({ cashiers }).success).toBe(false);
  });

  it('trims a name as the manager typed it', () => {
    expect(settingsPatchSchema.parse({ cashiers: [{ no: '07', name: ' 김민지 ' }] })).toEqual({
      cashiers: [{ no: '07', name: '김민지' }],
    });
  });
});
