import type { Cancellation, CancellationState, QuitWarning } from '../../shared/contract';
import { UNRESOLVED_STATES } from '../reports/compute';

// what is unresolved is the reports' own definition (pending, sending, queued, in_doubt,
// needs_review): the quit warning and the end-of-day paper count the same items
export { UNRESOLVED_STATES };

/**
 * Closing the app while cancellations are unresolved (issue 12 finding 1). Nothing is lost by
 * closing (every step is in the ledger; the queue continues at the next start), but the person
 * closing should know: the page shows the list and asks, and the app closes only when they
 * confirm. The decision is here, pure; electron/counter/electron-quit.ts wires it to the
 * window's `close` event, and `app.quit` (the page's confirmation) lets the close through.
 */
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

/** The states' words, as the screens say them (renderer/i18n: state.*). */
const STATE_WORDS: Record<CancellationState, { ko: string; en: string }> = {
  draft: { ko: '승인 대기', en: 'Awaiting approval' },
  pending: { ko: '전송 대기', en: 'Waiting to send' },
  sending: { ko: '전송 중', en: 'Sending' },
  queued: { ko: '전송 대기 (오프라인)', en: 'Waiting to send (offline)' },
  in_doubt: { ko: '취소 확인 중', en: 'Being verified' },
  cancelled: { ko: '취소 완료', en: 'Cancelled' },
  rejected: { ko: '취소 거절', en: 'Rejected' },
  needs_review: { ko: '관리자 확인 필요', en: 'Manager review needed' },
};

/**
 * The same warning as plain text, for main's own dialog when the page cannot ask (its renderer
 * crashed): what is unresolved, and that it continues at the next start.
 */
export function quitWarningText(
  warning: QuitWarning,
  language: 'ko' | 'en',
): { message: string; detail: string; quit: string; stay: string } {
  const won = (n: number) =>
    language === 'ko' ? `${n.toLocaleString('en-US')}원` : `KRW ${n.toLocaleString('en-US')}`;
  const lines = warning.items.map(
    (c) => `${c.orgAprvDt} ${c.orgAprvNo} · ${won(c.trxAmt)} · ${STATE_WORDS[c.state][language]}`,
  );
  return language === 'ko'
    ? {
        message: `끝나지 않은 취소가 ${warning.count}건 (${won(warning.totalAmount)}) 있습니다.`,
        detail: [
          '종료해도 기록은 남고, 다시 시작하면 이어서 확인합니다. 그때까지 현금으로 환불하지 마세요.',
          ...(warning.needsReview > 0
            ? [`그중 ${warning.needsReview}건은 관리자 확인이 필요합니다.`]
            : []),
          '',
          ...lines,
        ].join('\n'),
        quit: '종료',
        stay: '계속 사용',
      }
    : {
        message: `${warning.count} cancellations (${won(warning.totalAmount)}) are not final.`,
        detail: [
          'Closing loses nothing: they are recorded and continue at the next start. Do not refund in cash meanwhile.',
          ...(warning.needsReview > 0
            ? [`${warning.needsReview} of them wait for a manager.`]
            : []),
          '',
          ...lines,
        ].join('\n'),
        quit: 'Quit',
        stay: 'Keep working',
      };
}
