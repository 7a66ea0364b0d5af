import type { FieldError } from '../../../shared/kicc/fields';
import { validateCancelField } from '../../../shared/kicc/requests';
import type { CancelRequest } from '../../../shared/kicc/types';
import type { Receipt } from '../../../shared/contract/models';
import { vatFromTotal } from '../../../shared/money';

/**
 * The cancel form and the paper-receipt form as plain data: what the cashier typed (strings),
 * and the errors of each field from the SHARED KICC rules (shared/kicc/requests.ts), so the
 * form shows the very messages the main process would answer with (DESIGN.md "shared/ is the
 * single source of truth"). No React here: the rules are tested as functions.
 */

export type AmountField = 'trxAmt' | 'vatAmt' | 'svcAmt';
export type KeyField = 'wcc' | 'cndTrxNo' | 'orgAprvDt' | 'orgAprvNo' | 'alotMonth';
export type PaperField = KeyField | AmountField;
export type CancelField = AmountField | 'reason';

export interface AmountsDraft {
  trxAmt: string;
  vatAmt: string;
  svcAmt: string;
  /** false while VAT follows the amount; true once the cashier typed a VAT of their own */
  vatEdited: boolean;
}

export interface PaperDraft extends AmountsDraft {
  wcc: string;
  cndTrxNo: string;
  orgAprvDt: string;
  orgAprvNo: string;
  alotMonth: string;
}

export interface CancelDraft extends AmountsDraft {
  reason: string;
}

export type FormErrors<F extends string> = Partial<Record<F, FieldError[]>>;

/**
 * What the cashier typed, as the value KICC's rule expects: "10,000" and "10 000" are 10000;
 * "" is missing (required); "1.5" stays a number so the rule says "whole won"; anything else
 * stays text so the rule says "must be a number".
 */
export function parseAmount(text: string): number | string | undefined {
  const bare = text.replace(/[,\s]/g, '');
  if (bare === '') return undefined;
  return /^-?[0-9]+(\.[0-9]+)?$/.test(bare) ? Number(bare) : text;
}

/** 10000 -> "10,000" for the field, when the cashier has not typed it. */
export const amountText = (value: number): string => value.toLocaleString('en-US');

/** VAT included in a total, on the part that bears VAT (the service charge does not). */
export function autoVat(trxAmt: string, svcAmt: string): string {
  const total = parseAmount(trxAmt);
  const service = parseAmount(svcAmt) ?? 0;
  if (typeof total !== 'number' || typeof service !== 'number') return '';
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(service) || total < service) return '';
  return amountText(vatFromTotal(total - service));
}

/** A changed amount; VAT is recomputed from the total unless the cashier took it over. */
export function withAmount<D extends AmountsDraft>(draft: D, field: AmountField, text: string): D {
  if (field === 'vatAmt') return { ...draft, vatAmt: text, vatEdited: true };
  const next = { ...draft, [field]: text };
  return next.vatEdited ? next : { ...next, vatAmt: autoVat(next.trxAmt, next.svcAmt) };
}

/** Back to VAT computed from the amount. */
export function withAutoVat<D extends AmountsDraft>(draft: D): D {
  return { ...draft, vatEdited: false, vatAmt: autoVat(draft.trxAmt, draft.svcAmt) };
}

/** The three amounts by KICC's own rules, each with the others as context. */
export function validateAmounts(draft: AmountsDraft): FormErrors<AmountField> {
  const context: Partial<Record<keyof CancelRequest, unknown>> = {
    trxAmt: parseAmount(draft.trxAmt),
    vatAmt: parseAmount(draft.vatAmt),
    svcAmt: parseAmount(draft.svcAmt),
  };
  const errors: FormErrors<AmountField> = {};
  for (const field of ['trxAmt', 'vatAmt', 'svcAmt'] as const) {
    const found = validateCancelField(field, context[field], context);
    if (found.length > 0) errors[field] = found;
  }
  return errors;
}

/** The paper receipt: key fields by KICC's own rules for reqCancel, then the amounts. */
export function validatePaper(draft: PaperDraft): FormErrors<PaperField> {
  const errors: FormErrors<PaperField> = { ...validateAmounts(draft) };
  for (const field of ['wcc', 'cndTrxNo', 'orgAprvDt', 'orgAprvNo', 'alotMonth'] as const) {
    const found = validateCancelField(field, draft[field].trim());
    if (found.length > 0) errors[field] = found;
  }
  return errors;
}

/** The reason is ours, not KICC's (the ledger keeps it): required, at most 200 characters. */
export const REASON_MAX = 200;

export function validateCancel(draft: CancelDraft): FormErrors<CancelField> {
  const errors: FormErrors<CancelField> = { ...validateAmounts(draft) };
  const reason = draft.reason.trim();
  if (reason === '' || reason.length > REASON_MAX) {
    errors.reason = [
      {
        field: 'reason',
        rule: 'required',
        message: {
          ko: `취소 사유를 입력하세요 (${REASON_MAX}자 이하)`,
          en: `Enter a reason (at most ${REASON_MAX} characters)`,
        },
      },
    ];
  }
  return errors;
}

export const errorCount = <F extends string>(errors: FormErrors<F>): number =>
  Object.values<FieldError[] | undefined>(errors).reduce((n, list) => n + (list?.length ?? 0), 0);

/** The cancel form pre-filled from the receipt: KICC cancels in full, so the original amounts. */
export function draftFromReceipt(receipt: Receipt): CancelDraft {
  return {
    trxAmt: amountText(receipt.trxAmt),
    vatAmt: amountText(receipt.vatAmt),
    svcAmt: amountText(receipt.svcAmt),
    // The receipt's VAT is what was approved: keep it rather than recomputing.
    vatEdited: true,
    reason: '',
  };
}

export const emptyPaperDraft: PaperDraft = {
  wcc: 'T',
  cndTrxNo: '',
  orgAprvDt: '',
  orgAprvNo: '',
  alotMonth: '00',
  trxAmt: '',
  vatAmt: '',
  svcAmt: '0',
  vatEdited: false,
};

/** The amounts as numbers, once the form has no errors. */
export function amountsOf(draft: AmountsDraft): { trxAmt: number; vatAmt: number; svcAmt: number } {
  const n = (text: string): number => {
    const value = parseAmount(text);
    return typeof value === 'number' ? value : 0;
  };
  return { trxAmt: n(draft.trxAmt), vatAmt: n(draft.vatAmt), svcAmt: n(draft.svcAmt) };
}
