import type { RecordImplies } from '../contract/review-models';
import type { ReviewOutcome } from '../contract/review-requests';

/**
 * A manager's finding that says the opposite of what KICC's answers imply (issue 13 finding 3):
 * "not cancelled" where a cancellation of ours stands, "cancelled" where every request of ours
 * was refused, reversed or never arrived. It needs an explicit override with a reason. A record
 * that cannot tell (`unknown`) contradicts nothing. The page warns with it as the manager
 * chooses; main refuses with it (electron/store-ops/review-resolution.ts): one rule, one place.
 */
export function contradicts(implies: RecordImplies, outcome: ReviewOutcome): boolean {
  return (
    (implies === 'refunded' && outcome === 'not-cancelled') ||
    (implies === 'not-refunded' && outcome === 'cancelled')
  );
}
