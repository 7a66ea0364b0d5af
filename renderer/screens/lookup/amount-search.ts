import type { ReceiptLookup } from '../../../shared/contract/requests';
import type { FieldError } from '../../../shared/kicc/fields';
import { validateCancelField } from '../../../shared/kicc/requests';
import { parseAmount } from '../cancel/form';

/**
 * The look-up without a receipt number (issue 12 finding 2), as plain data: the approval date,
 * or a range (both today unless the cashier changes them), the amount, and the card's last four
 * digits to narrow it. The contract's `{by: 'amount', from, to, amount, cardDigits?}`
 * (shared/contract/requests.ts) is built here, and each field is checked with the same rules as
 * the rest of the desk (the approval date is KICC's orgAprvDt rule). No React: tested as
 * functions.
 */
export interface AmountDraft {
  /** yyyyMMdd or yyyy-MM-dd, as typed */
  from: string;
  to: string;
  /** "12,000" as typed */
  amount: string;
  /** the last four digits on the card, or '' */
  cardDigits: string;
}

export type AmountSearchField = keyof AmountDraft;

/** A new search: the day it is (yyyyMMdd, Korea time) for both ends of the range. */
export const amountDraftOf = (today: string): AmountDraft => ({
  from: dashed(today),
  to: dashed(today),
  amount: '',
  cardDigits: '',
});

const dashed = (yyyymmdd: string): string =>
  `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

const digitsOf = (text: string): string => text.replace(/[^0-9]/g, '');

const error = (field: AmountSearchField, rule: FieldError['rule'], ko: string, en: string) => ({
  field,
  rule,
  message: { ko, en },
});

function dateErrors(field: 'from' | 'to', text: string): FieldError[] {
  return validateCancelField('orgAprvDt', digitsOf(text)).map((e) => ({ ...e, field }));
}

/** Every field's errors, in the cashier's words. */
export function amountSearchErrors(
  draft: AmountDraft,
): Partial<Record<AmountSearchField, FieldError[]>> {
  const errors: Partial<Record<AmountSearchField, FieldError[]>> = {};
  const from = dateErrors('from', draft.from);
  const to = dateErrors('to', draft.to);
  if (from.length > 0) errors.from = from;
  if (to.length > 0) errors.to = to;
  if (from.length === 0 && to.length === 0 && digitsOf(draft.from) > digitsOf(draft.to)) {
    errors.to = [
      error(
        'to',
        'date',
        '끝나는 날짜가 시작 날짜보다 앞섭니다',
        'The end date is before the start date',
      ),
    ];
  }
  const amount = parseAmount(draft.amount);
  if (amount === undefined) {
    errors.amount = [
      error('amount', 'required', '결제 금액을 입력하세요', 'Enter the amount paid'),
    ];
  } else if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 1) {
    errors.amount = [
      error(
        'amount',
        'positiveAmount',
        '결제 금액은 1원 이상의 정수로 입력하세요',
        'Enter the amount as whole won, 1 or more',
      ),
    ];
  }
  const card = draft.cardDigits.trim();
  if (card !== '' && !/^[0-9]{4}$/.test(card)) {
    errors.cardDigits = [
      error(
        'cardDigits',
        'digits',
        '카드 번호 끝 4자리를 숫자로 입력하세요',
        'Enter the last 4 digits of the card',
      ),
    ];
  }
  return errors;
}

/** The contract's request, or null while a field is wrong. */
export function amountLookupOf(
  draft: AmountDraft,
): Extract<ReceiptLookup, { by: 'amount' }> | null {
  if (Object.keys(amountSearchErrors(draft)).length > 0) return null;
  const card = draft.cardDigits.trim();
  return {
    by: 'amount',
    from: digitsOf(draft.from),
    to: digitsOf(draft.to),
    amount: Number(parseAmount(draft.amount)),
    ...(card === '' ? {} : { cardDigits: card }),
  };
}
