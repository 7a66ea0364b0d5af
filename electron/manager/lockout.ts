/**
 * Lock-out after wrong PINs (issue 6: "lock-out after repeated failures"). Pure: the state is
 * stored with the PIN hash (./pin-file.ts) and the time comes from the injected clock.
 *
 * Decided (docs/manager.md): 5 wrong PINs lock for 5 minutes; after that EVERY further wrong
 * PIN locks again, for twice as long each time, up to 1 hour; a good PIN clears it all. A flat
 * "5 tries per 5 minutes" would let a patient intruder walk all 10,000 four-digit PINs in a
 * week; with doubling the same search takes years.
 */

export interface LockoutPolicy {
  maxFailures: number;
  firstLockMs: number;
  maxLockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = {
  maxFailures: 5,
  firstLockMs: 5 * 60_000,
  maxLockMs: 60 * 60_000,
};

export interface LockoutState {
  failures: number;
  lockedUntil: number | null;
}

export const CLEAR_LOCKOUT: LockoutState = { failures: 0, lockedUntil: null };

/**
 * Locked while the clock is before `lockedUntil`. A clock set back keeps the lock until it
 * catches up: we cannot tell a wrong clock from an intruder, and erring open would be worse.
 */
export function isLocked(state: LockoutState, now: number): boolean {
  return state.lockedUntil !== null && now < state.lockedUntil;
}

/** Tries left before the next lock: 5, 4, ... 1, and 1 after each lock has expired. */
export function triesLeft(state: LockoutState, policy: LockoutPolicy): number {
  return Math.max(1, policy.maxFailures - state.failures);
}

/**
 * Counts a try BEFORE the PIN is checked (and the caller saves it), so a crash, a kill or a
 * burst of parallel tries during the slow check can never give an extra guess.
 */
export function reserveTry(state: LockoutState): LockoutState {
  return { failures: state.failures + 1, lockedUntil: state.lockedUntil };
}

/** After a reserved try turned out wrong: lock when the count has reached the limit. */
export function settleFailure(
  state: LockoutState,
  now: number,
  policy: LockoutPolicy,
): LockoutState {
  const over = state.failures - policy.maxFailures;
  if (over < 0) return state;
  const lockMs = Math.min(policy.firstLockMs * 2 ** Math.min(over, 30), policy.maxLockMs);
  return { failures: state.failures, lockedUntil: now + lockMs };
}
