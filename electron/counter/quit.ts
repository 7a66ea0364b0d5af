import type { Cancellation, CancellationState, QuitWarning } from '../../shared/contract';

/**
 * Closing the app while cancellations are unresolved (issue 12 finding 1). Nothing is lost by
 * closing (every step is in the ledger; the queue continues at the next start), but the person
 * closing should know: the page shows the list and asks, and the app closes only when they
 * confirm. The decision is here, pure; electron/counter/electron-quit.ts wires it to the
 * window's `close` event, and `app.quit` (the page's confirmation) lets the close through.
 */
export const UNRESOLVED_STATES: readonly CancellationState[] = [
  'pending',
  'sending',
  'queued',
  'in_doubt',
  'needs_review',
];

/** How many are listed on the warning (the count and total cover them all). */
export const QUIT_LIST_MAX = 50;

/** The warning for these unresolved cancellations, oldest first. */
export function quitWarningOf(unresolved: readonly Cancellation[]): QuitWarning {
  const oldestFirst = [...unresolved].sort(
    (a, b) => a.requestedAt - b.requestedAt || Number(a.id) - Number(b.id),
  );
  return {
    items: oldestFirst.slice(0, QUIT_LIST_MAX),
    count: unresolved.length,
    totalAmount: unresolved.reduce((sum, c) => sum + c.trxAmt, 0),
    needsReview: unresolved.filter((c) => c.state === 'needs_review').length,
  };
}

export type QuitDecision = { kind: 'close' } | { kind: 'ask'; warning: QuitWarning };

/**
 * The window is asked to close. It closes when the person already confirmed (or the app is
 * restarting, or Windows is shutting down), or when nothing is unresolved; otherwise ask.
 */
export function decideQuit(input: { allowed: boolean; warning: QuitWarning }): QuitDecision {
  if (input.allowed || input.warning.count === 0) return { kind: 'close' };
  return { kind: 'ask', warning: input.warning };
}

export interface QuitGuardDeps {
  unresolved: () => readonly Cancellation[];
  /** tell the page (the `app.quitRequested` event) */
  ask: (warning: QuitWarning) => void;
  /** close the app (Electron's app.quit) */
  quit: () => void;
}

/** The guard's memory: whether closing was confirmed. One per start. */
export function createQuitGuard(deps: QuitGuardDeps) {
  let allowed = false;
  return {
    /** The window's close event: true lets it close, false keeps it open (the page asks). */
    closeRequested(): boolean {
      const decision = decideQuit({ allowed, warning: quitWarningOf(deps.unresolved()) });
      if (decision.kind === 'close') return true;
      deps.ask(decision.warning);
      return false;
    },
    /** The warning as it is now (the native fallback when the page cannot ask). */
    warning(): QuitWarning {
      return quitWarningOf(deps.unresolved());
    },
    /** The person confirmed: close now. */
    confirm(): void {
      allowed = true;
      deps.quit();
    },
    /** Closing needs no question (a restart the manager asked for, Windows shutting down). */
    allow(): void {
      allowed = true;
    },
  };
}

export type QuitGuard = ReturnType<typeof createQuitGuard>;
