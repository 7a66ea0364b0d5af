import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { Cancellation, CancellationTarget, Receipt } from '../ledger/types';
import { exposureRefusal } from '../queue/exposure';
import { serviceErrors, type ServiceError } from './errors';
import { targetOf } from './kiccRequests';
import type { NewCancellationInput, WorkflowDeps } from './workflow';

/**
 * What is refused BEFORE any call and any write (issue 3 "Refuses, before any call"; DESIGN.md):
 * the same screen's request again (answered with its cancellation), a receipt unknown or already
 * with a cancellation that is not rejected, amounts that are not the original's, an amount over
 * the cashier's limit without a manager, and, while KICC cannot be reached, the exposure limits.
 * The KICC field rules come after, when the request is built (./kiccRequests.ts).
 */
export type Admission =
  { existing: Cancellation } | { receipt: Receipt; target: CancellationTarget };

export function admit(
  deps: Pick<WorkflowDeps, 'ledger' | 'limits' | 'exposureApplies'>,
  input: NewCancellationInput,
): Result<Admission, ServiceError> {
  const { ledger } = deps;
  if (input.clientRequestId !== null) {
    const same = ledger.cancellations.byClientRequestId(input.clientRequestId);
    if (same !== null) {
      return same.receiptId === input.receiptId
        ? ok({ existing: same })
        : err(serviceErrors.requestIdReused());
    }
  }
  const receipt = ledger.receipts.get(input.receiptId);
  if (receipt === null) return err(serviceErrors.receiptNotFound());
  const live = ledger.cancellations.liveForReceipt(receipt.id);
  if (live !== null) return err(serviceErrors.duplicate(live.id, live.state));
  const target = targetOf(receipt);
  const confirmed = input.confirmedAmounts;
  if (
    confirmed !== null &&
    (confirmed.trxAmt !== target.trxAmt ||
      confirmed.vatAmt !== target.vatAmt ||
      confirmed.svcAmt !== target.svcAmt)
  ) {
    return err(serviceErrors.amountsDiffer());
  }
  if (target.trxAmt > deps.limits.cashierMaxAmount && input.approvedBy === null) {
    return err(serviceErrors.needsManager(target.trxAmt, deps.limits.cashierMaxAmount));
  }
  if (deps.exposureApplies()) {
    const unresolved = ledger.cancellations.exposure();
    const refused = exposureRefusal(unresolved, deps.limits, target.trxAmt);
    if (refused !== null) return err(refused);
  }
  return ok({ receipt, target });
}
