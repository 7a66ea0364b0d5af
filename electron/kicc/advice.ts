import type { CashierWords } from './codes';
import { kiccCodeVerdict } from './codes';
import type { KiccClass, KiccOutcome } from './outcome';

/**
 * What to tell the cashier about an outcome, Korean first (STYLE.md "Look and feel"). A KICC
 * answer speaks through the code table (./codes.ts); an exchange without one speaks through its
 * class. Every unresolved case says not to refund in cash: double refunds in real stores come
 * from a cashier who believes a card cancellation failed (DESIGN.md "A cancellation's life").
 */

export interface CashierAdvice {
  meaning: CashierWords;
  hint: CashierWords;
}

type TransportClass = Extract<KiccClass, 'not-sent' | 'in-doubt' | 'auth'>;

const TRANSPORT_ADVICE: Readonly<Record<TransportClass, CashierAdvice>> = {
  'not-sent': {
    meaning: {
      ko: 'KICC에 연결하지 못해 요청을 보내지 못했습니다. 연결되면 자동으로 다시 보냅니다.',
      en: 'Could not reach KICC, so nothing was sent. It is sent automatically once online.',
    },
    hint: {
      ko: '취소 대기 중 — 현금으로 환불하지 마세요.',
      en: 'Cancellation waiting — do not refund in cash.',
    },
  },
  'in-doubt': {
    meaning: {
      ko: 'KICC의 응답을 받지 못해 처리 여부를 알 수 없습니다. 자동으로 확인합니다.',
      en: "KICC's answer was lost, so the outcome is unknown. It is verified automatically.",
    },
    hint: {
      ko: '취소 확인 중 — 현금으로 환불하지 마세요.',
      en: 'Being verified — do not refund in cash.',
    },
  },
  auth: {
    meaning: {
      ko: 'KICC 인증에 실패했습니다 (채널 아이디 또는 시크릿 키).',
      en: 'KICC did not accept our credentials (channel id or secret key).',
    },
    hint: {
      ko: '관리자에게 인증 정보 확인을 요청하세요. 대기 중인 취소는 그대로 보관됩니다.',
      en: 'Ask the manager to check the credentials. Waiting cancellations are kept.',
    },
  },
};

const isTransportClass = (value: KiccClass): value is TransportClass =>
  Object.hasOwn(TRANSPORT_ADVICE, value);

/**
 * KICC refused us (401/403) and its Date header is `skewMs` from the PC's clock (./classify.ts):
 * the PC's clock is wrong, and the cashier or manager can fix it (issue 9, sequence 10).
 */
export function wrongClockAdvice(skewMs: number): CashierAdvice {
  const minutes = Math.max(1, Math.round(Math.abs(skewMs) / 60_000));
  const behind = skewMs > 0;
  return {
    meaning: {
      ko: `PC 시계가 KICC 시계보다 ${minutes}분 ${behind ? '늦습니다' : '빠릅니다'}. 그래서 KICC가 요청을 거부했습니다.`,
      en: `This PC's clock is ${minutes} minutes ${behind ? 'behind' : 'ahead of'} KICC's, so KICC refused the request.`,
    },
    hint: {
      ko: 'Windows 설정 > 시간 및 언어 > 날짜 및 시간 > 지금 동기화를 누른 뒤 다시 시도하세요. 계속 거부되면 관리자에게 인증 정보 확인을 요청하세요. 대기 중인 취소는 그대로 보관됩니다.',
      en: 'Open Windows Settings > Time & language > Date & time > Sync now, then retry. If KICC still refuses, ask the manager to check the credentials. Waiting cancellations are kept.',
    },
  };
}

export function cashierAdvice(outcome: KiccOutcome): CashierAdvice {
  if (outcome.clockSkewMs !== undefined) return wrongClockAdvice(outcome.clockSkewMs);
  if (outcome.code !== undefined) {
    const verdict = kiccCodeVerdict(outcome.exchange.endpoint, outcome.code);
    return { meaning: verdict.meaning, hint: verdict.hint };
  }
  if (isTransportClass(outcome.class)) return TRANSPORT_ADVICE[outcome.class];
  // Every class without a code is a transport class; a coded class here is a bug of ours.
  throw new Error(`outcome of class ${outcome.class} carries no respCd`);
}
