import type { Result } from '../result';
import { err, ok } from '../result';
import type { ApproveRequest, CancelRequest, NetCancelRequest, Wcc } from './types';
import type { Amounts, FieldCheck, FieldError } from './fields';
import {
  checkAlotMonth,
  checkAmount,
  checkAmountsWithinTotal,
  checkAscii,
  checkDate,
  checkDigits,
  checkExactLength,
  checkMaxBytes,
  checkPositiveAmount,
  checkRequired,
  checkTime,
  checkWcc,
  fieldError,
  runChecks,
} from './fields';
import { messages } from './messages';

/**
 * The field tables of the three KICC requests and their validators. Lengths and rules come from
 * KICC-API.md "reqCancel" (the seed page's table); reqRtran and reqAprv reuse the same rule for
 * the same field name, since KICC documents each field once.
 */

export interface FieldSpec {
  /** Applied in order; the first failure is the field's one error. */
  checks: readonly FieldCheck[];
  /** Absent (undefined) is fine; present is checked like any other field. */
  optional?: boolean;
}

/** One spec per field of T, in KICC's documented order (the order we serialise in). */
export type FieldRules<T> = { readonly [K in keyof T]-?: FieldSpec };

/** ASCII is checked first (KICC: "every String here must be ASCII, so bytes = characters"). */
const text = (maxBytes: number): FieldSpec => ({
  checks: [checkRequired, checkAscii, checkMaxBytes(maxBytes)],
});

const SHARED = {
  tid: text(10),
  svcId: text(10),
  bizrNo: { checks: [checkRequired, checkAscii, checkExactLength(10), checkDigits] },
  mercTrxNo: text(40),
  alotMonth: { checks: [checkRequired, checkAlotMonth] },
  trxAmt: { checks: [checkPositiveAmount] },
  vatAmt: { checks: [checkAmount] },
  svcAmt: { checks: [checkAmount] },
  tranDt: { checks: [checkRequired, checkDate] },
  tranTm: { checks: [checkRequired, checkTime] },
} satisfies Record<string, FieldSpec>;

/**
 * tokenKey: approvals only (KICC-API.md reqRtran); KICC has not said whether it is 128 or 40
 * bytes, so we allow the larger and say so in "What we would ask KICC".
 */
const TOKEN_KEY: FieldSpec = { ...text(128), optional: true };

export const CANCEL_FIELD_RULES: FieldRules<CancelRequest> = {
  tid: SHARED.tid,
  svcId: SHARED.svcId,
  bizrNo: SHARED.bizrNo,
  mercTrxNo: SHARED.mercTrxNo,
  wcc: { checks: [checkRequired, checkWcc] },
  cndTrxNo: text(20),
  alotMonth: SHARED.alotMonth,
  trxAmt: SHARED.trxAmt,
  vatAmt: SHARED.vatAmt,
  svcAmt: SHARED.svcAmt,
  tranDt: SHARED.tranDt,
  tranTm: SHARED.tranTm,
  orgAprvDt: SHARED.tranDt,
  orgAprvNo: text(10),
};

export const NET_CANCEL_FIELD_RULES: FieldRules<NetCancelRequest> = {
  tid: SHARED.tid,
  svcId: SHARED.svcId,
  bizrNo: SHARED.bizrNo,
  mercTrxNo: SHARED.mercTrxNo,
  tokenKey: TOKEN_KEY,
  alotMonth: SHARED.alotMonth,
  trxAmt: SHARED.trxAmt,
  vatAmt: SHARED.vatAmt,
  svcAmt: SHARED.svcAmt,
  tranDt: SHARED.tranDt,
  tranTm: SHARED.tranTm,
};

/** reqAprv is not documented by KICC; the simulator's approvals carry reqRtran's fields. */
export const APPROVE_FIELD_RULES: FieldRules<ApproveRequest> = NET_CANCEL_FIELD_RULES;

/**
 * A request's field names in KICC's documented order: the order its rule table lists them in
 * (string keys keep insertion order). FieldRules<T> makes the table name every field of T, so the
 * list is complete by construction; electron/kicc/body.ts serialises in this order.
 */
export const fieldOrder = <T>(rules: FieldRules<T>): readonly (keyof T & string)[] =>
  Object.keys(rules) as (keyof T & string)[];

function validateField<T>(
  rules: FieldRules<T>,
  field: keyof T & string,
  value: unknown,
  context?: Partial<Record<keyof T, unknown>>,
): FieldError[] {
  const spec: FieldSpec = rules[field];
  if (spec.optional && value === undefined) return [];
  const error = runChecks(spec.checks, value, field);
  if (error) return [error];
  if (!isAmountField(field) || context === undefined) return [];
  // The cross-field rules, for the field being typed, when the form passes the other amounts.
  const others: Partial<Record<string, unknown>> = context;
  const merged: Record<string, unknown> = {
    trxAmt: others.trxAmt,
    vatAmt: others.vatAmt,
    svcAmt: others.svcAmt,
    [field]: value,
  };
  if (!amountsValid(merged)) return [];
  return checkAmountsWithinTotal(merged).filter((e) => e.field === field);
}

const AMOUNT_FIELDS: readonly string[] = ['trxAmt', 'vatAmt', 'svcAmt'];
const isAmountField = (field: string): boolean => AMOUNT_FIELDS.includes(field);

function amountsValid(
  amounts: Record<string, unknown>,
): amounts is Record<string, unknown> & Amounts {
  return (
    checkPositiveAmount(amounts.trxAmt, 'trxAmt') === null &&
    checkAmount(amounts.vatAmt, 'vatAmt') === null &&
    checkAmount(amounts.svcAmt, 'svcAmt') === null
  );
}

/**
 * One field, as the cashier types it. Pass the form's other values as `context` to also get the
 * cross-field amount errors that belong to THIS field (vatAmt above trxAmt, ...).
 */
const fieldValidator =
  <T>(rules: FieldRules<T>) =>
  (
    field: keyof T & string,
    value: unknown,
    context?: Partial<Record<keyof T, unknown>>,
  ): FieldError[] =>
    validateField(rules, field, value, context);

export const validateCancelField = fieldValidator(CANCEL_FIELD_RULES);
export const validateNetCancelField = fieldValidator(NET_CANCEL_FIELD_RULES);
export const validateApproveField = fieldValidator(APPROVE_FIELD_RULES);

const isPlainObject = (input: unknown): input is Record<string, unknown> =>
  typeof input === 'object' && input !== null && !Array.isArray(input);

/**
 * Checks every field and collects ALL errors (a form shows them at once). Unknown keys are
 * refused: these are requests we build ourselves, so an extra key is a bug of ours that KICC
 * would answer with S008 at best. On success the value is a fresh object holding only KICC's
 * fields, in KICC's documented order (the seed example's order), optional ones only if present.
 */
function validateRequest<T>(
  rules: FieldRules<T>,
  what: string,
  input: unknown,
): Result<T, FieldError[]> {
  if (!isPlainObject(input)) {
    return err([fieldError('', 'type', messages.typeObject(what))]);
  }
  const fields = fieldOrder(rules);
  const errors: FieldError[] = [];
  const output: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(rules, key)) {
      errors.push(fieldError(key, 'unknownField', messages.unknownField(key)));
    }
  }
  for (const field of fields) {
    // Own properties only: an inherited `tid` is not part of what we would send.
    const value = Object.hasOwn(input, field) ? input[field] : undefined;
    const spec: FieldSpec = rules[field];
    if (spec.optional && value === undefined) continue;
    const error = runChecks(spec.checks, value, field);
    if (error) errors.push(error);
    // -0 passes as an amount; JSON would send it as 0 anyway, but keep the value exact.
    else output[field] = value === 0 ? 0 : value;
  }
  if (amountsValid(output)) errors.push(...checkAmountsWithinTotal(output));
  return errors.length === 0 ? ok(output as T) : err(errors);
}

/** reqCancel (KICC-API.md "reqCancel"). */
export function validateCancelRequest(input: unknown): Result<CancelRequest, FieldError[]> {
  return validateRequest(CANCEL_FIELD_RULES, 'reqCancel', input);
}

/** reqRtran (KICC-API.md "reqRtran"): tokenKey optional, and never sent for a cancellation. */
export function validateNetCancelRequest(input: unknown): Result<NetCancelRequest, FieldError[]> {
  return validateRequest(NET_CANCEL_FIELD_RULES, 'reqRtran', input);
}

/** reqAprv: the simulator's approvals (not documented by KICC; same fields as reqRtran). */
export function validateApproveRequest(input: unknown): Result<ApproveRequest, FieldError[]> {
  return validateRequest(APPROVE_FIELD_RULES, 'reqAprv', input);
}

/** Narrowing helper for code that holds a wcc as a plain string (e.g. a stored receipt). */
export const isWcc = (value: unknown): value is Wcc => checkWcc(value, 'wcc') === null;
