import type { KiccClass } from '../kicc/outcome';

/**
 * THE verification policy: what a reqRtran answer about an in-doubt cancellation means.
 * KICC-API.md "How we use it to verify an in-doubt cancellation" is an [A] assumption: when KICC
 * says how a lost cancellation is really verified, this table (and only this table) changes.
 *
 * | answer                                   | decision                                   |
 * |------------------------------------------|--------------------------------------------|
 * | 0000 (reversed: original approved again) | fresh attempt (new mercTrxNo, today's KST) |
 * | not-found (S006: it never landed)        | fresh attempt                              |
 * | landed (S007: too old to reverse)        | cancelled: the lost one stands             |
 * | not-sent, in-doubt, retryable (S999)     | keep verifying, with back-off              |
 * | auth (401/403)                           | pause the queue; the item is untouched     |
 * | anything else                            | needs_review                               |
 */
export type VerificationDecision =
  'fresh-attempt' | 'cancelled' | 'keep-verifying' | 'pause-for-auth' | 'needs-review';

export function decideAfterVerification(kiccClass: KiccClass): VerificationDecision {
  switch (kiccClass) {
    case 'ok':
    case 'not-found':
      return 'fresh-attempt';
    case 'landed':
      return 'cancelled';
    case 'not-sent':
    case 'in-doubt':
    case 'retryable':
      return 'keep-verifying';
    case 'auth':
      return 'pause-for-auth';
    case 'rejected':
    case 'already-cancelled':
    case 'duplicate':
      return 'needs-review';
  }
}
