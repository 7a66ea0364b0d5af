import { describe, expect, it } from 'vitest';
import {
  isSessionActive,
  startSession,
  touchSession,
  viewSession,
} from '../../../electron/manager/session';

const IDLE = 5 * 60_000;

describe('manager session', () => {
  it.each<[string, number, boolean]>([
    ['just started', 0, true],
    ['a moment before the idle limit', IDLE - 1, true],
    ['at the idle limit', IDLE, false],
    ['long after', IDLE * 10, false],
  ])('is active when %s', (_name, elapsed, active) => {
    expect(isSessionActive(startSession(1000), 1000 + elapsed, IDLE)).toBe(active);
  });

  it('moves its end on activity', () => {
    const touched = touchSession(startSession(1000), 1000 + IDLE - 1);
    expect(isSessionActive(touched, 1000 + IDLE + 10, IDLE)).toBe(true);
    expect(viewSession(touched, IDLE)).toEqual({ startedAt: 1000, expiresAt: 1000 + 2 * IDLE - 1 });
  });

  it('ignores an out-of-order touch with an earlier time', () => {
    const later = touchSession(startSession(1000), 5000);
    expect(touchSession(later, 2000).lastActivityAt).toBe(5000);
  });
});
