import { z } from 'zod';
import type { CancelRequest } from '../kicc/types';
import { cancelFieldSchema } from '../kicc/schemas';
import { isKiccDate } from '../kicc/fields';
import type { FieldError, FieldRule } from '../kicc/fields';

/**
 * The KICC field rules the contract's REQUEST schemas use, taken from shared/kicc/ (STYLE.md:
 * "the same rule is written once"): a payload main refuses is refused with the very message
 * the form showed while the cashier typed.
 *
 * shared/kicc/schemas.ts builds each field's schema on `z.unknown()` so the rule itself can
 * say "required" or "must be a number". That makes zod infer `unknown` as the INPUT type, and
 * `window.pos` would then accept anything at compile time. `kiccField` keeps the runtime check
 * exactly as it is and tells TypeScript what a caller is meant to pass.
 */
function kiccField<K extends keyof CancelRequest>(
  field: K,
): z.ZodType<CancelRequest[K], CancelRequest[K]> {
  return cancelFieldSchema(field) as unknown as z.ZodType<CancelRequest[K], CancelRequest[K]>;
}

export const tidSchema = kiccField('tid');
export const svcIdSchema = kiccField('svcId');
export const bizrNoSchema = kiccField('bizrNo');
export const wccSchema = kiccField('wcc');
export const cndTrxNoSchema = kiccField('cndTrxNo');
export const alotMonthSchema = kiccField('alotMonth');
export const orgAprvDtSchema = kiccField('orgAprvDt');
export const orgAprvNoSchema = kiccField('orgAprvNo');
export const trxAmtSchema = kiccField('trxAmt');
export const vatAmtSchema = kiccField('vatAmt');
export const svcAmtSchema = kiccField('svcAmt');
/** A date that is not a KICC field (a history range), under KICC's date rule. */
export const yyyymmddSchema = z.string().refine(isKiccDate, 'a real date, yyyyMMdd');

/** Integer KRW for amounts that are not a KICC field (limits, a search amount). */
export const wonSchema = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * A masked card number as KICC prints it (cardConfirmNo, e.g. 1234-56**-****-1234). A FULL card
 * number is refused: the app never stores one (PCI; redaction in electron/log/).
 */
export const cardConfirmNoSchema = z
  .string()
  .max(40)
  .regex(/^[0-9*\- ]+$/, 'digits, * and - only')
  .refine((s) => s.includes('*'), 'must be masked (contain *)');

/** Every rule of shared/kicc/fields.ts; TypeScript refuses this table if one is missing. */
const FIELD_RULES: Record<FieldRule, true> = {
  required: true,
  type: true,
  ascii: true,
  maxBytes: true,
  exactLength: true,
  digits: true,
  date: true,
  time: true,
  wcc: true,
  amount: true,
  positiveAmount: true,
  amountNotAboveTotal: true,
  amountSumNotAboveTotal: true,
  alotMonth: true,
  unknownField: true,
};

/**
 * One field's problem as the page receives it: shared/kicc's FieldError, so the form handles
 * main's answer and its own checks alike. `field` names the input to mark (KICC's field name
 * for KICC rules, the request key otherwise).
 */
export const fieldErrorSchema: z.ZodType<FieldError> = z.object({
  field: z.string(),
  rule: z.enum(Object.keys(FIELD_RULES) as [FieldRule, ...FieldRule[]]),
  message: z.object({ ko: z.string(), en: z.string() }),
});
export type PosFieldError = FieldError;
