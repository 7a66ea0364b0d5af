import type { CancellationChannelRequest, PosResult } from '../../shared/contract';
import type { CashierEntry } from '../../shared/contract/settings-rules';
import type { ApprovalVia } from '../cancellations/approval';
import { requesterOf } from './cashiers';
import type { ManagerRole } from './manager-role';

/**
 * Who asked for a cancellation and who approved it (DESIGN.md "Who does what": "Both the
 * requester and the approver are recorded"), decided in main, never by the page:
 *
 *  - the requester is the person at the till (./cashiers.ts): the cashier whose number was typed,
 *    or "계산원" in a store without cashier numbers. Manager mode does not change it: a cashier
 *    cancelling while manager mode is open is still the cashier (issue 13 finding 5);
 *  - the approver: the manager's PIN typed on the same screen (checked here; wrong ones count
 *    toward the lock-out; the PIN goes no further), or manager mode open. The engine records an
 *    approval only where one was needed or given (electron/cancellations/approval.ts), with its
 *    audit event, in the cancellation's own transaction;
 *  - without either, over the limit the engine answers `needs-manager` and writes nothing.
 *
 * The cashier's number is checked first: a wrong one spends none of the manager's PIN tries.
 */
export interface ApprovalContext {
  requestedBy: string;
  approvedBy?: 'manager';
  approvedVia?: ApprovalVia;
}

export type RequestCancellation<T> = (
  request: Omit<CancellationChannelRequest, 'managerPin' | 'cashierNo'>,
  context: ApprovalContext,
) => Promise<PosResult<T>>;

export async function requestWithApproval<T>(
  input: CancellationChannelRequest,
  role: Pick<ManagerRole, 'isManager' | 'touch' | 'approve'>,
  request: RequestCancellation<T>,
  cashiers: () => readonly CashierEntry[] = () => [],
): Promise<PosResult<T>> {
  const { managerPin, cashierNo, ...rest } = input;
  const requester = requesterOf(cashiers(), cashierNo);
  if (!requester.ok) return requester;
  const requestedBy = requester.value;
  if (role.isManager()) {
    role.touch();
    return request(rest, { requestedBy, approvedBy: 'manager', approvedVia: 'manager-mode' });
  }
  if (managerPin !== undefined) {
    const approved = await role.approve(managerPin);
    if (!approved.ok) return approved;
    return request(rest, {
      requestedBy,
      approvedBy: approved.value.approvedBy,
      approvedVia: 'pin',
    });
  }
  return request(rest, { requestedBy });
}
