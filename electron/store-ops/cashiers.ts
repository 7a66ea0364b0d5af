import type { PosError, PosResult } from '../../shared/contract';
import { posError } from '../../shared/contract';
import type { CashierEntry } from '../../shared/contract/settings-rules';
import { cashierLabel } from '../../shared/contract/settings-rules';

/**
 * Who asked for a cancellation (issue 13 finding 5: "who" was only the role, and a cashier's
 * request made while manager mode was open was recorded as the manager's).
 *
 * The requester is the person at the till, never inferred from manager mode:
 *  - a store without cashiers in its settings (a one-person store): `cashier`, "계산원";
 *  - otherwise the cashier whose number was typed on the confirmation: "김민지 (07)", as the
 *    reports print it. No number, or a number nobody has: refused, nothing written or sent.
 * A cashier's number identifies; it does not authorise (the manager PIN does).
 */
export const ONE_PERSON_REQUESTER = 'cashier';

export const cashierErrors = {
  needed: (): PosError =>
    posError(
      'cashier-needed',
      '계산원 번호를 입력하세요. 누가 취소했는지 기록합니다.',
      'Type your cashier number: the ledger records who cancelled.',
    ),
  unknown: (): PosError =>
    posError(
      'cashier-unknown',
      '등록되지 않은 계산원 번호입니다. 번호를 확인하거나 관리자에게 문의하세요.',
      'No cashier has that number. Check it, or ask the manager.',
    ),
};

export function requesterOf(
  cashiers: readonly CashierEntry[],
  cashierNo: string | undefined,
): PosResult<string> {
  if (cashiers.length === 0) return { ok: true, value: ONE_PERSON_REQUESTER };
  if (cashierNo === undefined) return { ok: false, error: cashierErrors.needed() };
  const found = cashiers.find((c) => c.no === cashierNo);
  return found === undefined
    ? { ok: false, error: cashierErrors.unknown() }
    : { ok: true, value: cashierLabel(found) };
}
