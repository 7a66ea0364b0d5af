import { describe, expect, it } from 'vitest';
import {
  RECOVERY_CODE_LENGTH,
  formatRecoveryCode,
  newRecoveryCode,
  normalizeRecoveryCode,
} from '../../../electron/integrity/recovery-code';
import { cappedLimits } from '../../../electron/integrity/install-integrity';
import { DEFAULT_SETTINGS } from '../../../electron/settings/schema';
import { patchOfChanges } from '../../../electron/store-ops/integrity-ops';

describe('the recovery code', () => {
  it('is 20 characters of Crockford base32 in groups of five, from the random source', () => {
    const code = newRecoveryCode((size) => Uint8Array.from({ length: size }, (_, i) => i * 13));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    expect(code.replace(/-/g, '')).toHaveLength(RECOVERY_CODE_LENGTH);
    expect(newRecoveryCode(() => new Uint8Array(20).fill(255))).toBe('ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ');
  });

  it.each([
    ['as printed', 'K7QF2-MZX9H-4DRT8-WBC3N', 'K7QF2MZX9H4DRT8WBC3N'],
    ['lower case, spaces', 'k7qf2 mzx9h 4drt8 wbc3n', 'K7QF2MZX9H4DRT8WBC3N'],
    ['O for 0, I and L for 1', 'OOOOO-IIIII-LLLLL-00000', '00000111111111100000'],
  ])('reads what was typed %s', (_name, typed, expected) => {
    expect(normalizeRecoveryCode(typed)).toBe(expected);
  });

  it.each(['', 'K7QF2-MZX9H-4DRT8', 'K7QF2-MZX9H-4DRT8-WBC3NX', 'K7QF2-MZX9H-4DRT8-WBC3U'])(
    'refuses %j',
    (typed) => expect(normalizeRecoveryCode(typed)).toBeNull(),
  );

  it('formats in groups of five', () => {
    expect(formatRecoveryCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
  });
});

describe('until a manager confirms a lost seal', () => {
  it('limits are no higher than the defaults, and lower ones stay', () => {
    const capped = cappedLimits({
      ...DEFAULT_SETTINGS,
      limits: { cashierMaxAmount: 99_000_000, offlineMaxCount: 5, offlineMaxAmount: 50_000_000 },
    });
    expect(capped.limits).toEqual({
      cashierMaxAmount: DEFAULT_SETTINGS.limits.cashierMaxAmount,
      offlineMaxCount: 5,
      offlineMaxAmount: DEFAULT_SETTINGS.limits.offlineMaxAmount,
    });
  });
});

describe('a hand-edited settings file, applied by a manager', () => {
  it('becomes an ordinary settings patch', () => {
    expect(
      patchOfChanges([
        { key: 'limits.cashierMaxAmount', sealed: 300_000, found: 99_000_000 },
        { key: 'limits.offlineMaxCount', sealed: 20, found: 30 },
        { key: 'storeName', sealed: '', found: '가게' },
      ]),
    ).toEqual({ limits: { cashierMaxAmount: 99_000_000, offlineMaxCount: 30 }, storeName: '가게' });
  });

  it('a value the settings rules refuse cannot be applied', () => {
    expect(patchOfChanges([{ key: 'apiBaseUrl', sealed: '', found: 'http://evil.example' }])).toBe(
      null,
    );
  });
});
