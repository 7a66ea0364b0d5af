import { describe, expect, it } from 'vitest';
import { isSecretKey } from '../../../electron/audit/secrets';
import { publicSettings, DEFAULT_SETTINGS } from '../../../electron/settings/schema';
import { settingsChanges } from '../../../electron/store-ops/settings-audit';

const before = publicSettings(DEFAULT_SETTINGS);

describe('what a settings change records', () => {
  it.each([
    ['nothing changed', before, {}],
    ['language', { ...before, language: 'en' as const }, { language: { from: 'ko', to: 'en' } }],
    [
      'a limit',
      { ...before, limits: { ...before.limits, cashierMaxAmount: 500_000 } },
      { 'limits.cashierMaxAmount': { from: 300_000, to: 500_000 } },
    ],
    [
      'the KICC codes confirmed to mean "nothing happened" (issue 9): which ones, before and after',
      { ...before, confirmedRefusalCodes: ['E104', 'E101'] },
      { confirmedRefusalCodes: { from: '', to: 'E104,E101' } },
    ],
    [
      'the store name',
      { ...before, storeName: '행복한 김밥' },
      { storeName: { from: '', to: '행복한 김밥' } },
    ],
    [
      'terminal and printer',
      { ...before, terminalId: 'T123456789', printerName: 'EPSON TM-T82' },
      {
        printerName: { from: '', to: 'EPSON TM-T82' },
        terminalId: { from: '', to: 'T123456789' },
      },
    ],
    [
      'the cashiers, as one readable list',
      {
        ...before,
        cashiers: [
          { no: '07', name: '김민지' },
          { no: '08', name: '이준호' },
        ],
      },
      { cashiers: { from: '', to: '07 김민지, 08 이준호' } },
    ],
  ])('%s', (_case, after, changes) => {
    expect(settingsChanges(before, after)).toEqual(changes);
  });

  it('names no key the audit log would refuse as a secret', () => {
    const everything = settingsChanges(before, {
      apiBaseUrl: 'https://x.example',
      terminalId: 'T1',
      serviceId: 'S1',
      businessNumber: '1234567890',
      limits: { cashierMaxAmount: 1, offlineMaxCount: 1, offlineMaxAmount: 1 },
      language: 'en',
      storeName: '김밥천국',
      printerName: 'p',
      startAtLogin: true,
      kiosk: true,
      cashiers: [{ no: '07', name: '김민지' }],
      confirmedRefusalCodes: ['E104'],
      autoPrintSettled: true,
      backupFolder: 'D:\\backup',
    });
    expect(Object.keys(everything)).toHaveLength(16);
    for (const key of Object.keys(everything)) expect(isSecretKey(key)).toBe(false);
  });
});
