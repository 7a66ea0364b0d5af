import type { KiccEndpoint } from '../../shared/kicc/types';
import type { KiccClass } from './outcome';

/**
 * THE code table: what each KICC respCd means, which class it is, and what the cashier should be
 * told. KICC has published no code list for this API (KICC-API.md "Result codes" [A]); these are
 * the simulator's placeholder codes. When KICC answers, real codes replace them HERE and nowhere
 * else.
 *
 * The words are written for the cancellation screen, in plain Korean first (STYLE.md).
 */

export interface CashierWords {
  ko: string;
  en: string;
}

export interface KiccCodeRow {
  class: KiccClass;
  /** Endpoints on which this code is a documented answer. Elsewhere it is unexpected. */
  endpoints: readonly KiccEndpoint[];
  /** The request was malformed: a bug of ours. Log loudly; do not repeat the same request. */
  ourBug: boolean;
  /** What happened, in the cashier's words. */
  meaning: CashierWords;
  /** What the cashier does now. */
  hint: CashierWords;
}

/** KICC's one published code [C]: success. */
export const KICC_OK = '0000';

const DO_NOT_REFUND_CASH: CashierWords = {
  ko: '확인이 끝날 때까지 현금으로 환불하지 마세요.',
  en: 'Do not refund in cash until this is verified.',
};

export const KICC_CODES: Readonly<Record<string, KiccCodeRow>> = {
  '0000': {
    class: 'ok',
    endpoints: ['cancel', 'netCancel', 'approve'],
    ourBug: false,
    meaning: { ko: '정상 처리되었습니다.', en: 'KICC processed the request.' },
    hint: {
      ko: '카드 취소가 완료되었습니다. 현금으로 환불하지 마세요.',
      en: 'The card payment is cancelled. Do not refund in cash.',
    },
  },
  S001: {
    class: 'rejected',
    endpoints: ['cancel'],
    ourBug: false,
    meaning: {
      ko: '원거래를 찾을 수 없습니다 (거래번호, 승인일자 또는 승인번호가 맞지 않습니다).',
      en: 'The original payment was not found (number, date or approval number does not match).',
    },
    hint: {
      ko: '영수증의 원거래 번호, 승인일자, 승인번호를 다시 확인해 주세요.',
      en: 'Check the transaction number, approval date and approval number on the receipt.',
    },
  },
  S002: {
    class: 'already-cancelled',
    endpoints: ['cancel'],
    ourBug: false,
    meaning: { ko: '이미 취소된 결제입니다.', en: 'This payment was already cancelled.' },
    hint: {
      ko: '카드 취소는 이미 되어 있습니다. 현금으로 다시 환불하지 마세요.',
      en: 'The card payment is already cancelled. Do not refund again in cash.',
    },
  },
  S003: {
    class: 'rejected',
    endpoints: ['cancel'],
    ourBug: false,
    meaning: {
      ko: '금액(결제 금액, 부가세, 봉사료) 또는 할부 개월이 원거래와 다릅니다.',
      en: 'Amount, VAT, service charge or installment months do not match the original.',
    },
    hint: {
      ko: '영수증의 금액과 할부 개월을 확인해 주세요. 부분 취소는 할 수 없습니다.',
      en: 'Check the amounts and installment months on the receipt. Partial cancels are not possible.',
    },
  },
  S004: {
    class: 'rejected',
    endpoints: ['cancel'],
    ourBug: false,
    meaning: { ko: '취소 가능 기간이 지났습니다.', en: 'The cancellation period has expired.' },
    hint: {
      ko: '카드로는 취소할 수 없습니다. 관리자에게 문의해 주세요.',
      en: 'The card payment cannot be cancelled any more. Ask the manager.',
    },
  },
  S005: {
    class: 'duplicate',
    endpoints: ['cancel', 'approve'],
    ourBug: false,
    meaning: {
      ko: '같은 가맹점 거래번호로 이미 요청이 있었습니다. 처음 요청의 결과를 확인합니다.',
      en: 'A request with this merchant number was already made; its outcome is being verified.',
    },
    hint: DO_NOT_REFUND_CASH,
  },
  S006: {
    class: 'not-found',
    endpoints: ['netCancel'],
    ourBug: false,
    meaning: {
      ko: '확인 결과: 이전 취소 요청은 처리되지 않았습니다. 다시 취소를 요청합니다.',
      en: 'Verified: the earlier cancellation did not go through. It is sent again.',
    },
    hint: DO_NOT_REFUND_CASH,
  },
  S007: {
    class: 'landed',
    endpoints: ['netCancel'],
    ourBug: false,
    meaning: {
      ko: '확인 결과: 이전 취소 요청이 처리되었습니다.',
      en: 'Verified: the earlier cancellation went through.',
    },
    hint: {
      ko: '카드 취소가 완료되었습니다. 현금으로 환불하지 마세요.',
      en: 'The card payment is cancelled. Do not refund in cash.',
    },
  },
  S008: {
    class: 'rejected',
    endpoints: ['cancel', 'netCancel', 'approve'],
    ourBug: true,
    meaning: {
      ko: '요청 항목 검증에 실패했습니다 (프로그램 오류).',
      en: 'KICC refused a field of the request (a program error).',
    },
    hint: {
      ko: '같은 취소를 반복하지 말고 관리자에게 알려 주세요.',
      en: 'Do not repeat the cancellation; tell the manager.',
    },
  },
  S999: {
    class: 'retryable',
    endpoints: ['cancel', 'netCancel', 'approve'],
    ourBug: false,
    meaning: {
      ko: 'KICC 일시 오류로 처리 여부를 알 수 없습니다. 자동으로 확인합니다.',
      en: 'Temporary error at KICC: the outcome is unknown and is being verified.',
    },
    hint: DO_NOT_REFUND_CASH,
  },
};

/**
 * A code missing from the table. KICC says "anything else = a failure reason" [C], but not WHICH
 * reason: on reqCancel it may be KICC's real "already cancelled" (issue 9, sequence 1), so it is
 * never a final "not refunded": a manager looks, with KICC's message (KICC-API.md "Failing safe
 * where this reading may be wrong"). On reqRtran: "anything else: unexpected -> needs manual
 * review" [A]. The class is 'rejected' (KICC refused; it says what the exchange was), and
 * `needsReview` tells the engine a person must look. reqAprv is the simulator's only.
 */
const UNKNOWN_CODE: Readonly<Record<KiccEndpoint, Omit<KiccCodeRow, 'endpoints'>>> = {
  cancel: {
    class: 'rejected',
    ourBug: false,
    meaning: {
      ko: 'KICC가 이 프로그램이 모르는 코드로 답했습니다. 취소가 되었는지 알 수 없습니다.',
      en: 'KICC answered with a code this app does not know: whether it was cancelled is not known.',
    },
    hint: {
      ko: '관리자 확인이 필요합니다. 현금으로 환불하지 마세요.',
      en: 'A manager must review this. Do not refund in cash.',
    },
  },
  approve: {
    class: 'rejected',
    ourBug: false,
    meaning: {
      ko: 'KICC가 승인을 거절했습니다 (이 프로그램이 모르는 코드입니다).',
      en: 'KICC refused the approval (a code this app does not know).',
    },
    hint: { ko: 'KICC 메시지를 확인해 주세요.', en: "Read KICC's message." },
  },
  netCancel: {
    class: 'rejected',
    ourBug: false,
    meaning: {
      ko: '확인 응답을 해석할 수 없습니다 (이 프로그램이 모르는 코드입니다).',
      en: 'The verification answer cannot be interpreted (a code this app does not know).',
    },
    hint: {
      ko: '관리자 확인이 필요합니다. 현금으로 환불하지 마세요.',
      en: 'A manager must review this. Do not refund in cash.',
    },
  },
};

/**
 * The answers to a verification (reqRtran) that KICC-API.md's table tells us how to act on:
 * 0000 (reversed: cancel afresh), not-found (cancel afresh), landed (it stands), and a temporary
 * error (keep verifying). "Anything else: unexpected -> needs manual review."
 */
const NET_CANCEL_ACTIONABLE: ReadonlySet<KiccClass> = new Set<KiccClass>([
  'ok',
  'not-found',
  'landed',
  'retryable',
]);

export interface KiccCodeVerdict extends Omit<KiccCodeRow, 'endpoints'> {
  code: string;
  /** the code is in KICC_CODES */
  known: boolean;
  /**
   * A person must look at it: a code unknown to this table on reqCancel or reqRtran, any
   * net-cancel answer outside KICC-API.md's table, or a known code arriving on an endpoint that
   * does not send it (e.g. S006 on reqCancel).
   */
  needsReview: boolean;
}

export function kiccCodeVerdict(endpoint: KiccEndpoint, respCd: string): KiccCodeVerdict {
  const row = Object.hasOwn(KICC_CODES, respCd) ? KICC_CODES[respCd] : undefined;
  if (row === undefined) {
    const unknown = UNKNOWN_CODE[endpoint];
    return { ...unknown, code: respCd, known: false, needsReview: endpoint !== 'approve' };
  }
  const { endpoints, ...meaning } = row;
  if (!endpoints.includes(endpoint)) {
    // A known code in the wrong place (S006 on reqCancel): something is off at KICC or in this
    // table. KICC still refused ("anything else = a failure reason"); its row's words would
    // mislead here, and a person has to look.
    return { ...UNKNOWN_CODE[endpoint], code: respCd, known: true, needsReview: true };
  }
  const needsReview = endpoint === 'netCancel' && !NET_CANCEL_ACTIONABLE.has(row.class);
  return { ...meaning, code: respCd, known: true, needsReview };
}
