import { z } from 'zod';
import { attemptSchema, auditEventSchema } from './manager-models';
import { cancellationSchema, cancellationStateSchema } from './models';

/**
 * What main answers about a cancellation a manager reviews (issue 6 "needs_review resolution";
 * issue 13 finding 3; issue 9 "the manager's review screen"). RESPONSE shapes, like ./models.ts.
 *
 * Main reads the record (electron/store-ops/review-record.ts) and says, per exchange, what
 * KICC's answer means, and what the whole record implies; the page puts those in words. The
 * exact body sent and KICC's raw answer stay in `attempts`, for the "자세히" panels only.
 */

/**
 * One exchange, read: which request it was and what its answer means for the customer's money.
 *  cancel-*:     a reqCancel;
 *  net-cancel-*: a reqRtran (망취소), which REVERSES the request it names when KICC answers 0000.
 */
export const exchangeReadingSchema = z.enum([
  /** 0000: KICC cancelled the payment (the refund stands unless reversed later) */
  'cancel-accepted',
  /** KICC: the payment was already cancelled (by this request earlier, or by someone else) */
  'cancel-already-cancelled',
  /** a refusal in our code table: nothing happened at KICC */
  'cancel-refused',
  /** a code the app does not know: it may be KICC's "already cancelled" */
  'cancel-unknown-code',
  /** a known code reqCancel never sends (S006, S007 on reqCancel) */
  'cancel-unexpected',
  /** S005: this number was used before; the first request's outcome is unknown */
  'cancel-duplicate',
  /** S999: KICC's temporary error; the outcome is unknown */
  'cancel-temporary-error',
  /** no usable answer: it may have landed (`cause` says why) */
  'cancel-no-answer',
  /** no byte reached KICC */
  'cancel-not-sent',
  /** HTTP 401/403: refused before processing */
  'cancel-credentials-refused',
  /** no ending recorded (the exchange was in flight) */
  'cancel-unfinished',
  /** 0000: the request it names is reversed; the original is approved again */
  'net-cancel-reversed',
  /** the request it names never reached KICC */
  'net-cancel-not-found',
  /** the request it names landed and is too old to reverse: it stands */
  'net-cancel-too-late',
  /** "too old to reverse" after an earlier reqRtran of ours went unanswered: inconclusive */
  'net-cancel-too-late-after-no-answer',
  /** an answer reqRtran should not give (a refusal, an unknown code, ...) */
  'net-cancel-unexpected',
  'net-cancel-temporary-error',
  'net-cancel-no-answer',
  'net-cancel-not-sent',
  'net-cancel-credentials-refused',
  'net-cancel-unfinished',
]);
export type ExchangeReading = z.infer<typeof exchangeReadingSchema>;

/** Why an exchange has no usable answer. */
export const noAnswerCauseSchema = z.enum([
  'network',
  'timeout',
  'server-error',
  'bad-answer',
  'app-stopped',
]);
export type NoAnswerCause = z.infer<typeof noAnswerCauseSchema>;

/**
 * What KICC's answers, taken together, say about the original payment:
 *  refunded:     a cancellation of ours stands (or KICC says the payment is already cancelled);
 *  not-refunded: every request of ours was refused, reversed, or never reached KICC;
 *  unknown:      the record cannot tell (an answer was lost, or a code is unknown).
 */
export const recordImpliesSchema = z.enum(['refunded', 'not-refunded', 'unknown']);
export type RecordImplies = z.infer<typeof recordImpliesSchema>;

export const recordReadingSchema = z.object({
  /** one per attempt, in the same order */
  exchanges: z.array(
    z.object({
      attemptId: z.string(),
      reading: exchangeReadingSchema,
      cause: noAnswerCauseSchema.nullable(),
    }),
  ),
  implies: recordImpliesSchema,
  /** the attempt whose answer decides `implies` (null: no exchange says anything) */
  basisAttemptId: z.string().nullable(),
});
export type RecordReading = z.infer<typeof recordReadingSchema>;

const epochMs = z.number().int().nonnegative();
const reviewOutcome = z.enum(['cancelled', 'not-cancelled']);

/** A manager's step on this cancellation, from the audit log. */
export const reviewStepSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('resolved'),
    outcome: reviewOutcome,
    /** the manager's own note (never printed for the customer) */
    note: z.string(),
    /** the reason given for recording against what KICC's answers imply, else null */
    overrideReason: z.string().nullable(),
    by: z.string(),
    at: epochMs,
  }),
  z.object({ kind: z.literal('reopened'), reason: z.string(), by: z.string(), at: epochMs }),
]);
export type ReviewStep = z.infer<typeof reviewStepSchema>;

/** Everything known about a cancellation, for the manager's needs_review decision. */
export const reviewDetailSchema = z.object({
  cancellation: cancellationSchema,
  requestedBy: z.string(),
  approvedBy: z.string().nullable(),
  /**
   * Why the engine handed it over (e.g. 'verification-deadline', 'unknown-code'), or, once
   * resolved, 'manager-cancelled' / 'manager-not-cancelled'. Open-ended: the page explains the
   * ones it knows and says something safe about the others (shared/review/notes.ts).
   */
  note: z.string().nullable(),
  inDoubtSince: epochMs.nullable(),
  /** every exchange with KICC, oldest first, exactly as recorded */
  attempts: z.array(attemptSchema),
  /** the same exchanges, read */
  record: recordReadingSchema,
  /** every audit event about this cancellation, oldest first */
  audit: z.array(auditEventSchema),
  /** what the manager recorded, while that record stands (null when not resolved by a manager) */
  resolution: z
    .object({
      outcome: reviewOutcome,
      note: z.string(),
      overrideReason: z.string().nullable(),
      by: z.string(),
      at: epochMs,
    })
    .nullable(),
  /** every resolution and reopening, oldest first */
  history: z.array(reviewStepSchema),
  /** whether "다시 열기" can put this cancellation back to review now */
  reopen: z.object({
    allowed: z.boolean(),
    /** the receipt's later cancellation that keeps a "not cancelled" resolution closed */
    blockedBy: z.object({ id: z.string(), state: cancellationStateSchema }).nullable(),
  }),
});
export type ReviewDetail = z.infer<typeof reviewDetailSchema>;
