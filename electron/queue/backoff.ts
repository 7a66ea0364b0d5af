/**
 * Exponential back-off with jitter (DESIGN.md "The queue"). Equal jitter: half the step is
 * fixed, half is random, so a store full of terminals that lost the network together does not
 * come back at the same instant, and no retry comes sooner than half its step.
 *
 *   step(n) = min(maxMs, baseMs * 2^(n-1));   delay(n) = step/2 + random() * step/2
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** uniform in [0, 1), injected so tests control it */
  random: () => number;
}

export function createBackoff(options: BackoffOptions): (tries: number) => number {
  return (tries) => {
    const n = Math.max(1, Math.floor(tries));
    // 2^(n-1) overflows nothing before it is capped: cap the exponent first.
    const step = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(n - 1, 40));
    return Math.round(step / 2 + options.random() * (step / 2));
  };
}
