import type { AttemptFacts } from '../ledger/types';

/**
 * What a cancellation's own history (its attempts, oldest first) says about the questions the
 * policies ask (issue 9). Pure reads of the ledger's rows: nothing here decides.
 */

/**
 * A reqRtran of ours may have reversed the request it verified: KICC answered 0000 (reversed),
 * or never answered usably (in doubt, S999 "outcome unknown"). not-sent and 401/403 reversed
 * nothing; S006 / S007 / refusals say it did not.
 */
export function mayHaveReversed(verification: AttemptFacts): boolean {
  return (
    verification.kind === 'net-cancel' &&
    (verification.class === 'ok' ||
      verification.class === 'in-doubt' ||
      verification.class === 'retryable')
  );
}

/** An earlier reqRtran of ours for the same lost request that never answered usably. */
export function unanswered(verification: AttemptFacts): boolean {
  return mayHaveReversed(verification) && verification.class !== 'ok';
}

/** The lost reqCancels of ours that a reqRtran of ours may have reversed (ids). */
export function reversedByUs(attempts: readonly AttemptFacts[]): Set<number> {
  const reversed = new Set<number>();
  for (const a of attempts) {
    if (mayHaveReversed(a) && a.repeatsAttemptId !== null) reversed.add(a.repeatsAttemptId);
  }
  return reversed;
}

/** Reversals of ours of requests OTHER than `lostId` (the reversal limit counts these). */
export function otherReversals(attempts: readonly AttemptFacts[], lostId: number): number {
  const reversed = reversedByUs(attempts);
  reversed.delete(lostId);
  return reversed.size;
}

/** An earlier verification of `lostId` went unanswered (`current`: the one in flight, not counted). */
export function earlierUnanswered(
  attempts: readonly AttemptFacts[],
  lostId: number,
  current: number,
): boolean {
  return attempts.some((a) => a.id !== current && a.repeatsAttemptId === lostId && unanswered(a));
}

/**
 * No earlier send of this attempt's mercTrxNo can have been processed by KICC: every earlier one
 * provably never left (not-sent) or was refused before processing (401/403, KICC-API.md [A]).
 * An S005 to such a send means another transaction owns the number (issue 9, sequence 5).
 */
export function firstSendOfNumber(
  attempts: readonly AttemptFacts[],
  attempt: AttemptFacts,
): boolean {
  return attempts.every(
    (a) =>
      a.id === attempt.id ||
      a.kind !== 'cancel' ||
      a.mercTrxNo !== attempt.mercTrxNo ||
      a.class === 'not-sent' ||
      a.class === 'auth',
  );
}

/** reqCancels of ours that never answered usably (in doubt, S999). */
export function unansweredCancels(attempts: readonly AttemptFacts[]): number {
  return attempts.filter(
    (a) => a.kind === 'cancel' && (a.class === 'in-doubt' || a.class === 'retryable'),
  ).length;
}

/** reqCancels of this cancellation refused by KICC, other than `current` */
export function refusals(attempts: readonly AttemptFacts[], current: number): number {
  return attempts.filter((a) => a.id !== current && a.kind === 'cancel' && a.class === 'rejected')
    .length;
}

/** S005 answers to first sends so far: fresh numbers drawn because another owned ours. */
export function numbersTaken(attempts: readonly AttemptFacts[]): number {
  return attempts.filter((a) => a.kind === 'cancel' && a.class === 'duplicate').length;
}

/**
 * The app's answer write failed and the attempt was handed to the queue (./workflow.ts), but
 * KICC had said 0000: the cancellation landed, and reversing it to verify would undo a refund
 * KICC confirmed.
 */
export function answeredLanded(lost: AttemptFacts): boolean {
  return lost.class === 'in-doubt' && lost.code === '0000';
}
