import type {
  Cancellation,
  CancellationState,
  PosResult,
  PrintResult,
  SettledNotice,
} from '../../shared/contract';

/**
 * Settled-item notices (issue 12 finding 1). The slip the customer took home promises "취소가
 * 확정되면 완료 전표를 다시 출력해 드립니다"; a cancellation the cashier was left waiting for
 * (queued: not sent yet; in_doubt: being verified; needs_review: with the manager) must say so
 * when it becomes final, wherever the cashier is, with a one-key print of the final slip, or
 * print it by itself when the manager chose automatic printing.
 *
 * Main watches every cancellation update (the engine's, and the manager's resolutions): an id
 * seen in a waiting state is remembered; when it next shows a settled state, a notice is made
 * and pushed (`cancellation.settled`). A cancellation answered at once (pending -> sending ->
 * cancelled while the cashier is on its outcome screen) was never waited for: no notice. At start
 * the queue's items and the manager's open items are the ones being waited for, so an item left
 * from yesterday still gets its notice. Notices stay until the cashier dismisses them (after
 * printing, or by closing them); a reload of the page asks main for them again.
 */
export const WAITING_STATES: readonly CancellationState[] = ['queued', 'in_doubt', 'needs_review'];

/** needs_review is settled from the queue's side (the manager takes it), and still waited for. */
export const SETTLED_STATES: readonly CancellationState[] = [
  'cancelled',
  'rejected',
  'needs_review',
];

/** A final slip exists only for these; needs_review's slip would still say "확인 중". */
export const hasFinalSlip = (state: CancellationState): boolean =>
  state === 'cancelled' || state === 'rejected';

export interface SettlementDeps {
  /** the cancellations being waited for when main starts */
  waiting: () => readonly Cancellation[];
  now: () => number;
  /** the manager's setting: print the final slip by itself */
  autoPrint: () => boolean;
  printSlip: (id: string) => Promise<PosResult<PrintResult>>;
  /** a new or changed notice, for the page */
  notify: (notice: SettledNotice) => void;
}

export function createSettlements(deps: SettlementDeps) {
  const waiting = new Map<string, CancellationState>();
  const notices = new Map<string, SettledNotice>();
  for (const c of deps.waiting()) waiting.set(c.id, c.state);

  async function autoPrint(notice: SettledNotice): Promise<void> {
    const printed = await deps.printSlip(notice.cancellation.id);
    const current = notices.get(notice.cancellation.id);
    // dismissed meanwhile, or settled again (needs_review -> cancelled): that notice is newer
    if (current !== notice) return;
    const next: SettledNotice = {
      ...notice,
      autoPrint: printed.ok
        ? printed.value
        : { printed: false, printer: '', reprint: false, problem: printed.error.message },
    };
    notices.set(notice.cancellation.id, next);
    deps.notify(next);
  }

  return {
    /** Every cancellation update passes here (the engine's and the manager's). */
    observe(c: Cancellation): void {
      const was = waiting.get(c.id);
      // A final outcome a manager reopened (back to needs_review): its notice must not keep
      // saying "취소 완료" or "취소되지 않음" (found by a review, 2026-12-06). Waited for again.
      const shown = notices.get(c.id)?.cancellation.state;
      const reopened = shown !== undefined && hasFinalSlip(shown) && !hasFinalSlip(c.state);
      if (was === c.state && !reopened) return;
      const waitedFor = was !== undefined || reopened;
      if (waitedFor && SETTLED_STATES.includes(c.state)) {
        const notice: SettledNotice = { cancellation: c, settledAt: deps.now(), autoPrint: null };
        notices.set(c.id, notice);
        deps.notify(notice);
        if (hasFinalSlip(c.state) && deps.autoPrint()) void autoPrint(notice);
      }
      // once waited for, followed until final (in_doubt -> sending -> cancelled on a fresh try)
      if (hasFinalSlip(c.state)) waiting.delete(c.id);
      else if (waitedFor || WAITING_STATES.includes(c.state)) waiting.set(c.id, c.state);
    },
    /** oldest first */
    list(): SettledNotice[] {
      return [...notices.values()].sort((a, b) => a.settledAt - b.settledAt);
    },
    dismiss(id: string): SettledNotice[] {
      notices.delete(id);
      return this.list();
    },
    /** ids still waited for (tests, the quit warning's wording) */
    waitingIds(): string[] {
      return [...waiting.keys()];
    },
  };
}

export type Settlements = ReturnType<typeof createSettlements>;
