import { posError } from '../../shared/contract';
import type { PosError, RecordImplies } from '../../shared/contract';

/**
 * The refusals of a manager's resolution and its reopening (docs/shell.md "Manager channels"),
 * Korean first. Nothing is changed when one is answered.
 */
const IMPLIED: Record<Exclude<RecordImplies, 'unknown'>, { ko: string; en: string }> = {
  refunded: {
    ko: 'KICC의 응답 기록으로는 카드 취소가 되어 있습니다 (환불됨)',
    en: "KICC's answers say the card payment IS cancelled (refunded)",
  },
  'not-refunded': {
    ko: 'KICC의 응답 기록으로는 카드 결제가 취소되지 않았습니다 (환불 안 됨)',
    en: "KICC's answers say the card payment is NOT cancelled (not refunded)",
  },
};

export const reviewErrors = {
  contradictsRecord: (implies: Exclude<RecordImplies, 'unknown'>): PosError =>
    posError(
      'contradicts-record',
      `선택한 결과가 기록과 다릅니다: ${IMPLIED[implies].ko}. 그래도 기록하려면 KICC 가맹점 관리자 화면 등에서 확인한 이유를 적으세요.`,
      `The finding contradicts the record: ${IMPLIED[implies].en}. To record it anyway, give the reason (what KICC's portal or staff told you).`,
    ),
  /** ../cancellations/cancelledElsewhere.ts: one payment, one refund in the books */
  refundedElsewhere: (other: { id: number }): PosError =>
    posError(
      'refunded-elsewhere',
      `이 결제는 다른 영수증의 취소(취소 번호 ${other.id})로 이미 환불되었거나 환불 중일 수 있습니다. '취소됨'으로 기록하면 한 결제의 환불이 두 번 집계됩니다. '취소 안 됨'으로 기록하세요. 취소 번호 ${other.id}가 아직 확정되지 않았다면 그것을 먼저 확인하세요.`,
      `This payment was refunded, or may be, under another receipt's cancellation (${other.id}). Recording "cancelled" would count one payment's refund twice: record "not cancelled". If cancellation ${other.id} is not final yet, settle it first.`,
    ),
  notManagerResolved: (): PosError =>
    posError(
      'not-manager-resolved',
      '관리자가 기록한 결과만 다시 열 수 있습니다. KICC가 직접 답한 결과는 다시 열 수 없습니다.',
      "Only a manager's recorded finding can be reopened; KICC's own answers cannot.",
    ),
  receiptCancelledAgain: (other: { id: number; state: string }): PosError =>
    posError(
      'receipt-cancelled-again',
      `이 영수증은 그 뒤 다시 취소 요청되었습니다 (취소 번호 ${other.id}). 이 기록을 다시 열면 한 결제에 살아 있는 취소가 둘이 됩니다. 다시 열 수 없습니다: 새 취소의 결과를 확인하세요.`,
      `This receipt was cancelled again afterwards (cancellation ${other.id}). Reopening this record would leave two live cancellations for one payment, so it cannot be reopened: check the new cancellation instead.`,
    ),
};
