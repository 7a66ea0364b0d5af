import { scrypt, timingSafeEqual } from 'node:crypto';

/**
 * The manager PIN is stored only as a slow, salted hash (issue 6: "a slow salted hash, e.g.
 * scrypt"). A 4-8 digit PIN has at most 10^8 values, so the hash cannot make an offline search
 * impossible; it makes each guess cost ~200 ms of CPU and 64 MiB of memory (a 4-digit PIN then
 * falls in about half an hour of one core, a 6-digit one in days). On the till the lock-out
 * (./lockout.ts) guards the PIN, and the sealed PIN file (../integrity/) keeps its counters;
 * the PIN is a screen gate, and what protects the money is said in docs/manager.md
 * "Threat model".
 */

export interface ScryptParams {
  /** CPU/memory cost, a power of two */
  N: number;
  r: number;
  p: number;
}

/**
 * N = 2^16, r = 8, p = 1 (64 MiB): about 200 ms of CPU per check on the build machine, the
 * ≈ 250 ms a POS PC should still answer in (issue 11; `npm run bench:pin`, docs/bench.md "Manager
 * PIN"). Was 2^15; a stored hash with fewer is re-hashed after the next good PIN (./access.ts).
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 16, r: 8, p: 1 };

export const PIN_SALT_BYTES = 16;
export const PIN_HASH_BYTES = 32;

/** The stored form (docs/manager.md "Manager PIN"); salt and hash are base64. */
export interface PinHash {
  algo: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

/** scrypt needs 128·N·r·p bytes; Node refuses above `maxmem` (default 32 MiB, exactly N=2^15). */
const maxmemFor = (params: ScryptParams): number => 2 * 128 * params.N * params.r * params.p;

function derive(pin: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // The async form runs on libuv's thread pool: the main process stays responsive.
    scrypt(
      pin,
      salt,
      PIN_HASH_BYTES,
      { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params) },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPin(
  pin: string,
  params: ScryptParams,
  salt: Uint8Array,
): Promise<PinHash> {
  const key = await derive(pin, Buffer.from(salt), params);
  return {
    algo: 'scrypt',
    N: params.N,
    r: params.r,
    p: params.p,
    salt: Buffer.from(salt).toString('base64'),
    hash: key.toString('base64'),
  };
}

/** Constant-time comparison of the derived key with the stored one. */
export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(pin, Buffer.from(stored.salt, 'base64'), stored);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** True when the stored hash used cheaper parameters than today's: re-hash after a good login. */
export function isWeakerThan(stored: PinHash, params: ScryptParams): boolean {
  return stored.N * stored.r * stored.p < params.N * params.r * params.p;
}
