/**
 * A tiny seeded PRNG (mulberry32) so the simulator is deterministic: the same seed gives the
 * same approval numbers, card numbers and probabilistic faults, run after run (STYLE.md: "Time,
 * randomness, network and disk are passed in"). Not for anything secret.
 */
export interface Prng {
  /** uniform in [0, 1) */
  next(): number;
  /** uniform integer in [min, max] */
  int(min: number, max: number): number;
  /** one element of a non-empty list */
  pick<T>(items: readonly T[]): T;
  /** `count` decimal digits, leading zeros allowed */
  digits(count: number): string;
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    // mulberry32 (Tommy Ettinger, public domain): 32-bit state, full period 2^32.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    digits(count: number): string {
      let out = '';
      for (let i = 0; i < count; i += 1) out += String(int(0, 9));
      return out;
    },
  };
}

/**
 * An independent stream per purpose (numbers, sample times, faults), so that injecting a
 * probabilistic fault does not shift the numbers the next approval gets. FNV-1a of the stream
 * name, mixed with the seed.
 */
export function streamSeed(seed: number, stream: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < stream.length; i += 1) {
    hash ^= stream.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
