import { describe, expect, it } from 'vitest';
import type { LockoutState } from '../../../electron/manager/lockout';
import {
  CLEAR_LOCKOUT,
  DEFAULT_LOCKOUT,
  isLocked,
  reserveTry,
  settleFailure,
  triesLeft,
} from '../../../electron/manager/lockout';

const MIN = 60_000;

/** n wrong PINs in a row at time `now`, each after any previous lock expired. */
function fail(state: LockoutState, now: number): LockoutState {
  return settleFailure(reserveTry(state), now, DEFAULT_LOCKOUT);
}

describe('lock-out', () => {
  it.each<[number, number | null, number]>([
    // failures so far, lock length after that failure (null: none), tries left after it
    [1, null, 4],
    [4, null, 1],
    [5, 5 * MIN, 1],
    [6, 10 * MIN, 1],
    [7, 20 * MIN, 1],
    [8, 40 * MIN, 1],
    [9, 60 * MIN, 1],
    [30, 60 * MIN, 1],
  ])('after %i wrong PINs locks for %s ms', (failures, lockMs, left) => {
    let state = CLEAR_LOCKOUT;
    let now = 0;
    for (let i = 0; i < failures; i += 1) {
      now = Math.max(now, state.lockedUntil ?? 0);
      state = fail(state, now);
    }
    expect(state.failures).toBe(failures);
    expect(state.lockedUntil === null ? null : state.lockedUntil - now).toBe(lockMs);
    expect(triesLeft(state, DEFAULT_LOCKOUT)).toBe(left);
  });

  it.each<[string, LockoutState, number, boolean]>([
    ['clear', CLEAR_LOCKOUT, 1000, false],
    ['before the end', { failures: 5, lockedUntil: 1000 }, 999, true],
    ['at the end', { failures: 5, lockedUntil: 1000 }, 1000, false],
    ['with the clock set back', { failures: 5, lockedUntil: 1000 }, -50_000, true],
  ])('isLocked: %s', (_name, state, now, locked) => {
    expect(isLocked(state, now)).toBe(locked);
  });

  it('counts a try before it is checked', () => {
    expect(reserveTry({ failures: 2, lockedUntil: null })).toEqual({
      failures: 3,
      lockedUntil: null,
    });
  });
});
