import { serviceErrors, type ServiceError } from '../cancellations/errors';
import type { UnresolvedSummary } from '../ledger/cancellations';

/**
 * Exposure limits, like store-and-forward terminals (DESIGN.md "The queue"): while KICC cannot be
 * reached, at most `offlineMaxCount` cancellations and `offlineMaxTotal` won may wait unresolved
 * (every state of EXPOSURE_STATES: in flight, queued, in doubt, or waiting for a manager). A new
 * cancellation that would pass either is refused, before anything is written or sent. Online,
 * nothing is refused here: the cancellation is sent at once.
 */
export interface ExposureLimits {
  offlineMaxCount: number;
  offlineMaxTotal: number;
}

export function exposureRefusal(
  unresolved: Pick<UnresolvedSummary, 'count' | 'total'>,
  limits: ExposureLimits,
  amount: number,
): ServiceError | null {
  if (unresolved.count + 1 > limits.offlineMaxCount) {
    return serviceErrors.exposureCount(unresolved.count, limits.offlineMaxCount);
  }
  if (unresolved.total + amount > limits.offlineMaxTotal) {
    return serviceErrors.exposureTotal(unresolved.total, amount, limits.offlineMaxTotal);
  }
  return null;
}
