import { z } from 'zod';
import { yyyymmddSchema } from './kicc-fields';
import { languageSchema } from './models';

/**
 * What the page may ask of the store's manager functions (issue 6): PIN and manager mode,
 * needs_review resolution, the audit log, reports, slips, receipt import, connection test and
 * mode switch. REQUEST shapes, like ./requests.ts: strict and bounded. docs/shell.md "Manager
 * channels" describes each channel; ./access.ts says which ones need manager mode.
 */

/**
 * The manager PIN as typed: 4 to 8 ASCII digits (docs/manager.md "Manager PIN"; the same bounds
 * as electron/manager/pin-policy.ts, which also refuses PINs that are too easy to guess).
 * Never echoed: a refusal names the field, never the value.
 */
export const managerPinSchema = z.string().regex(/^[0-9]{4,8}$/, '4 to 8 digits');

export const managerSetupPinSchema = z.strictObject({
  pin: managerPinSchema,
  confirmation: managerPinSchema,
  /**
   * the PIN file was lost, damaged or changed after a PIN had been set, and no recovery code is
   * given: the screen asks for this in red (the stored KICC credentials are then cleared)
   */
  acknowledgeLoss: z.boolean().default(false),
  /** the one-time code the manager kept (XXXXX-XXXXX-XXXXX-XXXXX); resets a lost or forgotten PIN */
  recoveryCode: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9A-Za-z -]*$/, 'letters, digits and dashes')
    .optional(),
});

export const managerLoginSchema = z.strictObject({ pin: managerPinSchema });

export const managerChangePinSchema = z.strictObject({
  currentPin: managerPinSchema,
  newPin: managerPinSchema,
  confirmation: managerPinSchema,
});

const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'id');

/* The review requests (resolve, reopen) are in ./review-requests.ts. */

/** A chain head written down earlier (the end-of-day summary prints it). */
export const auditCheckpointSchema = z.strictObject({
  seq: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  hash: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, '64 hex digits'),
});

export const auditVerifySchema = z.strictObject({ checkpoint: auditCheckpointSchema.optional() });

export const auditListSchema = z.strictObject({
  /** only events after this number (paging, oldest first) */
  afterSeq: z.int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.int().min(1).max(1000).default(200),
  /** e.g. 'cancellation:42', 'settings', 'manager' */
  subject: z.string().trim().min(1).max(64).optional(),
});

export const modeSwitchSchema = z.strictObject({ to: z.enum(['training', 'live']) });

export const reportDaySchema = z.strictObject({ date: yyyymmddSchema });

/** Days from yyyyMMdd `from` to `to` (both real dates: yyyymmddSchema checked them). */
function daysBetween(from: string, to: string): number {
  const utc = (d: string) =>
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** The report's period: `from` not after `to`, at most 366 days (a longer one is back-office work). */
export const MAX_REPORT_DAYS = 366;
function periodRule(range: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = daysBetween(range.from, range.to);
  if (days < 0) {
    ctx.addIssue({ code: 'custom', message: 'the start date is after the end date', path: ['to'] });
  } else if (days >= MAX_REPORT_DAYS) {
    ctx.addIssue({ code: 'custom', message: 'at most 366 days', path: ['to'] });
  }
}

export const reportRangeSchema = z
  .strictObject({ from: yyyymmddSchema, to: yyyymmddSchema })
  .superRefine(periodRule);

export const reportExportSchema = z
  .strictObject({
    from: yyyymmddSchema,
    to: yyyymmddSchema,
    /** `summary`: the totals table; `detail`: one line per cancellation */
    kind: z.enum(['summary', 'detail']).default('summary'),
    /** the CSV's headers and labels; default the settings' language */
    language: languageSchema.optional(),
  })
  .superRefine(periodRule);

export const endOfDaySchema = z
  .strictObject({
    from: yyyymmddSchema,
    /** default: `from` (one business day) */
    to: yyyymmddSchema.optional(),
    language: languageSchema.optional(),
  })
  .superRefine((range, ctx) => periodRule({ from: range.from, to: range.to ?? range.from }, ctx));

export const slipRequestSchema = z.strictObject({
  id: idSchema,
  /** default the settings' language */
  language: languageSchema.optional(),
});

/** Handed out by import.preview; commit names the preview it imports, nothing else. */
export const importCommitSchema = z.strictObject({
  token: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'token'),
});

/** A manager confirms a finding; `apply`: take the file's values (settings-changed only). */
export const integrityConfirmSchema = z.strictObject({
  id: z.string().min(1).max(80),
  apply: z.boolean().default(false),
});
