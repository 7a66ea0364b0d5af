import { kiccCodeVerdict } from '../kicc/codes';
import type { KiccClass } from '../kicc/outcome';
import type { CancellationNote } from '../ledger/types';

/**
 * What a reqCancel answer means for the cancellation (DESIGN.md "A cancellation's life";
 * KICC-API.md "Error classes the client must tell apart"). One table, every class.
 */
export type CancelAttemptDecision =
  /** 0000, or already cancelled (the earlier one stood: noted) */
  | { next: 'cancelled'; note: CancellationNote | null }
  /** a business refusal: nothing happened at KICC; the reason is shown, nothing queued */
  | { next: 'rejected' }
  /** no byte reached KICC (or credentials refused): the SAME request is resent later */
  | { next: 'queued'; signal: 'offline' | 'auth' }
  /** KICC may have processed it: verify before anything else */
  | { next: 'in_doubt' }
  /** an answer reqCancel never gives: a person must look */
  | { next: 'needs_review' };

export function decideAfterCancel(kiccClass: KiccClass, respCd?: string): CancelAttemptDecision {
  switch (kiccClass) {
    case 'ok':
      return { next: 'cancelled', note: null };
    case 'already-cancelled':
      // KICC-API.md "reqRtran": "The client treats 'already cancelled' on a fresh cancellation
      // as success (the earlier one stood), and records that it did."
      return { next: 'cancelled', note: 'stood-earlier' };
    case 'rejected':
      // The code table (../kicc/codes.ts) files a known code that reqCancel never sends (S006,
      // S007 "landed: it stands") as a refusal with `needsReview`: a person must look. Telling
      // the cashier "not cancelled" there could end in a cash refund on top of a card one.
      if (respCd !== undefined && kiccCodeVerdict('cancel', respCd).needsReview) {
        return { next: 'needs_review' };
      }
      return { next: 'rejected' };
    case 'not-sent':
      return { next: 'queued', signal: 'offline' };
    case 'auth':
      // 401/403 is answered before KICC processes anything [A]; resending the same request is
      // safe (were it processed after all, KICC answers S005 and we verify).
      return { next: 'queued', signal: 'auth' };
    case 'in-doubt':
    case 'retryable':
    case 'duplicate':
      // S999 "outcome unknown"; S005 "outcome of the first is unknown, verify". A duplicate is
      // never taken as success (issue 3).
      return { next: 'in_doubt' };
    case 'not-found':
    case 'landed':
      return { next: 'needs_review' };
  }
}
