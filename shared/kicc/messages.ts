/**
 * Cashier-facing texts for KICC field errors, Korean first (STYLE.md "Look and feel").
 * Korean names the field in the cashier's words only, with an example rather than a pattern:
 * "원거래 승인일자는 실제 날짜여야 합니다 (예: 20240105)" (issue 12 finding 7: no "(orgAprvDt)"
 * or "yyyyMMdd" on a Korean screen). English, the switchable language a support engineer may
 * use, also gives KICC's name ("Original approval date (orgAprvDt)") to match against KICC's
 * field table (KICC-API.md reqCancel); every error also carries the name in `field`.
 */

export interface FieldLabel {
  ko: string;
  en: string;
}

export interface Bilingual {
  ko: string;
  en: string;
}

/** Labels of every KICC request field we send (KICC-API.md reqCancel, reqRtran). */
export const FIELD_LABELS: Readonly<Record<string, FieldLabel>> = {
  tid: { ko: '단말기 번호', en: 'Terminal ID' },
  svcId: { ko: '간편결제 서비스 번호', en: 'Simple-payment service ID' },
  bizrNo: { ko: '사업자등록번호', en: 'Business registration number' },
  mercTrxNo: { ko: '가맹점 거래번호', en: 'Merchant transaction number' },
  wcc: { ko: '취소 키 구분', en: 'Cancellation key type' },
  cndTrxNo: { ko: '원거래 번호', en: 'Original transaction number' },
  alotMonth: { ko: '할부 개월', en: 'Installment months' },
  trxAmt: { ko: '결제 금액', en: 'Total amount' },
  vatAmt: { ko: '부가세', en: 'VAT' },
  svcAmt: { ko: '봉사료', en: 'Service charge' },
  tranDt: { ko: '전송 일자', en: 'Send date' },
  tranTm: { ko: '전송 시각', en: 'Send time' },
  orgAprvDt: { ko: '원거래 승인일자', en: 'Original approval date' },
  orgAprvNo: { ko: '원거래 승인번호', en: 'Original approval number' },
  tokenKey: { ko: '토큰 키', en: 'Token key' },
};

/** A field we have no label for is still named, by its KICC name. */
function labelOf(field: string): FieldLabel {
  return Object.hasOwn(FIELD_LABELS, field)
    ? (FIELD_LABELS[field] as FieldLabel)
    : { ko: field, en: field };
}

/**
 * Korean topic particle 은/는: 은 after a syllable with a final consonant (batchim), 는 after a
 * vowel. Hangul syllables are laid out so that (code - 0xAC00) % 28 is the final consonant, 0 =
 * none. A label ending in anything else gets the neutral written form "은(는)".
 */
function topic(word: string): string {
  const code = word.charCodeAt(word.length - 1);
  if (code < 0xac00 || code > 0xd7a3) return '은(는)';
  return (code - 0xac00) % 28 === 0 ? '는' : '은';
}

/** "원거래 승인일자는" / "Original approval date (orgAprvDt)" */
function subject(field: string): { ko: string; en: string } {
  const label = labelOf(field);
  return {
    ko: `${label.ko}${topic(label.ko)}`,
    en: `${label.en} (${field})`,
  };
}

function named(field: string): { ko: string; en: string } {
  const label = labelOf(field);
  return { ko: label.ko, en: `${label.en} (${field})` };
}

/** Shows a character the cashier cannot see (control characters) by its code point. */
function visible(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f
    ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    : `'${char}'`;
}

export const messages = {
  required: (field: string): Bilingual => {
    const s = subject(field);
    return { ko: `${s.ko} 필수 항목입니다`, en: `${s.en} is required` };
  },
  typeText: (field: string): Bilingual => {
    const s = subject(field);
    return { ko: `${s.ko} 문자열이어야 합니다`, en: `${s.en} must be text` };
  },
  typeNumber: (field: string): Bilingual => {
    const s = subject(field);
    return { ko: `${s.ko} 숫자여야 합니다`, en: `${s.en} must be a number` };
  },
  typeObject: (what: string): Bilingual => ({
    ko: `${what} 요청의 형식이 올바르지 않습니다`,
    en: `The ${what} request must be an object (JSON object)`,
  }),
  ascii: (field: string, offending: string): Bilingual => {
    const n = named(field);
    const shown = visible(offending);
    return {
      ko: `${n.ko}에는 영문, 숫자, 기호만 쓸 수 있습니다 (쓸 수 없는 문자: ${shown})`,
      en: `${n.en} may contain only English letters, digits and symbols (ASCII); not allowed: ${shown}`,
    };
  },
  maxBytes: (field: string, max: number, actual: number): Bilingual => {
    const s = subject(field);
    return {
      ko: `${s.ko} ${max}바이트 이하여야 합니다 (현재 ${actual}바이트)`,
      en: `${s.en} must be at most ${max} bytes (now ${actual})`,
    };
  },
  exactLength: (field: string, length: number, actual: number): Bilingual => {
    const s = subject(field);
    return {
      ko: `${s.ko} ${length}자리여야 합니다 (현재 ${actual}자리)`,
      en: `${s.en} must be exactly ${length} characters (now ${actual})`,
    };
  },
  digits: (field: string): Bilingual => {
    const n = named(field);
    return {
      ko: `${n.ko}에는 숫자만 입력할 수 있습니다`,
      en: `${n.en} may contain digits only`,
    };
  },
  date: (field: string): Bilingual => {
    const s = subject(field);
    return {
      ko: `${s.ko} 실제 날짜여야 합니다 (예: 20240105)`,
      en: `${s.en} must be a real date (yyyyMMdd)`,
    };
  },
  time: (field: string): Bilingual => {
    const s = subject(field);
    return {
      ko: `${s.ko} 올바른 시각이어야 합니다 (예: 093000, 000000~235959)`,
      en: `${s.en} must be a valid time (HHmmss, 000000-235959)`,
    };
  },
  wcc: (field: string): Bilingual => {
    const s = subject(field);
    return {
      ko: `${s.ko} T(VAN 거래번호) 또는 G(가맹점 거래번호)여야 합니다`,
      en: `${s.en} must be T (VAN transaction number) or G (merchant transaction number)`,
    };
  },
  amount: (field: string): Bilingual => {
    const s = subject(field);
    return {
      ko: `${s.ko} 0 이상의 정수(원 단위)여야 합니다`,
      en: `${s.en} must be a whole number of won, 0 or more`,
    };
  },
  positiveAmount: (field: string): Bilingual => {
    const s = subject(field);
    return { ko: `${s.ko} 1원 이상이어야 합니다`, en: `${s.en} must be at least 1 won` };
  },
  amountNotAboveTotal: (field: string): Bilingual => {
    const s = subject(field);
    const total = named('trxAmt');
    return {
      ko: `${s.ko} ${total.ko}보다 클 수 없습니다`,
      en: `${s.en} cannot be more than ${total.en}`,
    };
  },
  amountSumNotAboveTotal: (): Bilingual => {
    const vat = named('vatAmt');
    const svc = named('svcAmt');
    const total = named('trxAmt');
    return {
      ko: `${vat.ko}와 ${svc.ko}의 합은 ${total.ko}보다 클 수 없습니다`,
      en: `${vat.en} + ${svc.en} cannot be more than ${total.en}`,
    };
  },
  alotMonth: (field: string): Bilingual => {
    const s = subject(field);
    return {
      ko: `${s.ko} 두 자리 숫자여야 합니다 (00 = 일시불, 01~99)`,
      en: `${s.en} must be two digits (00 = lump sum, 01-99)`,
    };
  },
  unknownField: (field: string): Bilingual => ({
    ko: `알 수 없는 항목입니다: ${field}`,
    en: `Unknown field: ${field}`,
  }),
} as const;
