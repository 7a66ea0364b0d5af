import { z } from 'zod';
import { checkAmountsWithinTotal } from '../kicc/fields';
import { svcAmtSchema, trxAmtSchema, vatAmtSchema } from './kicc-fields';

/**
 * Requests of the counter's day (issue 12): a manager's correction of a paper receipt's amounts,
 * the printer list and a test print, the settled-item notices, the quit confirmation, the
 * backup folder. REQUEST shapes like ./requests.ts: strict, bounded.
 */

const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'id');

/**
 * A paper receipt typed with the wrong amounts: the manager corrects them before cancelling
 * (KICC cancels in full, so the receipt's amounts are what a cancellation sends). Audited with
 * the amounts before and after and the manager's reason.
 */
export const receiptCorrectionSchema = z
  .strictObject({
    receiptId: idSchema,
    trxAmt: trxAmtSchema,
    vatAmt: vatAmtSchema,
    svcAmt: svcAmtSchema,
    note: z.string().trim().min(1).max(200),
  })
  .superRefine((amounts, ctx) => {
    for (const error of checkAmountsWithinTotal(amounts)) {
      ctx.addIssue({
        code: 'custom',
        message: error.message.ko,
        path: [error.field],
        params: { fieldError: error },
      });
    }
  });
export type ReceiptCorrection = z.infer<typeof receiptCorrectionSchema>;

/** A test slip on this printer ('' = the system's default printer), saved or not yet. */
export const testPrintSchema = z.strictObject({ printerName: z.string().max(200) });

/** The cashier has seen a settled-item notice (printed its slip, or closed it). */
export const settlementDismissSchema = z.strictObject({ id: idSchema });

/** Where the daily backup goes: chosen in main's folder dialog, or no backup. */
export const backupFolderSchema = z.strictObject({ action: z.enum(['choose', 'clear']) });
