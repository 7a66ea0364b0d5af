import { z } from 'zod';
import { fieldErrorSchema } from './kicc-fields';
import { appModeSchema, cancellationStateSchema, languageSchema } from './models';

/**
 * What main answers on the manager channels (issue 6). RESPONSE shapes, like ./models.ts: types
 * only, unknown keys stripped on parse. No PIN, hash, salt, ChannelId or SecretKey has a field
 * here, so none can reach the page (DESIGN.md "Secrets").
 */

const epochMs = z.number().int().nonnegative();
const krw = z.number().int();
const text = z.object({ ko: z.string(), en: z.string() });

/** Who is at the screen. Lives in main only; the page is told, never asked. */
export const roleSchema = z.enum(['cashier', 'manager']);
export type Role = z.infer<typeof roleSchema>;

/**
 * The manager PIN's state (docs/manager.md "Manager PIN"):
 *  - `not-set`: first run, set it up (manager.setupPin);
 *  - `missing`: the PIN file is gone although a PIN was set: a new PIN needs the recovery code,
 *    or acknowledgeLoss (and the stored KICC credentials are then cleared);
 *  - `corrupt`: the file is damaged; `changed`: it is not the file the app wrote (issue 11
 *    tamper evidence): not used, and a new PIN is set as for `missing`;
 *  - `locked`: too many wrong PINs, until `lockedUntil`;
 *  - `ready`: log in or approve with the PIN.
 */
export const managerStatusSchema = z.object({
  pin: z.enum(['not-set', 'missing', 'corrupt', 'changed', 'locked', 'ready']),
  role: roleSchema,
  lockedUntil: epochMs.nullable(),
  /** wrong tries left before the next lock-out (ready only) */
  triesLeft: z.number().int().nonnegative().nullable(),
  /** manager mode ends then unless there is manager activity before (idle timeout) */
  sessionExpiresAt: epochMs.nullable(),
});
export type ManagerStatus = z.infer<typeof managerStatusSchema>;

/**
 * The answer to a new PIN (setup, reset, change): the status, and the one-time recovery code
 * (issue 11), shown ONCE for the manager to write down and keep away from the till; null when
 * this PC keeps no seal to hold it. Never part of the `manager.changed` event.
 */
export const managerNewPinSchema = managerStatusSchema.extend({
  recoveryCode: z.string().nullable(),
});
export type ManagerNewPin = z.infer<typeof managerNewPinSchema>;

/** One HTTP exchange with KICC, exactly as recorded (body sent, raw answer). No secrets. */
export const attemptSchema = z.object({
  id: z.string(),
  /** `cancel`: reqCancel; `net-cancel`: reqRtran (verification) */
  kind: z.enum(['cancel', 'net-cancel']),
  mercTrxNo: z.string(),
  /** a resend or a verification names the attempt it repeats */
  repeatsAttemptId: z.string().nullable(),
  sentAt: epochMs,
  endedAt: epochMs.nullable(),
  state: z.enum(['sending', 'answered', 'failed']),
  /** the client's class (ok, rejected, in-doubt, not-sent, auth, ...) */
  class: z.string().nullable(),
  code: z.string().nullable(),
  message: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  /** the exact JSON body sent: KICC's fields only */
  body: z.string(),
  /** KICC's raw answer, verbatim */
  responseBody: z.string().nullable(),
  error: z.string().nullable(),
});
export type Attempt = z.infer<typeof attemptSchema>;

/** One audit event (electron/audit): `details` is its canonical JSON text, as hashed. */
export const auditEventSchema = z.object({
  seq: z.number().int().positive(),
  at: epochMs,
  actor: z.string(),
  kind: z.string(),
  subject: z.string(),
  details: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditHeadSchema = z.object({ seq: z.number().int().positive(), hash: z.string() });

export const auditListResultSchema = z.object({
  events: z.array(auditEventSchema),
  head: auditHeadSchema.nullable(),
});

/**
 * The chain check (docs/manager.md "Audit log"). `intact`: every event links and matches its
 * hash (and the checkpoint, when one was given). Otherwise `problem` says what and where.
 */
export const auditVerificationSchema = z.object({
  intact: z.boolean(),
  /** events checked */
  count: z.number().int().nonnegative(),
  head: auditHeadSchema.nullable(),
  problem: z
    .object({
      /** the event number where the chain first breaks */
      at: z.number().int(),
      kind: z.enum(['edited', 'removed', 'reordered', 'inserted']),
      message: text,
    })
    .nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

/* The review detail (reviewDetailSchema) is in ./review-models.ts. */

/** "Test connection" explained (electron/store-ops/connection-test.ts has the table). */
export const connectionTestSchema = z.object({
  result: z.enum(['ok', 'credentials-refused', 'unreachable', 'unexpected', 'not-configured']),
  message: text,
  /** what was tried: the saved API address (never a credential) */
  apiBaseUrl: z.string(),
  httpStatus: z.number().int().nullable(),
  respCd: z.string().nullable(),
  testedAt: epochMs,
});
export type ConnectionTest = z.infer<typeof connectionTestSchema>;

/**
 * Training or live (DESIGN.md "Modes"). `preference`: `training` when a manager chose training;
 * `auto`: live as soon as the API address, ids and credentials are all saved. Decided at start.
 */
export const modeStatusSchema = z.object({
  mode: appModeSchema,
  modeAfterRestart: appModeSchema,
  preference: z.enum(['auto', 'training']),
  restartRequired: z.boolean(),
  /** why the next start will be training although live was asked for */
  liveBlockedBy: text.nullable(),
});
export type ModeStatus = z.infer<typeof modeStatusSchema>;

const bucketSchema = z.object({ count: z.number().int().nonnegative(), amount: krw, vat: krw });
const groupRowSchema = z.object({
  /** the requester or the card issuer's name; null: issuer unknown */
  key: z.string().nullable(),
  /** issuers: KICC's issuer code the row counts (null: only a name was known) */
  code: z.string().nullable(),
  all: bucketSchema,
  cancelled: bucketSchema,
});

/** One item listed by the close (electron/reports/close.ts CloseItem). */
const closeItemSchema = z.object({
  id: z.string(),
  createdAt: epochMs,
  state: cancellationStateSchema,
  amount: krw,
  vat: krw,
  /** the outcome is the manager's record ("관리자 확인"), not KICC's answer */
  manual: z.boolean(),
  /** when it became cancelled or rejected; null while unresolved */
  settledAt: epochMs.nullable(),
});
export type CloseItem = z.infer<typeof closeItemSchema>;

/**
 * A business day's close (issue 13; shared/reports/words.ts names each part): earlier requests
 * first counted here, the refunds this close counts, every unresolved item of any day, and what
 * changed since the day's paper was printed.
 */
const closeSchema = z.object({
  settledLate: z.array(closeItemSchema),
  refunded: bucketSchema.extend({ manual: z.number().int().nonnegative() }),
  notRefunded: bucketSchema,
  reportedElsewhere: bucketSchema,
  unresolved: bucketSchema.extend({
    oldestCreatedAt: epochMs.nullable(),
    items: z.array(closeItemSchema),
  }),
  /** the day's paper was printed before: the next print is a reprint */
  printed: z
    .object({
      count: z.number().int().positive(),
      firstAt: epochMs,
      lastAt: epochMs,
      lastSeq: z.number().int(),
    })
    .nullable(),
  changes: z
    .object({
      refundedBefore: bucketSchema,
      unresolvedBefore: bucketSchema,
      settled: z.array(closeItemSchema),
      newUnresolved: z.array(closeItemSchema),
      withdrawn: z.array(closeItemSchema),
    })
    .nullable(),
});
export type DayCloseView = z.infer<typeof closeSchema>;

/** electron/reports CancellationReport: totals by state, by requester, by card issuer. */
export const reportSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: bucketSchema,
  cancelled: bucketSchema,
  unresolved: bucketSchema,
  approved: bucketSchema,
  /** final outcomes the manager recorded ("관리자 확인") */
  manual: bucketSchema,
  byState: z.array(bucketSchema.extend({ state: cancellationStateSchema })),
  byCashier: z.array(groupRowSchema),
  byIssuer: z.array(groupRowSchema),
  /** one business day: its close; a period: null */
  close: closeSchema.nullable(),
});
export type Report = z.infer<typeof reportSchema>;

export const csvExportResultSchema = z.object({
  /** false: the manager closed the save dialog; nothing was written */
  saved: z.boolean(),
  /** the file's name (not its folder) */
  fileName: z.string().nullable(),
  /** data lines written (without the header) */
  rows: z.number().int().nonnegative(),
});

/** shared/slip SlipLine */
export const slipLineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('title'), text: z.string() }),
  z.object({
    kind: z.literal('text'),
    text: z.string(),
    align: z.enum(['left', 'center']).optional(),
  }),
  z.object({
    kind: z.literal('field'),
    label: z.string(),
    value: z.string(),
    strong: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('warning'), text: z.string() }),
  z.object({ kind: z.literal('rule') }),
  z.object({ kind: z.literal('blank') }),
]);

/** A printable slip (cancellation slip or end-of-day summary) for the on-screen view. */
export const slipSchema = z.object({
  /** cancellation slips: `cancelled`, `verifying` (not final: no cash refund) or `rejected` */
  kind: z.enum(['cancelled', 'verifying', 'rejected', 'summary']),
  lang: languageSchema,
  title: z.string(),
  lines: z.array(slipLineSchema),
});
export type SlipView = z.infer<typeof slipSchema>;

export const printResultSchema = z.object({
  printed: z.boolean(),
  /** the printer used; '' for the system's default */
  printer: z.string(),
  /** this print was a reprint (the slip says so) */
  reprint: z.boolean(),
  /** why it did not print, cashier-readable */
  problem: text.nullable(),
});
export type PrintResult = z.infer<typeof printResultSchema>;

const importRowErrorSchema = z.object({
  /** the row as Excel numbers it */
  row: z.number().int().positive(),
  errors: z.array(fieldErrorSchema),
});

/** What the manager sees before importing: counts and every problem (rows capped). */
export const importSummarySchema = z.object({
  /** commit with this; valid for this preview only, until the next preview or a restart */
  token: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** the header row (Excel's number) and the columns recognised */
  headerRow: z.number().int().nonnegative(),
  columns: z.array(z.object({ field: z.string(), header: z.string() })),
  ignoredColumns: z.array(z.string()),
  headerProblems: z.array(text),
  /** non-empty data rows */
  dataRows: z.number().int().nonnegative(),
  validRows: z.number().int().nonnegative(),
  /** of the valid rows, already in the ledger (skipped: import is idempotent) */
  alreadyPresent: z.number().int().nonnegative(),
  /** exact repeats inside the file (imported once) */
  repeatedInFile: z.number().int().nonnegative(),
  /** same transaction number, different data: the file must be fixed */
  conflicts: z.array(
    z.object({ row: z.number().int(), firstRow: z.number().int(), key: z.string() }),
  ),
  errorRows: z.number().int().nonnegative(),
  /** the first rows with errors (at most 500; errorRows says how many in all) */
  errors: z.array(importRowErrorSchema),
  /** null: commit imports every new row; otherwise why nothing can be imported */
  refusal: text.nullable(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importPreviewResultSchema = z.discriminatedUnion('picked', [
  /** the manager closed the open dialog */
  z.object({ picked: z.literal(false) }),
  z.object({ picked: z.literal(true), summary: importSummarySchema }),
]);

export const importCommitResultSchema = z.object({
  inserted: z.number().int().nonnegative(),
  alreadyPresent: z.number().int().nonnegative(),
  repeatedInFile: z.number().int().nonnegative(),
});

/**
 * How far a running import has got, pushed while import.preview runs (issue 12 finding 8):
 * `reading` while the import worker decodes, parses and checks the file (rows by Excel's
 * numbering; total = the file's lines or the sheet's dimension, null when it does not say);
 * `comparing` while main looks up which of the valid rows the ledger already holds.
 */
export const importProgressSchema = z.object({
  stage: z.enum(['reading', 'comparing']),
  rows: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const importCancelResultSchema = z.object({
  /** false: no import was running (it had finished, or none was started) */
  cancelled: z.boolean(),
});

export const restartResultSchema = z.object({ restarting: z.boolean() });

/**
 * Files changed outside the app (issue 11 tamper evidence; electron/integrity/). Anyone may see
 * that something waits for a manager (the cashier is told why limits are lower or live mode is
 * off); only a manager confirms.
 */
const findingValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** What a start can find changed (electron/integrity/findings.ts says what each means). */
export const INTEGRITY_FINDING_KINDS = [
  'integrity-missing',
  'integrity-unreadable',
  'settings-changed',
  'pin-file-changed',
  'pin-file-removed',
  'mode-changed',
  'audit-rewritten',
] as const;
export const integrityFindingSchema = z.object({
  id: z.string(),
  kind: z.enum(INTEGRITY_FINDING_KINDS),
  at: epochMs,
  message: text,
  /** settings-changed, mode-changed: each key, as sealed (in force) and as the file had it */
  changes: z.array(z.object({ key: z.string(), sealed: findingValue, found: findingValue })),
  /** settings-changed: the manager may apply the file's values instead */
  canApply: z.boolean(),
});
export type IntegrityFinding = z.infer<typeof integrityFindingSchema>;

export const integrityStatusSchema = z.object({
  /** false: this PC cannot keep a key (no DPAPI), so nothing is sealed */
  sealed: z.boolean(),
  findings: z.array(integrityFindingSchema),
  /** why live mode waits for a manager, or null */
  liveBlockedBy: text.nullable(),
});
export type IntegrityStatus = z.infer<typeof integrityStatusSchema>;
