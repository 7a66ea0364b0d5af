import { z } from 'zod';

/**
 * What the renderer sees of the main process's data. These are RESPONSE shapes: they check
 * types, not KICC rules (the ledger already holds validated data), and unknown keys are STRIPPED
 * on parse, so a field that is not in this file never reaches the page (defence in depth for
 * "secrets never leave the main process", DESIGN.md).
 */

/**
 * DESIGN.md "A cancellation's life". `draft`: recorded but not confirmed to send (e.g. waiting
 * for a manager's approval, manager issue); the ledger knows the state, so the page must too.
 */
export const cancellationStateSchema = z.enum([
  'draft',
  'pending',
  'sending',
  'queued',
  'in_doubt',
  'cancelled',
  'rejected',
  'needs_review',
]);
export type CancellationState = z.infer<typeof cancellationStateSchema>;

/** States that are final: nothing more will happen without a person. */
export const FINAL_STATES: readonly CancellationState[] = ['cancelled', 'rejected', 'needs_review'];

const epochMs = z.number().int().nonnegative();
const krw = z.number().int();

/** An original payment known locally (imported, seeded in training, or typed from paper). */
export const receiptSchema = z.object({
  id: z.string(),
  source: z.enum(['imported', 'typed', 'training']),
  /** original approval date yyyyMMdd and time HHmmss (KST) */
  aprvDt: z.string(),
  aprvTm: z.string().optional(),
  aprvNo: z.string(),
  vanTrxNo: z.string().optional(),
  /** the ORIGINAL payment's merchant transaction number */
  mercTrxNo: z.string().optional(),
  alotMonth: z.string(),
  trxAmt: krw,
  vatAmt: krw,
  svcAmt: krw,
  /** masked card number, e.g. 1234-56**-****-1234 */
  cardConfirmNo: z.string().optional(),
  issuerName: z.string().optional(),
  /** the receipt's current cancellation, if any (issue 3: "each result carries ... status") */
  cancellation: z.object({ id: z.string(), state: cancellationStateSchema }).nullable(),
});
export type Receipt = z.infer<typeof receiptSchema>;

/** What KICC answered when the cancellation succeeded (reqCancel response fields). */
export const cancelledDetailsSchema = z.object({
  aprvNo: z.string().optional(),
  vanTrxNo: z.string().optional(),
  cndDt: z.string().optional(),
  cndTm: z.string().optional(),
  cardConfirmNo: z.string().optional(),
  issuerName: z.string().optional(),
  /** true when KICC said "already cancelled": an earlier attempt stood (KICC-API.md) */
  alreadyCancelledEarlier: z.boolean(),
});

/** KICC's refusal, verbatim, for the rejected screen (the renderer adds "what to do"). */
export const rejectionSchema = z.object({ respCd: z.string(), respMsg: z.string() });

export const cancellationSchema = z.object({
  id: z.string(),
  receiptId: z.string(),
  /** the renderer's idempotency key: the same key twice returns the same cancellation */
  clientRequestId: z.string(),
  state: cancellationStateSchema,
  wcc: z.enum(['T', 'G']),
  cndTrxNo: z.string(),
  orgAprvDt: z.string(),
  orgAprvNo: z.string(),
  alotMonth: z.string(),
  trxAmt: krw,
  vatAmt: krw,
  svcAmt: krw,
  reason: z.string(),
  cardConfirmNo: z.string().optional(),
  /** mercTrxNo of the latest attempt (printed on the slip) */
  mercTrxNo: z.string().optional(),
  requestedAt: epochMs,
  updatedAt: epochMs,
  attempts: z.number().int().nonnegative(),
  /** when the queue will try again (queued / in_doubt), epoch ms */
  nextTryAt: epochMs.nullable(),
  cancelled: cancelledDetailsSchema.nullable(),
  rejection: rejectionSchema.nullable(),
  /** who asked for it, as main recorded it (`cashier` | `manager`; null if not recorded) */
  requestedBy: z.string().nullable(),
  /** who approved it over the cashier's limit (`manager`), null when no approval was needed */
  approvedBy: z.string().nullable(),
  /**
   * The final state is a manager's record after checking KICC's portal (needs_review resolved:
   * "관리자 확인"), not KICC's own answer. Screens, slips and reports mark it so.
   */
  resolvedByManager: z.boolean(),
});
export type Cancellation = z.infer<typeof cancellationSchema>;

/** DESIGN.md "The queue": count, total, oldest, next try, online. */
export const queueSummarySchema = z.object({
  count: z.number().int().nonnegative(),
  totalAmount: krw,
  oldestAt: epochMs.nullable(),
  nextTryAt: epochMs.nullable(),
  online: z.boolean(),
  /**
   * `auth`: KICC refused our credentials; the queue waits for a manager (KICC-API.md 401/403).
   * `clock-skew`: KICC refused us and its clock is minutes from the PC's: fix the PC's clock.
   */
  pausedReason: z.enum(['auth', 'clock-skew']).nullable(),
});
export type QueueSummary = z.infer<typeof queueSummarySchema>;

export const connectivitySchema = z.object({ online: z.boolean(), at: epochMs });
export type Connectivity = z.infer<typeof connectivitySchema>;

export const languageSchema = z.enum(['ko', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const appModeSchema = z.enum(['training', 'live']);
export type AppMode = z.infer<typeof appModeSchema>;

export const appInfoSchema = z.object({
  mode: appModeSchema,
  /** why the app is in training mode when it is (e.g. no credentials), cashier-readable */
  trainingReason: z.object({ ko: z.string(), en: z.string() }).nullable(),
  terminalId: z.string(),
  version: z.string(),
  language: languageSchema,
  /**
   * The screen was reloaded after its renderer crashed or hung (electron/window/pos-shell.ts):
   * told once, to the reloaded page, which says so to the cashier.
   */
  recovered: z.object({ reason: z.enum(['crashed', 'unresponsive']), at: epochMs }).nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const limitsSchema = z.object({
  /** a single cancellation above this amount needs a manager (KRW) */
  cashierMaxAmount: krw,
  /** exposure limits while offline (DESIGN.md "The queue") */
  offlineMaxCount: z.number().int().nonnegative(),
  offlineMaxAmount: krw,
});
export type Limits = z.infer<typeof limitsSchema>;

/** One of the store's cashiers (shared/contract/settings-rules.ts CashierEntry). */
export const cashierSchema = z.object({ no: z.string(), name: z.string() });

/** Non-secret settings. Credentials are NOT settings: see credentials.* channels. */
export const settingsSchema = z.object({
  /** `https://{API domain}` issued by KICC (KICC-API.md "Endpoints") */
  apiBaseUrl: z.string(),
  terminalId: z.string(),
  serviceId: z.string(),
  businessNumber: z.string(),
  limits: limitsSchema,
  language: languageSchema,
  /** the store line of every slip (상호); '' = not set */
  storeName: z.string(),
  printerName: z.string(),
  startAtLogin: z.boolean(),
  /** full screen, no window frame (Electron kiosk mode); takes effect at once */
  kiosk: z.boolean(),
  /** who may be named as the requester at the till; [] = a one-person store ("계산원") */
  cashiers: z.array(cashierSchema),
  /**
   * KICC codes a manager confirmed to mean "nothing happened" on reqCancel: only these give a
   * red "취소 거절"; any other refusal goes to a manager (issue 9)
   */
  confirmedRefusalCodes: z.array(z.string()),
  /** print the final slip by itself when a waited-for cancellation settles (issue 12) */
  autoPrintSettled: z.boolean(),
  /** where the daily backup goes, '' = none; set only through main's folder dialog */
  backupFolder: z.string(),
});
export type Settings = z.infer<typeof settingsSchema>;

/** Whether credentials are stored. Never the values (DESIGN.md). */
export const credentialsStatusSchema = z.object({
  set: z.boolean(),
  /** false when the OS cannot encrypt (safeStorage): credentials cannot be saved at all */
  encryptionAvailable: z.boolean(),
  updatedAt: epochMs.nullable(),
  /** the mode the app will be in after a restart with these credentials */
  modeAfterRestart: appModeSchema,
});
export type CredentialsStatus = z.infer<typeof credentialsStatusSchema>;
