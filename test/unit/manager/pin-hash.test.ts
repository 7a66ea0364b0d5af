import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT,
  hashPin,
  isWeakerThan,
  pinMatches,
} from '../../../electron/manager/pin-hash';

const FAST = { N: 16, r: 1, p: 1 };
const salt = (byte: number): Uint8Array => new Uint8Array(16).fill(byte);

describe('PIN hash', () => {
  it('matches the same PIN and no other', async () => {
    const stored = await hashPin('9137', FAST, salt(1));
    expect(stored).toMatchObject({ algo: 'scrypt', N: 16, r: 1, p: 1 });
    expect(await pinMatches('9137', stored)).toBe(true);
    for (const other of ['9138', '09137', '913', ''])
      expect(await pinMatches(other, stored)).toBe(false);
  });

  it('gives different hashes for the same PIN with different salts', async () => {
    const a = await hashPin('9137', FAST, salt(1));
    const b = await hashPin('9137', FAST, salt(2));
    expect(a.hash).not.toBe(b.hash);
    expect(Buffer.from(a.hash, 'base64')).toHaveLength(32);
    expect(Buffer.from(a.salt, 'base64')).toHaveLength(16);
  });

  it('works with the production parameters (memory limit large enough)', async () => {
    const stored = await hashPin('9137', DEFAULT_SCRYPT, salt(3));
    // issue 11: raised from 2^15 to what a POS PC still answers in about 250 ms
    expect(stored.N).toBe(2 ** 16);
    expect(await pinMatches('9137', stored)).toBe(true);
  });

  it.each<[{ N: number; r: number; p: number }, boolean]>([
    [{ N: 16, r: 1, p: 1 }, true],
    // a hash stored before issue 11 is re-hashed with the new work factor
    [{ N: 2 ** 15, r: 8, p: 1 }, true],
    [DEFAULT_SCRYPT, false],
  ])('isWeakerThan the defaults: %o -> %s', async (params, weaker) => {
    expect(isWeakerThan(await hashPin('9137', params, salt(4)), DEFAULT_SCRYPT)).toBe(weaker);
  });
});
