import { z } from 'zod';
import type { Result } from '../result';
import { err, ok } from '../result';
import { RESP_CD } from './resp-cd';
import type { KiccResponse } from './types';

/**
 * KICC's answer, parsed at the boundary (STYLE.md: untrusted input is `unknown`).
 *
 * Rules (KICC-API.md "reqCancel", response fields; the seed page):
 * - respCd is required: 4 visible ASCII characters (`0000`, `S001`, ...). Without it we cannot
 *   tell what happened, so the exchange is in doubt (the caller decides that, not this parser).
 * - respMsg is "always sent" by KICC; a missing or null one reads as '' rather than throwing away
 *   an answer whose respCd is perfectly clear.
 * - Every other documented field is optional ("never fail on a missing optional one"); null
 *   reads as absent, since JSON servers commonly write absent as null.
 * - A documented field of the wrong type (a number where KICC documents a String) fails: the
 *   answer is not what KICC documents, and we would rather verify than guess.
 * - No length limits: the documented lengths describe KICC's side; we store the answer verbatim.
 * - Unknown fields are kept verbatim in `extra` ("ignore unknown fields", but keep them).
 */

/** Documented optional String fields, in the seed's response order. */
const OPTIONAL_TEXT_FIELDS = [
  'tid',
  'svcId',
  'bizrNo',
  'mercTrxNo',
  'trxDt',
  'trxTm',
  'issFmCd',
  'issFmNm',
  'purchFmCd',
  'purchFmNm',
  'joShopNo',
  'cndDt',
  'cndTm',
  'aprvNo',
  'vanTrxNo',
  'cardConfirmNo',
] as const satisfies readonly (keyof KiccResponse)[];

type OptionalTextField = (typeof OPTIONAL_TEXT_FIELDS)[number];

const DOCUMENTED_FIELDS: ReadonlySet<string> = new Set<string>([
  'respCd',
  'respMsg',
  ...OPTIONAL_TEXT_FIELDS,
]);

const text = () =>
  z.string({ error: (issue) => (issue.input === undefined ? 'missing' : 'must be a string') });

const optionalText = text().nullish();

const documentedShape = {
  respCd: text().regex(RESP_CD, 'must be 4 visible ASCII characters'),
  respMsg: optionalText,
  ...(Object.fromEntries(OPTIONAL_TEXT_FIELDS.map((field) => [field, optionalText])) as Record<
    OptionalTextField,
    typeof optionalText
  >),
};

// Strip mode: zod reads only the documented keys; unknown ones are copied below, by us.
const documentedSchema = z.object(documentedShape);

const isPlainObject = (input: unknown): input is Record<string, unknown> =>
  typeof input === 'object' && input !== null && !Array.isArray(input);

/**
 * `json` is the result of JSON.parse on KICC's body. The error is a short technical text naming
 * the offending fields (never their values), for the exchange record.
 */
export function parseKiccResponse(json: unknown): Result<KiccResponse, string> {
  if (!isPlainObject(json)) return err('the answer is not a JSON object');
  const parsed = documentedSchema.safeParse(json);
  if (!parsed.success) {
    return err(
      parsed.error.issues
        .map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`)
        .join('; '),
    );
  }
  const response: KiccResponse = {
    respCd: parsed.data.respCd,
    respMsg: parsed.data.respMsg ?? '',
    extra: {},
  };
  for (const field of OPTIONAL_TEXT_FIELDS) {
    const value = parsed.data[field];
    if (typeof value === 'string') response[field] = value;
  }
  // Object.fromEntries defines own properties, so a key such as "__proto__" stays plain data.
  response.extra = Object.fromEntries(
    Object.entries(json).filter(([key]) => !DOCUMENTED_FIELDS.has(key)),
  );
  return ok(response);
}
