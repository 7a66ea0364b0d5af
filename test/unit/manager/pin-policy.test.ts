import { describe, expect, it } from 'vitest';
import { checkNewPin, isWeakPin } from '../../../electron/manager/pin-policy';

describe('checkNewPin', () => {
  it.each(['9137', '48260', '305719', '8264019', '73915062', '1357', '2468'])(
    'accepts %s',
    (pin) => {
      expect(checkNewPin(pin, pin)).toEqual({ ok: true, value: pin });
    },
  );

  it.each<[string, unknown]>([
    ['too short', '913'],
    ['too long', '913704821'],
    ['letters', '91a7'],
    ['spaces', '91 37'],
    ['full-width digits', '９１３７'],
    ['a number, not text', 9137],
    ['nothing', undefined],
    ['empty', ''],
  ])('refuses %s as pin-format', (_name, pin) => {
    expect(checkNewPin(pin, pin)).toEqual({ ok: false, error: 'pin-format' });
  });

  it.each([
    '0000',
    '1111',
    '99999999',
    '1234',
    '12345678',
    '0123',
    '4321',
    '98765',
    '7890', // ascending through 9 -> 0
    '1212',
    '123123',
    '12341234',
    '1004', // 천사
    '2580', // keypad column
  ])('refuses the easy PIN %s', (pin) => {
    expect(isWeakPin(pin)).toBe(true);
    expect(checkNewPin(pin, pin)).toEqual({ ok: false, error: 'weak-pin' });
  });

  it('refuses a confirmation that differs', () => {
    expect(checkNewPin('9137', '9138')).toEqual({ ok: false, error: 'pin-mismatch' });
  });
});
