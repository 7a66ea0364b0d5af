import type { FieldError } from '../../shared/kicc/fields';
import { formatKrw } from '../../shared/money';
import type { CancellationState } from '../ledger/types';

/**
 * Every refusal of the engine's services, as a value (STYLE.md). Shaped like the IPC contract's
 * PosError (shared/contract/errors.ts: code, message {ko, en}, fields?) so the IPC layer passes it
 * on as it is. Never carries a secret, a stack trace or a path.
 */
export type ServiceErrorCode =
  /** the input broke a rule (zod or a KICC field rule): nothing was written */
  | 'invalid-request'
  /** no receipt / cancellation with that id */
  | 'not-found'
  /** the receipt already has a cancellation that is not rejected (DESIGN.md) */
  | 'duplicate'
  /** over the cashier's limit: a manager must approve (DESIGN.md "Who does what") */
  | 'needs-manager'
  /** offline, paused, or KICC not answering, and past the exposure limits (DESIGN.md "The queue") */
  | 'exposure-limit'
  /** the confirmed amounts are not the original's (KICC cancels in full only) */
  | 'amounts-differ'
  /** a typed receipt contradicts one already known for the same original */
  | 'receipt-conflict'
  /** the same clientRequestId was used for another receipt */
  | 'request-id-reused'
  /** the services are closed */
  | 'closed'
  /** the ledger refused the first write (a full disk): nothing was sent (issue 9) */
  | 'not-recorded';

export interface ServiceError {
  code: ServiceErrorCode;
  message: { ko: string; en: string };
  fields?: FieldError[];
  /** the cancellation the refusal is about (duplicate) */
  cancellationId?: string;
  state?: CancellationState;
}

const STATE_WORDS: Record<CancellationState, { ko: string; en: string }> = {
  draft: { ko: '작성 중', en: 'being prepared' },
  pending: { ko: '대기', en: 'pending' },
  sending: { ko: '전송 중', en: 'being sent' },
  queued: { ko: '전송 대기', en: 'waiting to be sent' },
  in_doubt: { ko: '확인 중', en: 'being verified' },
  cancelled: { ko: '취소 완료', en: 'cancelled' },
  rejected: { ko: '취소 거절', en: 'rejected' },
  needs_review: { ko: '관리자 확인 필요', en: 'waiting for a manager' },
};

export const serviceErrors = {
  invalidRequest: (fields: FieldError[]): ServiceError => ({
    code: 'invalid-request',
    message: {
      ko: '요청 내용이 올바르지 않습니다. 아무 것도 처리되지 않았습니다.',
      en: 'The request is not valid. Nothing was done.',
    },
    fields,
  }),
  receiptNotFound: (): ServiceError => ({
    code: 'not-found',
    message: { ko: '영수증을 찾을 수 없습니다.', en: 'The receipt was not found.' },
  }),
  cancellationNotFound: (): ServiceError => ({
    code: 'not-found',
    message: { ko: '취소 내역을 찾을 수 없습니다.', en: 'The cancellation was not found.' },
  }),
  duplicate: (cancellationId: number, state: CancellationState): ServiceError => ({
    code: 'duplicate',
    message: {
      ko: `이 결제에는 이미 취소 요청이 있습니다 (${STATE_WORDS[state].ko}). 다시 취소하거나 현금으로 환불하지 마세요.`,
      en: `This payment already has a cancellation (${STATE_WORDS[state].en}). Do not cancel it again or refund in cash.`,
    },
    cancellationId: String(cancellationId),
    state,
  }),
  needsManager: (amount: number, limit: number): ServiceError => ({
    code: 'needs-manager',
    message: {
      ko: `${formatKrw(amount, 'ko')}은 계산원 취소 한도 ${formatKrw(limit, 'ko')}을 넘습니다. 관리자 승인이 필요합니다.`,
      en: `${formatKrw(amount, 'en')} is over the cashier's limit of ${formatKrw(limit, 'en')}. A manager must approve it.`,
    },
  }),
  exposureCount: (count: number, limit: number): ServiceError => ({
    code: 'exposure-limit',
    message: {
      ko: `KICC에 연결되지 않거나 KICC가 응답하지 않는 상태에서 처리되지 않은 취소가 ${count}건으로 한도(${limit}건)에 이르렀습니다. KICC가 다시 응답하면 다시 시도해 주세요.`,
      en: `KICC cannot be reached or is not answering, and ${count} cancellations are unresolved: the limit is ${limit}. Try again when KICC answers.`,
    },
  }),
  exposureTotal: (total: number, amount: number, limit: number): ServiceError => ({
    code: 'exposure-limit',
    message: {
      ko: `KICC에 연결되지 않거나 KICC가 응답하지 않는 상태에서 처리되지 않은 취소 금액이 ${formatKrw(total, 'ko')}입니다. ${formatKrw(amount, 'ko')}을 더하면 한도 ${formatKrw(limit, 'ko')}을 넘습니다. KICC가 다시 응답하면 다시 시도해 주세요.`,
      en: `KICC cannot be reached or is not answering, with ${formatKrw(total, 'en')} of unresolved cancellations: adding ${formatKrw(amount, 'en')} would pass the limit of ${formatKrw(limit, 'en')}. Try again when KICC answers.`,
    },
  }),
  amountsDiffer: (): ServiceError => ({
    code: 'amounts-differ',
    message: {
      ko: '확인한 금액이 원거래 금액과 다릅니다. 카드 결제는 전액만 취소할 수 있습니다. 영수증을 다시 조회해 주세요.',
      en: 'The confirmed amounts differ from the original payment; a card payment can only be cancelled in full. Look the receipt up again.',
    },
  }),
  receiptConflict: (): ServiceError => ({
    code: 'receipt-conflict',
    message: {
      ko: '같은 원거래로 보이는 영수증이 이미 다른 내용으로 등록되어 있습니다. 영수증을 다시 확인해 주세요.',
      en: 'A receipt for what looks like the same payment is already known with different details. Check the receipt.',
    },
  }),
  requestIdReused: (): ServiceError => ({
    code: 'request-id-reused',
    message: {
      ko: '이 취소 화면의 요청 번호가 다른 영수증에 이미 쓰였습니다. 화면을 닫고 다시 시도해 주세요.',
      en: 'This confirmation was already used for another receipt. Close the screen and try again.',
    },
  }),
  notRecorded: (): ServiceError => ({
    code: 'not-recorded',
    message: {
      ko: '취소를 기록하지 못해 KICC에 보내지 않았습니다. 아무 것도 처리되지 않았습니다. 디스크 공간을 확인한 뒤 다시 시도해 주세요.',
      en: 'The cancellation could not be recorded, so it was not sent to KICC. Nothing was done. Check the disk space and try again.',
    },
  }),
  closed: (): ServiceError => ({
    code: 'closed',
    message: {
      ko: '프로그램이 종료 중입니다. 다시 시작한 뒤 시도해 주세요.',
      en: 'The app is shutting down. Try again after it restarts.',
    },
  }),
};
