import { z } from 'zod';
import { REVIEW_TEXT_MAX } from '../review/text';
import { byIdSchema } from './requests';

/**
 * What the page may ask about a cancellation a manager reviews (docs/shell.md "Manager
 * channels"; docs/manager.md "needs_review"). REQUEST shapes: strict and bounded.
 */

/**
 * The manager's finding, after checking KICC's merchant portal. `cancelled`: the card payment
 * IS cancelled at KICC; `not-cancelled`: it is NOT (the receipt may then be cancelled again).
 */
export const reviewOutcomeSchema = z.enum(['cancelled', 'not-cancelled']);
export type ReviewOutcome = z.infer<typeof reviewOutcomeSchema>;

/** A manager's words: trimmed, 1 to REVIEW_TEXT_MAX characters (kept in the audit log). */
export { REVIEW_TEXT_MAX };
const managerText = z.string().trim().min(1).max(REVIEW_TEXT_MAX);

export const reviewResolveSchema = z.strictObject({
  id: byIdSchema.shape.id,
  outcome: reviewOutcomeSchema,
  /** required: what was checked, where, with whom (the audit log; never on a customer's slip) */
  note: managerText,
  /** the cancellation's approval number as the portal shows it (printed on the slip) */
  cancelAprvNo: z
    .string()
    .trim()
    .min(1)
    .max(10)
    .regex(/^[\x21-\x7e]+$/, 'letters and digits only')
    .optional(),
  /**
   * Required when the outcome contradicts what KICC's answers imply (main reads the record and
   * refuses with `contradicts-record` without it): why the manager records otherwise.
   */
  overrideReason: managerText.optional(),
});

/** "다시 열기": a manager's resolution goes back to needs_review, with the reason. */
export const reviewReopenSchema = z.strictObject({
  id: byIdSchema.shape.id,
  reason: managerText,
});
