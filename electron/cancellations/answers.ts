import type { Clock } from '../../shared/clock';
import type { Ledger } from '../ledger/ledger';
import type { Cancellation } from '../ledger/types';
import type { KiccPort } from './exchange';
import { callKicc, isKiccAnswer, settlesSomething, signalOf } from './exchange';
import type { ReadyAttempt, Transitions } from './transitions';
import type { MemoryHolds, UnrecordedAnswer } from './unrecorded';
import type { WorkflowObserver } from './workflow';

/**
 * KICC's answers, from the exchange to the ledger (issue 9, sequence 6): written with what they
 * lead to, retried from memory when the ledger refuses them, and handed to the queue as in doubt
 * when even that fails. After TX1 nothing here throws at the cashier: a refused write leaves the
 * cancellation amber ('sending' or 'in_doubt') and the queue carries on with it.
 */

/**
 * Tries of an answer's write inside the exchange's own call (each its own transaction: a group
 * commit rolled back by another step's fault succeeds the next time), before it is left to the
 * queue (issue 9, sequence 6).
 */
export const ANSWER_WRITE_TRIES = 3;

export interface AnswerPathDeps {
  ledger: Ledger;
  clock: Clock;
  kicc: KiccPort;
  observer: Pick<WorkflowObserver, 'connectivity'>;
  retryDelay: (tries: number) => number;
  transitions: Pick<Transitions, 'recordCancelAnswer' | 'recordVerification' | 'handBack'>;
  memory: MemoryHolds;
  log: (event: string, fields: Record<string, unknown>) => void;
  /** tells the observer a cancellation changed */
  announce: (c: Cancellation) => Cancellation;
  /** runs an observer call, logging what it throws */
  tell: (event: string, what: () => void) => void;
}

export function createAnswerPath(deps: AnswerPathDeps) {
  const { ledger, clock, memory, log, announce, tell } = deps;
  const { recordCancelAnswer, recordVerification, handBack } = deps.transitions;

  /** Sends a reqCancel whose attempt row is already committed, and records the answer. */
  async function sendCancel(ready: ReadyAttempt): Promise<Cancellation> {
    const outcome = await callKicc(deps.kicc, { kind: 'cancel', req: ready.req }, clock);
    const answer: UnrecordedAnswer = {
      id: ready.cancellation.id,
      kind: 'cancel',
      attempt: ready.attempt,
      outcome,
      holdBack: null,
      failures: 0,
    };
    return afterAnswer(answer, await writeAnswer(answer), ready.cancellation);
  }

  const applyAnswer = (a: UnrecordedAnswer): ReadyAttempt | Cancellation =>
    a.kind === 'cancel'
      ? recordCancelAnswer(a.id, a.attempt, a.outcome)
      : recordVerification(a.id, a.attempt, a.outcome, a.holdBack);

  /**
   * KICC's answer written with what it leads to; null when the ledger refused it ANSWER_WRITE_TRIES
   * times: it is then kept in memory for the queue (issue 9, sequence 6), never thrown at the
   * cashier, whose cancellation shows amber meanwhile.
   */
  async function writeAnswer(a: UnrecordedAnswer): Promise<ReadyAttempt | Cancellation | null> {
    let refusal: unknown;
    for (let i = 0; i < ANSWER_WRITE_TRIES; i += 1) {
      try {
        return await ledger.writeSoon(() => applyAnswer(a));
      } catch (error) {
        refusal = error;
      }
    }
    keepUnrecorded(a, refusal);
    return null;
  }

  function keepUnrecorded(a: UnrecordedAnswer, refusal: unknown): void {
    const failures = a.failures + 1;
    memory.keep({ ...a, failures }, clock.now() + deps.retryDelay(failures));
    log('engine.answer-not-recorded', {
      cancellationId: a.id,
      attemptId: a.attempt.id,
      class: a.outcome.class,
      code: a.outcome.code,
      failures,
      error: errorText(refusal),
    });
  }

  /** After an answer: what it says about the way to KICC, then a fresh attempt, if one is due. */
  async function afterAnswer(
    a: UnrecordedAnswer,
    next: ReadyAttempt | Cancellation | null,
    before: Cancellation,
  ): Promise<Cancellation> {
    // the answer first, then what it says about the way to KICC (the queue may react)
    tell('connectivity', () =>
      deps.observer.connectivity(
        signalOf(a.outcome),
        isKiccAnswer(a.outcome),
        settlesSomething(a.outcome),
      ),
    );
    if (next === null) return announce(readOr(a.id, before));
    if (!('attempt' in next)) return announce(next);
    announce(next.cancellation);
    return sendCancel(next);
  }

  /** The row as the ledger has it, or `fallback` should even reading fail. */
  function readOr(id: number, fallback: Cancellation): Cancellation {
    try {
      return ledger.cancellations.get(id) ?? fallback;
    } catch {
      return fallback;
    }
  }

  /**
   * A kept answer, written again (the queue's step). Refused once more, the attempt is closed as
   * in doubt and the cancellation handed to the queue (./transitions.ts handBack), a smaller
   * write; refused too, it waits in memory for the next try.
   */
  async function writeKeptAnswer(a: UnrecordedAnswer): Promise<Cancellation | null> {
    let next: ReadyAttempt | Cancellation;
    try {
      next = await ledger.writeSoon(() => applyAnswer(a));
    } catch (error) {
      try {
        const handed = ledger.write(() => handBack(a, errorText(error)));
        memory.forget(a.id);
        return announce(handed);
      } catch {
        keepUnrecorded(a, error);
        return null;
      }
    }
    memory.forget(a.id);
    if (!('attempt' in next)) return announce(next);
    announce(next.cancellation);
    return sendCancel(next);
  }

  return { sendCancel, writeAnswer, afterAnswer, writeKeptAnswer };
}

export type AnswerPath = ReturnType<typeof createAnswerPath>;

export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
