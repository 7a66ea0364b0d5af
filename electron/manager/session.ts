/**
 * Manager mode (issue 6: "Manager mode ends after inactivity and on demand"). Pure: times are
 * epoch ms from the injected clock. Activity (any manager action the shell sees) moves the end.
 */

/** Decided (docs/manager.md): a counter is public, so 5 idle minutes end manager mode. */
export const DEFAULT_IDLE_TIMEOUT_MS = 5 * 60_000;

export interface ManagerSession {
  startedAt: number;
  lastActivityAt: number;
}

export interface SessionView {
  startedAt: number;
  /** when it ends unless there is activity before */
  expiresAt: number;
}

export const startSession = (now: number): ManagerSession => ({
  startedAt: now,
  lastActivityAt: now,
});

export const sessionExpiresAt = (session: ManagerSession, idleMs: number): number =>
  session.lastActivityAt + idleMs;

export const isSessionActive = (session: ManagerSession, now: number, idleMs: number): boolean =>
  now < sessionExpiresAt(session, idleMs);

/** Activity never moves the clock back: a late, out-of-order touch keeps the later time. */
export const touchSession = (session: ManagerSession, now: number): ManagerSession => ({
  startedAt: session.startedAt,
  lastActivityAt: Math.max(session.lastActivityAt, now),
});

export const viewSession = (session: ManagerSession, idleMs: number): SessionView => ({
  startedAt: session.startedAt,
  expiresAt: sessionExpiresAt(session, idleMs),
});
