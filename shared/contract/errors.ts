import { z } from 'zod';
import type { Result } from '../result';
import { fieldErrorsFromZod } from '../kicc/schemas';
import { fieldErrorSchema } from './kicc-fields';
import type { PosFieldError } from './kicc-fields';
import type { FieldRule } from '../kicc/fields';

/** Text shown to the cashier, Korean first (STYLE.md "Look and feel"). */
export const localizedTextSchema = z.object({ ko: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/**
 * Every failure that crosses the process boundary. `code` is stable and machine-readable (the
 * renderer branches on it); `message` is what the cashier reads; `fields` point at form fields.
 * Never carries a secret, a stack trace or a file path (DESIGN.md "Secrets ... never leave the
 * main process").
 */
export const posErrorSchema = z.object({
  code: z.string().min(1).max(64),
  message: localizedTextSchema,
  fields: z.array(fieldErrorSchema).optional(),
});
export type PosError = z.infer<typeof posErrorSchema>;

/** What every channel answers: a Result, never a thrown error (STYLE.md). */
export type PosResult<T> = Result<T, PosError>;

/**
 * Codes produced by the shell itself. Services add their own (for example `duplicate`,
 * `exposure-limit`, `needs-manager`), listed in docs/shell.md.
 */
export const SHELL_ERROR = {
  /** payload failed the contract's request schema: nothing was done */
  invalidRequest: 'invalid-request',
  /** the call did not come from the app's own main frame (Electron checklist 17) */
  forbiddenSender: 'forbidden-sender',
  /** a bug in main: logged there, nothing about it leaks to the page */
  internal: 'internal',
  /** the main process did not answer (transport failed) */
  unavailable: 'unavailable',
  /** main answered something the contract does not allow */
  invalidResponse: 'invalid-response',
  /** a lookup by id found nothing */
  notFound: 'not-found',
  /** credentials cannot be stored: the OS offers no encryption (safeStorage) */
  encryptionUnavailable: 'encryption-unavailable',
  /** settings on disk or in a request break the settings rules */
  invalidSettings: 'invalid-settings',
} as const;

export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: posErrorSchema }),
  ]);

export const posError = (
  code: string,
  ko: string,
  en: string,
  fields?: PosFieldError[],
): PosError =>
  fields && fields.length > 0
    ? { code, message: { ko, en }, fields }
    : { code, message: { ko, en } };

/**
 * A zod failure as field errors. Issues raised by a KICC rule carry their own FieldError (both
 * languages, shared/kicc/schemas.ts) and are passed on as they are. The contract's own checks
 * (a request id, a reason, a search text) are given the nearest KICC rule, a generic Korean
 * text and zod's English one. Capped: a hostile payload cannot make the answer large.
 */
export function fieldErrorsFrom(error: z.ZodError): PosFieldError[] {
  const fields: PosFieldError[] = [];
  for (const issue of error.issues.slice(0, 20)) {
    const kicc = fieldErrorsFromZod(new z.ZodError([issue]));
    if (kicc.length > 0) {
      fields.push(...kicc);
    } else if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys.slice(0, 20)) {
        fields.push({ field: key.slice(0, 64), rule: 'unknownField', message: UNKNOWN_FIELD });
      }
    } else {
      const rule = nearestRule(issue);
      fields.push({
        field: issue.path.map(String).join('.'),
        rule,
        message: { ko: KOREAN_BY_RULE[rule] ?? '입력값이 올바르지 않습니다', en: issue.message },
      });
    }
  }
  return fields.slice(0, 20);
}

const UNKNOWN_FIELD = { ko: '알 수 없는 항목입니다', en: 'Unknown field' };

function nearestRule(issue: z.core.$ZodIssue): FieldRule {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'type';
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array' ? 'required' : 'amount';
    case 'too_big':
      return issue.origin === 'string' ? 'maxBytes' : 'amount';
    case 'invalid_format':
      return issue.format === 'regex' ? 'ascii' : 'type';
    default:
      return 'type';
  }
}

const KOREAN_BY_RULE: Partial<Record<FieldRule, string>> = {
  required: '필수 항목입니다',
  type: '형식이 올바르지 않습니다',
  ascii: '영문, 숫자, 기호만 쓸 수 있습니다',
  maxBytes: '너무 깁니다',
  amount: '허용 범위를 벗어난 값입니다',
};

export const invalidRequest = (error: z.ZodError): PosError =>
  posError(
    SHELL_ERROR.invalidRequest,
    '요청 내용이 올바르지 않습니다. 아무 것도 처리되지 않았습니다.',
    'The request is not valid. Nothing was done.',
    fieldErrorsFrom(error),
  );
