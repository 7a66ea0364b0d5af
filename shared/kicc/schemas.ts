import { z } from 'zod';
import type { Result } from '../result';
import type { ApproveRequest, CancelRequest, NetCancelRequest, Wcc } from './types';
import type { FieldError } from './fields';
import { checkAmountsWithinTotal, runChecks } from './fields';
import {
  CANCEL_FIELD_RULES,
  validateApproveRequest,
  validateCancelRequest,
  validateNetCancelRequest,
} from './requests';

/**
 * zod schemas for the IPC contract, built FROM the rule functions in ./fields.ts, so a payload
 * the main process refuses is refused with the very message the form showed (DESIGN.md "shared/
 * is the single source of truth"). Each issue carries:
 *   - message: the Korean text (Korean first, STYLE.md);
 *   - params.fieldError: the whole FieldError (field, rule, both languages);
 *   - path: [field] relative to where the schema sits.
 * fieldErrorsFromZod() turns a ZodError back into FieldErrors.
 */

type Ctx = z.RefinementCtx;

function report(ctx: Ctx, errors: readonly FieldError[]): void {
  for (const error of errors) {
    ctx.addIssue({
      code: 'custom',
      message: error.message.ko,
      path: error.field === '' ? [] : [error.field],
      params: { fieldError: error },
    });
  }
}

function fromValidator<T>(validate: (input: unknown) => Result<T, FieldError[]>): z.ZodType<T> {
  return z.unknown().transform((input, ctx): T => {
    const result = validate(input);
    if (result.ok) return result.value;
    report(ctx, result.error);
    return z.NEVER;
  });
}

export const cancelRequestSchema: z.ZodType<CancelRequest> = fromValidator(validateCancelRequest);
export const netCancelRequestSchema: z.ZodType<NetCancelRequest> =
  fromValidator(validateNetCancelRequest);
export const approveRequestSchema: z.ZodType<ApproveRequest> =
  fromValidator(validateApproveRequest);

/**
 * One reqCancel field, e.g. for the receipt key the cashier types (approval date and number,
 * amounts). The issue's path is the field's place in the enclosing object, so the FieldError's
 * own `field` (KICC's name) is what tells the form which input to mark.
 */
export function cancelFieldSchema<K extends keyof CancelRequest>(
  field: K,
): z.ZodType<CancelRequest[K]> {
  const { checks } = CANCEL_FIELD_RULES[field];
  return z.unknown().transform((value, ctx): CancelRequest[K] => {
    const error = runChecks(checks, value, field);
    if (error === null) return value as CancelRequest[K];
    ctx.addIssue({
      code: 'custom',
      message: error.message.ko,
      path: [],
      params: { fieldError: error },
    });
    return z.NEVER;
  });
}

export const orgAprvDtSchema = cancelFieldSchema('orgAprvDt');
export const orgAprvNoSchema = cancelFieldSchema('orgAprvNo');
export const wccSchema: z.ZodType<Wcc> = cancelFieldSchema('wcc');
export const cndTrxNoSchema = cancelFieldSchema('cndTrxNo');
export const alotMonthSchema = cancelFieldSchema('alotMonth');
export const trxAmtSchema = cancelFieldSchema('trxAmt');
export const vatAmtSchema = cancelFieldSchema('vatAmt');
export const svcAmtSchema = cancelFieldSchema('svcAmt');

/**
 * The three amounts of an original, with the cross-field rules (VAT and service charge within
 * the total). Unknown keys are stripped here (zod's default): this is a piece of a larger
 * payload, whose own schema decides about extra keys.
 */
export const cancelAmountsSchema = z
  .object({ trxAmt: trxAmtSchema, vatAmt: vatAmtSchema, svcAmt: svcAmtSchema })
  .superRefine((amounts, ctx) => report(ctx, checkAmountsWithinTotal(amounts)));

const isFieldError = (value: unknown): value is FieldError =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as FieldError).field === 'string' &&
  typeof (value as FieldError).rule === 'string';

/**
 * The FieldErrors inside a ZodError from these schemas. Issues that did not come from a KICC
 * rule (another schema of the contract) are left out: the caller still has the ZodError.
 */
export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  const found: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code !== 'custom') continue;
    const candidate: unknown = issue.params?.fieldError;
    if (isFieldError(candidate)) found.push(candidate);
  }
  return found;
}
