import type { KiccOutcome } from '../kicc/outcome';
import type { Attempt } from '../ledger/types';
import type { HoldBack } from './reversalPolicy';

/**
 * KICC's answers the ledger refused to record (issue 9, sequence 6: SQLITE_FULL on the answer
 * write), kept in memory and retried by the queue; and the items that must not be worked before
 * a given time although the ledger could not be told so (a refused back-off write). Memory only:
 * after a crash the attempt row is still 'sending', and start-up recovery makes it in doubt.
 */
export interface UnrecordedAnswer {
  /** the cancellation */
  id: number;
  kind: 'cancel' | 'net-cancel';
  /** the attempt whose answer this is (still 'sending' in the ledger) */
  attempt: Attempt;
  outcome: KiccOutcome;
  /** net-cancel: why that reqRtran was not allowed to reverse, or null */
  holdBack: HoldBack | null;
  /** failed writes so far */
  failures: number;
}

export function createMemoryHolds() {
  const answers = new Map<number, UnrecordedAnswer>();
  const notBefore = new Map<number, number>();

  return {
    /** keeps an answer that could not be written; the queue retries it after `until` */
    keep(answer: UnrecordedAnswer, until: number): void {
      answers.set(answer.id, answer);
      notBefore.set(answer.id, until);
    },
    answer: (id: number): UnrecordedAnswer | undefined => answers.get(id),
    /** the answer is written (or handed to the queue): forget it */
    forget(id: number): void {
      answers.delete(id);
      notBefore.delete(id);
    },
    /** the item is not worked before `until` (memory: the ledger refused to store it) */
    hold(id: number, until: number): void {
      notBefore.set(id, until);
    },
    /** "retry now": every kept answer is due at `now` */
    answersDueNow(now: number): void {
      for (const id of answers.keys()) notBefore.set(id, now);
    },
    release(id: number): void {
      if (!answers.has(id)) notBefore.delete(id);
    },
    held: (id: number, now: number): boolean => (notBefore.get(id) ?? now) > now,
    /** answers due for another write */
    dueAnswers(now: number): number[] {
      return [...answers.keys()].filter((id) => (notBefore.get(id) ?? now) <= now);
    },
    /** the earliest time something held in memory is due again, or null */
    nextAt(now: number): number | null {
      let next: number | null = null;
      for (const at of notBefore.values()) {
        if (at > now && (next === null || at < next)) next = at;
      }
      return next;
    },
    all: (): UnrecordedAnswer[] => [...answers.values()],
    size: (): number => answers.size,
  };
}

export type MemoryHolds = ReturnType<typeof createMemoryHolds>;
