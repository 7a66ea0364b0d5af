import { z } from 'zod';
import { localizedTextSchema } from './errors';
import { printResultSchema } from './manager-models';
import { cancellationSchema } from './models';

/**
 * What main answers and pushes for the counter's day (issue 12). RESPONSE shapes like
 * ./models.ts: unknown keys stripped on parse.
 */
const epochMs = z.number().int().nonnegative();
const krw = z.number().int();

/** A printer the system knows (Electron's `webContents.getPrintersAsync()`). */
export const printerInfoSchema = z.object({
  /** the system's name: what `deviceName` takes and the setting stores */
  name: z.string(),
  /** the name shown in the system's print dialog */
  displayName: z.string(),
  description: z.string(),
});
export type PrinterInfo = z.infer<typeof printerInfoSchema>;

export const printerListSchema = z.object({ printers: z.array(printerInfoSchema) });

/**
 * A cancellation the cashier (or the terminal) was waiting for became final: cancelled,
 * rejected, or handed to the manager (needs_review). Shown on every screen until the cashier
 * has printed its slip or closed it.
 */
export const settledNoticeSchema = z.object({
  cancellation: cancellationSchema,
  settledAt: epochMs,
  /** the slip main printed by itself (automatic printing), or null */
  autoPrint: printResultSchema.nullable(),
});
export type SettledNotice = z.infer<typeof settledNoticeSchema>;

export const settledNoticesSchema = z.object({ notices: z.array(settledNoticeSchema) });

/**
 * The app is being closed while cancellations are not final. They continue at the next start
 * (the queue keeps them); the page asks the person to confirm.
 */
export const quitWarningSchema = z.object({
  /** the unresolved cancellations, oldest first (at most 50 listed) */
  items: z.array(cancellationSchema),
  count: z.number().int().nonnegative(),
  totalAmount: krw,
  /** of them, waiting for a manager (needs_review): they do not continue by themselves */
  needsReview: z.number().int().nonnegative(),
});
export type QuitWarning = z.infer<typeof quitWarningSchema>;

export const quitAnswerSchema = z.object({ quitting: z.boolean() });

/** One backup of the ledger (SQLite's online backup), verified by opening the copy. */
export const backupResultSchema = z.object({
  ok: z.boolean(),
  at: epochMs,
  /** what asked for it: the end-of-day close, or the manager's "back up now" */
  trigger: z.enum(['close', 'manual']),
  /** the backup file (full path, on this PC), '' when none was written */
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  /** why it failed, in words; null when ok */
  problem: localizedTextSchema.nullable(),
});
export type BackupResult = z.infer<typeof backupResultSchema>;

export const backupStatusSchema = z.object({
  /** '' = no backup folder chosen */
  folder: z.string(),
  last: backupResultSchema.nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;
