import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatKrw, vatFromTotal } from '../../../shared/money';

describe('vatFromTotal', () => {
  it.each([
    [10000, 909], // the seed page's example: trxAmt 10000, vatAmt 909
    [11000, 1000],
    [1100, 100],
    [1000, 91], // supply 909.09 -> 909
    [0, 0],
    [1, 0], // supply 0.909 -> 1
    [5, 0], // supply 4.545 -> 5
    [6, 1], // supply 5.454 -> 5
    [10, 1],
    [99999, 9091], // supply 90908.18 -> 90908
    [1_234_567_890, 112_233_445], // supply 1,122,334,445.45 -> 1,122,334,445
  ])('%i won includes %i won VAT', (total, vat) => {
    expect(vatFromTotal(total)).toBe(vat);
  });

  it('equals the textbook total - Math.round(total / 1.1) for store-sized amounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (total) => {
        expect(vatFromTotal(total)).toBe(total - Math.round(total / 1.1));
      }),
    );
  });

  it('leaves a VAT that is a tenth of the supply, to the won, for any safe total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (total) => {
        const vat = vatFromTotal(total);
        const supply = total - vat;
        expect(Number.isSafeInteger(vat)).toBe(true);
        // |supply * 1.1 - total| <= 0.55 exactly, in integers: |11 * supply - 10 * total| <= 5.5
        const gap = 11n * BigInt(supply) - 10n * BigInt(total);
        expect(gap >= -5n && gap <= 5n).toBe(true);
      }),
    );
  });

  it.each([-1, 1.5, NaN, Infinity, 2 ** 53])('refuses %s (a caller bug)', (total) => {
    expect(() => vatFromTotal(total)).toThrow(RangeError);
  });
});

describe('formatKrw', () => {
  it.each<[number, string, string]>([
    [0, '0원', 'KRW 0'],
    [909, '909원', 'KRW 909'],
    [1000, '1,000원', 'KRW 1,000'],
    [10000, '10,000원', 'KRW 10,000'],
    [999999, '999,999원', 'KRW 999,999'],
    [1234567, '1,234,567원', 'KRW 1,234,567'],
    [-10000, '-10,000원', '-KRW 10,000'],
    [-0, '0원', 'KRW 0'],
    [Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991원', 'KRW 9,007,199,254,740,991'],
  ])('%i -> %s / %s', (amount, ko, en) => {
    expect(formatKrw(amount, 'ko')).toBe(ko);
    expect(formatKrw(amount, 'en')).toBe(en);
  });

  it('groups like Intl does for Korean', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        expect(formatKrw(amount, 'ko')).toBe(`${new Intl.NumberFormat('ko-KR').format(amount)}원`);
      }),
    );
  });

  it.each([1.5, NaN, Infinity, 2 ** 53])('refuses %s (a caller bug)', (amount) => {
    expect(() => formatKrw(amount, 'ko')).toThrow(RangeError);
  });
});
