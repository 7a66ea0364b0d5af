import { messages, type Bilingual } from './messages';

/**
 * KICC field rules: one rule, one function, used by the renderer's form (as the cashier types)
 * and by the main process, the client and the simulator (DESIGN.md "The shape", STYLE.md "The
 * same rule is written once"). Evidence: KICC-API.md "reqCancel" and the seed page's table.
 *
 * Every check is total: it accepts any `unknown`, answers `null` when the value passes, and
 * otherwise ONE FieldError. Each check first rejects a missing value ('required') and a value
 * of the wrong JS type ('type'), so it is safe to call alone; in a field's chain (./requests.ts)
 * the first failing check wins, so the cashier sees one message per field.
 */

export type FieldRule =
  | 'required'
  | 'type'
  | 'ascii'
  | 'maxBytes'
  | 'exactLength'
  | 'digits'
  | 'date'
  | 'time'
  | 'wcc'
  | 'amount'
  | 'positiveAmount'
  | 'amountNotAboveTotal'
  | 'amountSumNotAboveTotal'
  | 'alotMonth'
  | 'unknownField';

export interface FieldError {
  /** KICC's field name (`orgAprvDt`); '' when the whole input is wrong (not an object). */
  field: string;
  rule: FieldRule;
  message: Bilingual;
}

export type FieldCheck = (value: unknown, field: string) => FieldError | null;

const fail = (field: string, rule: FieldRule, message: Bilingual): FieldError => ({
  field,
  rule,
  message,
});

/** 'required' for undefined/null, 'type' for a non-string; null when it is a string. */
function notText(value: unknown, field: string): FieldError | null {
  if (value === undefined || value === null)
    return fail(field, 'required', messages.required(field));
  if (typeof value !== 'string') return fail(field, 'type', messages.typeText(field));
  return null;
}

/**
 * UTF-8 byte length, which is what KICC's "len" column counts (KICC-API.md: "lengths are
 * bytes"). Computed by hand rather than with TextEncoder so shared/ needs no platform API.
 * A lone surrogate counts 3 bytes, as TextEncoder would encode it (as U+FFFD).
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** A non-empty string. Whitespace-only counts as empty: " " is not a terminal id. */
export const checkRequired: FieldCheck = (value, field) => {
  const wrong = notText(value, field);
  if (wrong) return wrong;
  return (value as string).trim() === '' ? fail(field, 'required', messages.required(field)) : null;
};

/**
 * Printable ASCII only (0x20-0x7E). KICC: "every String here must be ASCII, so bytes =
 * characters" — checked BEFORE the length so a Korean character is reported as what it is, not
 * as "too long". Control characters (tab, newline from a barcode scanner) are refused too:
 * they are never part of a KICC key and would be invisible in the message otherwise.
 */
export const checkAscii: FieldCheck = (value, field) => {
  const wrong = notText(value, field);
  if (wrong) return wrong;
  for (const char of value as string) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code > 0x7e) return fail(field, 'ascii', messages.ascii(field, char));
  }
  return null;
};

/** At most `max` UTF-8 bytes (KICC-API.md "len" column). */
export function checkMaxBytes(max: number): FieldCheck {
  return (value, field) => {
    const wrong = notText(value, field);
    if (wrong) return wrong;
    const bytes = utf8ByteLength(value as string);
    return bytes > max ? fail(field, 'maxBytes', messages.maxBytes(field, max, bytes)) : null;
  };
}

/** Exactly `length` characters (bizrNo: 10). Use after checkAscii, where characters = bytes. */
export function checkExactLength(length: number): FieldCheck {
  return (value, field) => {
    const wrong = notText(value, field);
    if (wrong) return wrong;
    const actual = [...(value as string)].length;
    return actual === length
      ? null
      : fail(field, 'exactLength', messages.exactLength(field, length, actual));
  };
}

const DIGITS = /^[0-9]+$/;

/** One or more ASCII digits 0-9 (not other scripts' digits, not signs, not spaces). */
export const checkDigits: FieldCheck = (value, field) => {
  const wrong = notText(value, field);
  if (wrong) return wrong;
  return DIGITS.test(value as string) ? null : fail(field, 'digits', messages.digits(field));
};

/**
 * Years we accept in a KICC date. The spec gives only "yyyyMMdd"; a real card transaction is
 * never before 1900 or after 2099, and the bound turns "00000101"-style typos into errors.
 */
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

/** Days in a Gregorian month (1-12): leap years every 4, not 100, yes 400. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written yyyyMMdd (20240229 yes, 20230229 and 20231301 no). */
export function isKiccDate(text: string): boolean {
  if (!/^[0-9]{8}$/.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

/** tranDt, orgAprvDt: yyyyMMdd, a real date (KICC-API.md reqCancel). */
export const checkDate: FieldCheck = (value, field) => {
  const wrong = notText(value, field);
  if (wrong) return wrong;
  return isKiccDate(value as string) ? null : fail(field, 'date', messages.date(field));
};

/** True for HHmmss from 000000 to 235959 (no leap second: KST clocks never show 60). */
export function isKiccTime(text: string): boolean {
  if (!/^[0-9]{6}$/.test(text)) return false;
  const hours = Number(text.slice(0, 2));
  const minutes = Number(text.slice(2, 4));
  const seconds = Number(text.slice(4, 6));
  return hours <= 23 && minutes <= 59 && seconds <= 59;
}

/** tranTm: HHmmss, Korea time (KICC-API.md reqCancel, "HH24MISS" on the seed page). */
export const checkTime: FieldCheck = (value, field) => {
  const wrong = notText(value, field);
  if (wrong) return wrong;
  return isKiccTime(value as string) ? null : fail(field, 'time', messages.time(field));
};

/** wcc: exactly `T` (cndTrxNo is the original vanTrxNo) or `G` (the original mercTrxNo). */
export const checkWcc: FieldCheck = (value, field) => {
  const wrong = notText(value, field);
  if (wrong) return wrong;
  return value === 'T' || value === 'G' ? null : fail(field, 'wcc', messages.wcc(field));
};

/** alotMonth: exactly two digits, 00 (lump sum) to 99. '1' is refused: KICC wants "01". */
export const checkAlotMonth: FieldCheck = (value, field) => {
  const wrong = notText(value, field);
  if (wrong) return wrong;
  return /^[0-9]{2}$/.test(value as string)
    ? null
    : fail(field, 'alotMonth', messages.alotMonth(field));
};

/**
 * trxAmt, vatAmt, svcAmt: KICC "Number", integer KRW (KICC-API.md). A JS number that is a
 * non-negative safe integer: 1.5, -1, NaN, Infinity and 2**53 (no longer exact) are refused,
 * and so is the string "1000" ('type'): the form parses what the cashier typed first.
 */
export const checkAmount: FieldCheck = (value, field) => {
  if (value === undefined || value === null)
    return fail(field, 'required', messages.required(field));
  if (typeof value !== 'number') return fail(field, 'type', messages.typeNumber(field));
  return Number.isSafeInteger(value) && value >= 0
    ? null
    : fail(field, 'amount', messages.amount(field));
};

/**
 * trxAmt must be at least 1 won: there is no zero-won card payment to cancel or approve. The
 * spec is silent; docs/kicc-fields.md records the decision.
 */
export const checkPositiveAmount: FieldCheck = (value, field) => {
  const wrong = checkAmount(value, field);
  if (wrong) return wrong;
  return (value as number) >= 1
    ? null
    : fail(field, 'positiveAmount', messages.positiveAmount(field));
};

export interface Amounts {
  trxAmt: number;
  vatAmt: number;
  svcAmt: number;
}

/**
 * Cross-field amount rules, for amounts that each passed checkAmount. trxAmt is the total the
 * customer paid, VAT and service charge included, so neither part, nor their sum, can exceed
 * it. One error per broken rule; the sum rule is reported on svcAmt (the field a cashier fills
 * last) and only when each part alone fits, so one mistake gives one message.
 */
export function checkAmountsWithinTotal(amounts: Amounts): FieldError[] {
  const errors: FieldError[] = [];
  const { trxAmt, vatAmt, svcAmt } = amounts;
  if (vatAmt > trxAmt) {
    errors.push(fail('vatAmt', 'amountNotAboveTotal', messages.amountNotAboveTotal('vatAmt')));
  }
  if (svcAmt > trxAmt) {
    errors.push(fail('svcAmt', 'amountNotAboveTotal', messages.amountNotAboveTotal('svcAmt')));
  }
  if (errors.length === 0 && vatAmt + svcAmt > trxAmt) {
    errors.push(fail('svcAmt', 'amountSumNotAboveTotal', messages.amountSumNotAboveTotal()));
  }
  return errors;
}

/** Runs a field's chain; the first failing check wins (ASCII before length, and so on). */
export function runChecks(
  checks: readonly FieldCheck[],
  value: unknown,
  field: string,
): FieldError | null {
  for (const check of checks) {
    const error = check(value, field);
    if (error) return error;
  }
  return null;
}

/** For callers that build errors of their own kind (unknown keys, a non-object input). */
export const fieldError = fail;
