import type { CancellationChannelRequest, PosResult } from '../../shared/contract';
import type { ManagerRole } from './manager-role';

/**
 * Who asked for a cancellation and who approved it (DESIGN.md "Who does what": "Both the
 * requester and the approver are recorded"), decided in main from main's own role:
 *
 *  - manager mode: requested and approved by `manager`, whatever the amount (no PIN asked);
 *  - the cashier with `managerPin` (over the limit, typed by the manager on the same screen):
 *    the PIN is checked (wrong ones count toward the lock-out), then requested by `cashier`,
 *    approved by `manager`. The PIN goes no further: the engine never sees it;
 *  - the cashier alone: requested by `cashier`; over the limit the engine answers
 *    `needs-manager` and writes nothing.
 */
/** Who asked, who approved: set by main, never by the page. */
export interface ApprovalContext {
  requestedBy: 'cashier' | 'manager';
  approvedBy?: 'manager';
}

export type RequestCancellation<T> = (
  request: Omit<CancellationChannelRequest, 'managerPin'>,
  context: ApprovalContext,
) => Promise<PosResult<T>>;

export async function requestWithApproval<T>(
  input: CancellationChannelRequest,
  role: Pick<ManagerRole, 'isManager' | 'touch' | 'approve'>,
  request: RequestCancellation<T>,
): Promise<PosResult<T>> {
  const { managerPin, ...rest } = input;
  if (role.isManager()) {
    role.touch();
    return request(rest, { requestedBy: 'manager', approvedBy: 'manager' });
  }
  if (managerPin !== undefined) {
    const approved = await role.approve(managerPin);
    if (!approved.ok) return approved;
    return request(rest, { requestedBy: 'cashier', approvedBy: approved.value.approvedBy });
  }
  return request(rest, { requestedBy: 'cashier' });
}
