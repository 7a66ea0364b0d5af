/** Time is passed in so tests control it (STYLE.md). `now()` is epoch milliseconds. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
