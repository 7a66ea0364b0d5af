import { z } from 'zod';
import { svcAmtSchema, trxAmtSchema, vatAmtSchema } from './kicc-fields';
import { amountsWithinTotal, idSchema } from './requests';

/**
 * Requests of the counter's day (issue 12): a manager's correction of a paper receipt's amounts,
 * the printer list and a test print, the settled-item notices, the quit confirmation, the
 * backup folder. REQUEST shapes like ./requests.ts: strict, bounded.
 */

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
  .superRefine(amountsWithinTotal);
export type ReceiptCorrection = z.infer<typeof receiptCorrectionSchema>;

/** A test slip on this printer ('' = the system's default printer), saved or not yet. */
export const testPrintSchema = z.strictObject({ printerName: z.string().max(200) });

/** The cashier has seen a settled-item notice (printed its slip, or closed it). */
export const settlementDismissSchema = z.strictObject({ id: idSchema });

/** Where the daily backup goes: chosen in main's folder dialog, or no backup. */
export const backupFolderSchema = z.strictObject({ action: z.enum(['choose', 'clear']) });
