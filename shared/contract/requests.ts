import { z } from 'zod';
import {
  alotMonthSchema,
  bizrNoSchema,
  cardConfirmNoSchema,
  cndTrxNoSchema,
  orgAprvDtSchema,
  orgAprvNoSchema,
  svcAmtSchema,
  svcIdSchema,
  tidSchema,
  trxAmtSchema,
  vatAmtSchema,
  wccSchema,
  wonSchema,
  yyyymmddSchema,
} from './kicc-fields';
import { managerPinSchema } from './manager-requests';
import {
  CASHIERS_MAX,
  CASHIER_NAME_MAX,
  isAllowedApiBaseUrl,
  isValidCashierName,
  isValidCashierNo,
  isValidStoreName,
  repeatedCashierNos,
  CONFIRMED_CODES_MAX,
  confirmedCodesProblem,
  STORE_NAME_MAX,
} from './settings-rules';
import { cancellationStateSchema, languageSchema } from './models';
import { checkAmountsWithinTotal } from '../kicc/fields';
import type { Amounts } from '../kicc/fields';

/**
 * What the page may ask. These are REQUEST shapes: strict (an unknown key is an error, not
 * silently dropped), bounded (every string and list has a maximum), and built from the shared
 * KICC field rules so the form and the main process agree (DESIGN.md "shared/ is the single
 * source of truth").
 */

export const emptyRequestSchema = z.strictObject({});

/** Printable ASCII, trimmed, bounded: what a receipt or a barcode scanner can produce. */
const receiptKeyText = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\x21-\x7e]+$/, 'letters, digits and symbols only');

/** KICC's cross-field amount rules (VAT and service within the total), reported per field. */
export function amountsWithinTotal(amounts: Amounts, ctx: z.RefinementCtx): void {
  for (const error of checkAmountsWithinTotal(amounts)) {
    ctx.addIssue({
      code: 'custom',
      message: error.message.ko,
      path: [error.field],
      params: { fieldError: error },
    });
  }
}

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'id');

/**
 * One search field takes whatever the receipt shows (issue 5): VAN transaction number, the
 * merchant transaction number, or an approval number (+ its date when several match).
 * Or, with no number at hand: a date range and the amount (+ the card's last digits).
 */
export const receiptLookupSchema = z.discriminatedUnion('by', [
  z.strictObject({
    by: z.literal('number'),
    query: receiptKeyText,
    /** the approval date, when an approval number alone matches several receipts */
    aprvDt: orgAprvDtSchema.optional(),
  }),
  z.strictObject({
    by: z.literal('amount'),
    from: yyyymmddSchema,
    to: yyyymmddSchema,
    amount: wonSchema.min(1),
    cardDigits: z
      .string()
      .regex(/^\d{4}$/, '4 digits')
      .optional(),
  }),
]);
export type ReceiptLookup = z.infer<typeof receiptLookupSchema>;

/**
 * A receipt typed from paper (issue 5): approval date and number, amounts, installment and the
 * key printed on it. Field names are reqCancel's, because these are exactly the values a
 * cancellation of it will send (KICC-API.md "reqCancel").
 */
export const receiptAddSchema = z
  .strictObject({
    orgAprvDt: orgAprvDtSchema,
    orgAprvNo: orgAprvNoSchema,
    /** `T`: cndTrxNo is the vanTrxNo on the receipt; `G`: the merchant's number */
    wcc: wccSchema,
    cndTrxNo: cndTrxNoSchema,
    alotMonth: alotMonthSchema,
    trxAmt: trxAmtSchema,
    vatAmt: vatAmtSchema,
    svcAmt: svcAmtSchema,
    cardConfirmNo: cardConfirmNoSchema.optional(),
  })
  .superRefine(amountsWithinTotal);
export type ReceiptAdd = z.infer<typeof receiptAddSchema>;

/** A cashier's number at the till (shared/contract/settings-rules.ts). */
export const cashierNoSchema = z.string().refine(isValidCashierNo, '1–4 digits');

/** The store's cashiers, as the manager saves them: valid, at most CASHIERS_MAX, numbers unique. */
export const cashiersSchema = z
  .array(
    z.strictObject({
      no: cashierNoSchema,
      name: z
        .string()
        .trim()
        .max(CASHIER_NAME_MAX * 2)
        .refine(isValidCashierName, `1–${CASHIER_NAME_MAX} printable characters`),
    }),
  )
  .max(CASHIERS_MAX)
  .superRefine((list, ctx) => {
    for (const no of repeatedCashierNos(list)) {
      ctx.addIssue({ code: 'custom', message: `cashier number ${no} is used twice`, path: [] });
    }
  });

/**
 * The cashier's confirmed cancellation. `clientRequestId` is made once per confirmation screen:
 * a double click or a repeated Enter sends the same id, and main answers with the cancellation
 * that id already created (DESIGN.md "never ... done twice").
 */
const cancellationRequestFields = z.strictObject({
  clientRequestId: z.uuid(),
  receiptId: idSchema,
  trxAmt: trxAmtSchema,
  vatAmt: vatAmtSchema,
  svcAmt: svcAmtSchema,
  reason: z.string().trim().min(1).max(200),
});
/** What the engine takes (electron/services.ts requestCancellation). */
export const cancellationRequestSchema = cancellationRequestFields.superRefine(amountsWithinTotal);
export type CancellationRequest = z.infer<typeof cancellationRequestSchema>;

/**
 * The `cancellations.request` channel: the engine's request, plus the manager's PIN typed on the
 * cashier's screen when the amount is over the cashier's limit (issue 6 "Approval"). Main checks
 * the PIN, records requester = cashier and approver = manager, and passes the rest on WITHOUT
 * the PIN. Not needed in manager mode (a manager cancels directly).
 */
export const cancellationChannelRequestSchema = cancellationRequestFields
  .extend({
    managerPin: managerPinSchema.optional(),
    /** the cashier's number, when the store names its cashiers (settings `cashiers`) */
    cashierNo: cashierNoSchema.optional(),
  })
  .superRefine(amountsWithinTotal);
export type CancellationChannelRequest = z.infer<typeof cancellationChannelRequestSchema>;

export const byIdSchema = z.strictObject({ id: idSchema });

export const cancellationListSchema = z.strictObject({
  from: yyyymmddSchema.optional(),
  to: yyyymmddSchema.optional(),
  states: z.array(cancellationStateSchema).max(cancellationStateSchema.options.length).optional(),
  text: z.string().trim().max(40).optional(),
  /** only (true) or never (false) the outcomes a manager recorded ("관리자 확인") */
  resolvedByManager: z.boolean().optional(),
  offset: z.int().min(0).max(10_000_000).default(0),
  /** history is virtualized on screen, so a page may hold a whole day's worth */
  limit: z.int().min(1).max(100_000).default(200),
});
export type CancellationListQuery = z.infer<typeof cancellationListSchema>;

export const retryNowSchema = z.strictObject({ cancellationId: idSchema.optional() });

/**
 * `https://{API domain}` with nothing after the host (KICC-API.md "Endpoints"). Plain http is
 * allowed only to 127.0.0.1, for a simulator during training; live mode refuses it at start.
 */
export const apiBaseUrlSchema = z
  .string()
  .max(200)
  .refine((s) => isAllowedApiBaseUrl(s), 'https://host, or http://127.0.0.1:port for training');

// Lives in a zod-free module so the page can check it as typed; re-exported for main's users.
export { isAllowedApiBaseUrl };

export const limitsPatchSchema = z.strictObject({
  cashierMaxAmount: wonSchema.optional(),
  offlineMaxCount: z.int().min(0).max(10_000).optional(),
  offlineMaxAmount: wonSchema.optional(),
});

/** Only the keys given change. */
/** KICC codes confirmed to mean "nothing happened" (settings-rules.ts confirmedCodesProblem) */
export const confirmedCodesSchema = z
  .array(z.string().max(4))
  .max(CONFIRMED_CODES_MAX)
  .refine((codes) => confirmedCodesProblem(codes) === null, {
    message: 'each 4 visible ASCII characters, not 0000, no repeats',
  });

export const settingsPatchSchema = z.strictObject({
  apiBaseUrl: apiBaseUrlSchema.optional(),
  terminalId: tidSchema.optional(),
  serviceId: svcIdSchema.optional(),
  businessNumber: bizrNoSchema.optional(),
  limits: limitsPatchSchema.optional(),
  language: languageSchema.optional(),
  /** the store line of every slip (상호); trimmed, '' = none */
  storeName: z
    .string()
    .trim()
    .refine(isValidStoreName, `at most ${STORE_NAME_MAX} printable characters`)
    .optional(),
  printerName: z.string().max(200).optional(),
  startAtLogin: z.boolean().optional(),
  kiosk: z.boolean().optional(),
  /** the whole list (it replaces the saved one) */
  cashiers: cashiersSchema.optional(),
  confirmedRefusalCodes: confirmedCodesSchema.optional(),
  autoPrintSettled: z.boolean().optional(),
  // backupFolder is not here: a path comes only from main's own folder dialog (backup.folder)
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/**
 * Secret, write-only (DESIGN.md): the page can set these and never read them back. Minimum
 * lengths (issue 11 "secret keys of a sane minimum length"): a SecretKey is the HMAC key of every
 * request (KICC-API.md "Headers"), and one of a few characters could be found by trying; 16 is a
 * floor no KICC-issued key is near. The ChannelId is an identifier, but at 6 characters or more it
 * is also hidden by value wherever it appears in a log (electron/log/redact.ts).
 */
export const SECRET_KEY_MIN_LENGTH = 16;
export const CHANNEL_ID_MIN_LENGTH = 6;
const secretText = (min: number) =>
  z
    .string()
    .min(min, `at least ${min} characters`)
    .max(256)
    .regex(/^[\x21-\x7e]+$/, 'no spaces or non-ASCII');
export const credentialsSetSchema = z.strictObject({
  channelId: secretText(CHANNEL_ID_MIN_LENGTH),
  secretKey: secretText(SECRET_KEY_MIN_LENGTH),
});
export type CredentialsInput = z.infer<typeof credentialsSetSchema>;
