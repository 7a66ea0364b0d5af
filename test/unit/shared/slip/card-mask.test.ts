import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskCardNumber } from '../../../../shared/slip/card-mask';

describe('maskCardNumber', () => {
  it.each<[string | null | undefined, string | null]>([
    ['1234-56**-****-1234', '1234-56**-****-1234'], // KICC's cardConfirmNo, kept
    ['1234567812345678', '123456******5678'], // a full PAN: masked
    ['1234-5678-1234-5678', '1234-56**-****-5678'],
    ['1234 5678 1234 5678', '1234 56** **** 5678'],
    ['1234-5678-****-1234', '1234-56**-****-1234'], // masked too little
    ['4111-1111-1111-1', '4111-11**-*111-1'], // 13 digits: the last four positions stay
    ['3782-822463-10005', '3782-82****-*0005'], // 15-digit Amex
    ['1234-56XX-XXXX-1234', '1234-56**-****-1234'], // X as mask
    ['5678', '5678'], // last four only
    ['12345678', '****5678'], // a fragment shows only its last four
    ['  1234567812345678  ', '123456******5678'],
    ['', null],
    ['-', null],
    [null, null],
    [undefined, null],
  ])('%s -> %s', (input, masked) => {
    expect(maskCardNumber(input)).toBe(masked);
  });

  it('never shows more than 10 digits of a card number, whatever it is given', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9 -]{0,30}$/), (input) => {
        const masked = maskCardNumber(input) ?? '';
        expect(masked.replace(/[^0-9]/g, '').length).toBeLessThanOrEqual(10);
      }),
    );
  });

  it('never shows a digit from the middle of a 16-digit PAN', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{16}$/), (pan) => {
        const masked = maskCardNumber(pan) ?? '';
        expect(masked.slice(6, 12)).toBe('******');
        expect(masked.slice(0, 6) + masked.slice(12)).toBe(pan.slice(0, 6) + pan.slice(12));
      }),
    );
  });
});
