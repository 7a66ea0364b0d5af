import type { KiccClass } from '../kicc/outcome';
import type { CancellationNote } from '../ledger/types';
import type { HoldBack } from './reversalPolicy';

/**
 * THE verification policy: what a reqRtran answer about an in-doubt cancellation means.
 * KICC-API.md "How we use it to verify an in-doubt cancellation" is an [A] assumption, and
 * issue 9 made it hold under the other readings too. When KICC says how a lost cancellation is
 * really verified, this table (and only this table) changes.
 *
 * | answer                                   | decision                                             |
 * |------------------------------------------|------------------------------------------------------|
 * | 0000 (reversed: original approved again) | fresh attempt; needs_review if it was sent only to   |
 * |                                          | verify (./reversalPolicy.ts held the reversal back)  |
 * | not-found (S006: it never landed)        | fresh attempt; needs_review after 3 reqCancels that  |
 * |                                          | all went unanswered (no cancel -> verify loop)       |
 * | landed (S007: too old to reverse)        | cancelled; needs_review if an earlier reqRtran of    |
 * |                                          | ours for it went unanswered (it may have reversed it |
 * |                                          | and KICC checks the window first)                    |
 * | not-sent, in-doubt, retryable (S999)     | keep verifying, with back-off                        |
 * | auth (401/403)                           | pause the queue; the item is untouched               |
 * | anything else                            | needs_review                                         |
 */
export interface VerificationFacts {
  /** why this reqRtran was not allowed to reverse (sent after the window); null: it was */
  holdBack: HoldBack | null;
  /** an earlier reqRtran of ours for the same lost request never answered usably */
  earlierUnanswered: boolean;
  /** reqCancels of this cancellation that never answered usably (./history.ts) */
  unansweredCancels: number;
}

/**
 * reqCancels left unanswered, each verified as never landed, before the engine stops sending
 * more: KICC is refusing them for a reason it never lets us read (no cancel -> verify -> cancel
 * loop, issue 9).
 */
export const MAX_UNANSWERED_CANCELS = 3;

export type VerificationDecision =
  | { next: 'fresh-attempt' }
  | { next: 'cancelled' }
  | { next: 'keep-verifying' }
  | { next: 'pause-for-auth' }
  | { next: 'needs-review'; note: CancellationNote };

/** What it means when a reqRtran that was not meant to reverse anything reversed after all. */
const REVERSED_ANYWAY: Readonly<Record<HoldBack, CancellationNote>> = {
  'reversal-limit': 'reversal-limit',
  'reversal-not-safe': 'reversal-not-safe',
  // KICC's window is longer than we assume: nothing the engine may act on alone
  'answered-landed': 'unexpected-answer',
};

export function decideAfterVerification(
  kiccClass: KiccClass,
  facts: VerificationFacts,
): VerificationDecision {
  switch (kiccClass) {
    case 'ok':
      return facts.holdBack === null
        ? { next: 'fresh-attempt' }
        : { next: 'needs-review', note: REVERSED_ANYWAY[facts.holdBack] };
    case 'not-found':
      return facts.unansweredCancels < MAX_UNANSWERED_CANCELS
        ? { next: 'fresh-attempt' }
        : { next: 'needs-review', note: 'unanswered-cancels' };
    case 'landed':
      return facts.earlierUnanswered
        ? { next: 'needs-review', note: 'window-after-unanswered-reversal' }
        : { next: 'cancelled' };
    case 'not-sent':
    case 'in-doubt':
    case 'retryable':
      return { next: 'keep-verifying' };
    case 'auth':
      return { next: 'pause-for-auth' };
    case 'rejected':
    case 'already-cancelled':
    case 'duplicate':
      return { next: 'needs-review', note: 'unexpected-answer' };
  }
}

/**
 * An in-doubt cancellation whose verification deadline passed: handed to a manager. Held back
 * from reversing (./reversalPolicy.ts) and still unsettled, it says why ("waiting out the
 * net-cancel window did not settle it"); otherwise the deadline.
 */
export function noteAtDeadline(holdBack: HoldBack | null): CancellationNote {
  return holdBack === 'reversal-limit' || holdBack === 'reversal-not-safe'
    ? holdBack
    : 'verification-deadline';
}
