import { describe, expect, it } from 'vitest';
import { createNonceCache } from '../../../electron/kicc/simulator/nonce-cache';
import { createPrng, streamSeed } from '../../../electron/kicc/simulator/prng';
import {
  withinCancelWindow,
  withinNetCancelWindow,
} from '../../../electron/kicc/simulator/windows';
import { fitRespMsg } from '../../../electron/kicc/simulator/answers';

describe('simulator PRNG (mulberry32)', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const take = (seed: number) => {
      const prng = createPrng(seed);
      return Array.from({ length: 8 }, () => prng.next());
    };
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
  });

  it('stays within its ranges', () => {
    const prng = createPrng(123);
    for (let i = 0; i < 1000; i += 1) {
      const x = prng.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = prng.int(3, 5);
      expect([3, 4, 5]).toContain(n);
    }
    expect(prng.digits(12)).toMatch(/^[0-9]{12}$/);
  });

  it('gives each stream its own seed', () => {
    expect(streamSeed(1, 'numbers')).not.toBe(streamSeed(1, 'faults'));
    expect(streamSeed(1, 'numbers')).not.toBe(streamSeed(2, 'numbers'));
    expect(streamSeed(1, 'numbers')).toBe(streamSeed(1, 'numbers'));
  });
});

describe('simulator nonce cache', () => {
  it('refuses a nonce while its timestamp is acceptable, and forgets it after', () => {
    const cache = createNonceCache(1000);
    expect(cache.claim('a', 10_000, 10_000)).toBe(true);
    expect(cache.claim('a', 10_000, 10_500)).toBe(false);
    expect(cache.claim('a', 10_000, 11_000)).toBe(false);
    // past timestamp + skew: forgotten (the timestamp check refuses such a replay anyway)
    expect(cache.claim('b', 11_001, 11_001)).toBe(true);
    expect(cache.size).toBe(1);
  });
});

describe('simulator windows', () => {
  // 2024-03-15 KST
  const day = (d: number, h = 12) => Date.UTC(2024, 2, 15 + d, h - 9);
  const cancelCases: [number, boolean][] = [
    [0, true],
    [45, true],
    [46, false],
  ];
  it.each(cancelCases)('cancel window of 45 KST days: day %i -> %s', (d, within) => {
    expect(withinCancelWindow('20240315', day(d), 45)).toBe(within);
  });

  it('counts KST calendar days across the UTC date line', () => {
    // 00:30 KST on the 46th day is still the previous UTC day.
    expect(withinCancelWindow('20240315', Date.UTC(2024, 3, 29, 15, 30), 45)).toBe(false);
  });

  it('net-cancel window includes its boundary', () => {
    expect(withinNetCancelWindow(0, 30 * 60_000, 30)).toBe(true);
    expect(withinNetCancelWindow(0, 30 * 60_000 + 1, 30)).toBe(false);
  });
});

describe('simulator respMsg', () => {
  it('fits 128 bytes without cutting a Korean character in half', () => {
    const long = '가'.repeat(100);
    const fitted = fitRespMsg(long);
    expect(Buffer.byteLength(fitted)).toBe(126);
    expect(fitted).toBe('가'.repeat(42));
  });
});
