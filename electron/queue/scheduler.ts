import type { Clock } from '../../shared/clock';

/**
 * Timers, injected (STYLE.md: time is passed in). The queue never calls setTimeout itself, so
 * tests drive it with a manual time, and nothing keeps the event loop alive after close().
 */
export interface Scheduler {
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
  /**
   * Keeps the process alive until the returned function is called, whatever the timers: the
   * queue holds it while someone awaits its idleness (drain(), whenIdle()), since that promise
   * may wait for an unref'd timer, and a pending promise alone keeps no process alive.
   */
  keepAlive(): () => void;
}

/**
 * Real timers, unref'd: a waiting retry is no reason to keep a process alive (the Electron app
 * keeps itself alive; a test or tool that forgets close() still exits).
 */
export const systemScheduler: Scheduler = {
  setTimer(callback, delayMs) {
    const handle = setTimeout(callback, Math.max(0, delayMs));
    handle.unref();
    return handle;
  },
  clearTimer(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
  keepAlive() {
    // a ref'd timer that never fires (2^31 - 1 ms is setInterval's longest delay)
    const hold = setInterval(() => undefined, 2_147_483_647);
    return () => clearInterval(hold);
  },
};

/** A clock and a scheduler that move only when told to: for tests, the soak and the bench. */
export interface ManualTime {
  clock: Clock;
  scheduler: Scheduler;
  /** Moves time forward by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): void;
  /** Jumps the clock (e.g. across midnight) without firing anything. */
  set(epochMs: number): void;
  /** timers waiting */
  pending(): number;
  /** epoch ms of the earliest waiting timer, or null */
  nextAt(): number | null;
  /** keepAlive() holds not released yet */
  keptAlive(): number;
}

export function createManualTime(startMs: number): ManualTime {
  let now = startMs;
  let seq = 0;
  let holds = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();

  const earliest = (): [number, { at: number; callback: () => void }] | undefined => {
    let best: [number, { at: number; callback: () => void }] | undefined;
    for (const entry of timers) {
      if (
        best === undefined ||
        entry[1].at < best[1].at ||
        (entry[1].at === best[1].at && entry[0] < best[0])
      ) {
        best = entry;
      }
    }
    return best;
  };

  return {
    clock: { now: () => now },
    scheduler: {
      setTimer(callback, delayMs) {
        seq += 1;
        timers.set(seq, { at: now + Math.max(0, delayMs), callback });
        return seq;
      },
      clearTimer(handle) {
        if (typeof handle === 'number') timers.delete(handle);
      },
      keepAlive() {
        holds += 1;
        let released = false;
        return () => {
          if (released) return;
          released = true;
          holds -= 1;
        };
      },
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const next = earliest();
        if (next === undefined || next[1].at > until) break;
        timers.delete(next[0]);
        now = Math.max(now, next[1].at);
        next[1].callback();
      }
      now = until;
    },
    set(epochMs) {
      now = epochMs;
    },
    pending: () => timers.size,
    nextAt: () => earliest()?.[1].at ?? null,
    keptAlive: () => holds,
  };
}
