import { z } from 'zod';
import { receiptAddSchema, receiptLookupSchema } from '../../shared/contract/requests';
import { cardConfirmNoSchema } from '../../shared/contract/kicc-fields';
import {
  alotMonthSchema,
  cndTrxNoSchema,
  orgAprvDtSchema,
  orgAprvNoSchema,
  svcAmtSchema,
  trxAmtSchema,
  vatAmtSchema,
} from '../../shared/kicc/schemas';
import { checkAmountsWithinTotal } from '../../shared/kicc/fields';
import { maskCardNumber } from '../../shared/slip/card-mask';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { serviceErrors, type ServiceError } from '../cancellations/errors';
import type { Ledger } from './ledger';
import type { NewReceipt, Receipt, ReceiptSource, ReceiptWithStatus } from './types';

/**
 * The cashier's ways of finding a receipt, and of adding one (issue 3 "Ledger"; issue 5). Input
 * shapes are the IPC contract's (shared/contract/requests.ts) plus one form per key for tools and
 * the bench.
 */

const MAX_RESULTS = 50;

const keyText = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\x21-\x7e]+$/);

export const receiptQuerySchema = z.union([
  receiptLookupSchema,
  z.strictObject({ by: z.literal('vanTrxNo'), vanTrxNo: keyText }),
  z.strictObject({ by: z.literal('mercTrxNo'), mercTrxNo: keyText }),
  z.strictObject({ by: z.literal('approval'), aprvNo: orgAprvNoSchema, aprvDt: orgAprvDtSchema }),
]);
export type ReceiptQuery = z.infer<typeof receiptQuerySchema>;

export function lookupReceipts(ledger: Ledger, query: ReceiptQuery): ReceiptWithStatus[] {
  const r = ledger.receipts;
  switch (query.by) {
    case 'vanTrxNo':
      return r.byVanTrxNo(query.vanTrxNo, MAX_RESULTS);
    case 'mercTrxNo':
      return r.byMercTrxNo(query.mercTrxNo, MAX_RESULTS);
    case 'approval':
      return r.byApproval(query.aprvNo, query.aprvDt, MAX_RESULTS);
    case 'amount':
      return r.byDateAmount({
        from: query.from,
        to: query.to,
        trxAmt: query.amount,
        ...(query.cardDigits === undefined ? {} : { cardLast4: query.cardDigits }),
        limit: MAX_RESULTS,
      });
    case 'number': {
      // One search field takes whatever the receipt shows: KICC's vanTrxNo, the merchant's
      // number, or an approval number (+ its date when given).
      const found = [
        ...r.byVanTrxNo(query.query, MAX_RESULTS),
        ...r.byMercTrxNo(query.query, MAX_RESULTS),
        ...(query.aprvDt === undefined
          ? r.byAprvNo(query.query, MAX_RESULTS)
          : r.byApproval(query.query, query.aprvDt, MAX_RESULTS)),
      ];
      const seen = new Set<number>();
      return found.filter((x) => !seen.has(x.id) && seen.add(x.id)).slice(0, MAX_RESULTS);
    }
  }
}

/**
 * A receipt from an import or the training simulator: both keys when known, the approval time,
 * the issuer. The same field rules as reqCancel (a receipt we cannot cancel is no use).
 */
export const receiptImportSchema = z
  .strictObject({
    vanTrxNo: cndTrxNoSchema.optional(),
    mercTrxNo: z
      .string()
      .max(40)
      .regex(/^[\x21-\x7e]+$/)
      .optional(),
    aprvNo: orgAprvNoSchema,
    aprvDt: orgAprvDtSchema,
    aprvTm: z
      .string()
      .regex(/^([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]$/)
      .optional(),
    alotMonth: alotMonthSchema,
    trxAmt: trxAmtSchema,
    vatAmt: vatAmtSchema,
    svcAmt: svcAmtSchema,
    cardConfirmNo: cardConfirmNoSchema.optional(),
    issuerName: z.string().max(40).optional(),
    /** KICC's issuer code (issFmCd), when the source knows it */
    issuerCode: z
      .string()
      .regex(/^[0-9A-Za-z]{1,4}$/)
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.vanTrxNo === undefined && v.mercTrxNo === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'vanTrxNo or mercTrxNo is required',
        path: ['vanTrxNo'],
      });
    }
    for (const e of checkAmountsWithinTotal(v)) {
      ctx.addIssue({
        code: 'custom',
        message: e.message.ko,
        path: [e.field],
        params: { fieldError: e },
      });
    }
  });

/** A paper receipt (the contract's shape) or an import. */
export const receiptInputSchema = z.union([receiptAddSchema, receiptImportSchema]);
export type ReceiptInput = z.infer<typeof receiptInputSchema>;

export function newReceiptOf(input: ReceiptInput, source: ReceiptSource): NewReceipt {
  if ('wcc' in input) {
    return {
      vanTrxNo: input.wcc === 'T' ? input.cndTrxNo : null,
      mercTrxNo: input.wcc === 'G' ? input.cndTrxNo : null,
      aprvNo: input.orgAprvNo,
      aprvDt: input.orgAprvDt,
      aprvTm: null,
      trxAmt: input.trxAmt,
      vatAmt: input.vatAmt,
      svcAmt: input.svcAmt,
      alotMonth: input.alotMonth,
      issuerName: null,
      issuerCode: null,
      cardMasked: input.cardConfirmNo ?? null,
      source,
    };
  }
  return {
    vanTrxNo: input.vanTrxNo ?? null,
    mercTrxNo: input.mercTrxNo ?? null,
    aprvNo: input.aprvNo,
    aprvDt: input.aprvDt,
    aprvTm: input.aprvTm ?? null,
    trxAmt: input.trxAmt,
    vatAmt: input.vatAmt,
    svcAmt: input.svcAmt,
    alotMonth: input.alotMonth,
    issuerName: input.issuerName ?? null,
    issuerCode: input.issuerCode ?? null,
    cardMasked: input.cardConfirmNo ?? null,
    source,
  };
}

const agree = (a: string | null, b: string | null): boolean => a === null || b === null || a === b;

/**
 * Two card issuers may hand out the same approval number on the same day: rows whose issuer
 * is known on both sides and differs are two payments, not one (by KICC's code when both have
 * one, else by name).
 */
export function otherIssuer(known: Receipt, added: NewReceipt): boolean {
  if (known.issuerCode !== null && added.issuerCode !== null) {
    return known.issuerCode !== added.issuerCode;
  }
  return (
    known.issuerName !== null && added.issuerName !== null && known.issuerName !== added.issuerName
  );
}

const sameKey = (known: Receipt, added: NewReceipt): boolean =>
  (added.vanTrxNo !== null && known.vanTrxNo === added.vanTrxNo) ||
  (added.mercTrxNo !== null && known.mercTrxNo === added.mercTrxNo);

/** The same original, possibly known by other keys: nothing either side says contradicts. */
function sameOriginal(known: Receipt, added: NewReceipt): boolean {
  return (
    known.aprvNo === added.aprvNo &&
    known.aprvDt === added.aprvDt &&
    known.trxAmt === added.trxAmt &&
    known.vatAmt === added.vatAmt &&
    known.svcAmt === added.svcAmt &&
    known.alotMonth === added.alotMonth &&
    agree(known.vanTrxNo, added.vanTrxNo) &&
    agree(known.mercTrxNo, added.mercTrxNo)
  );
}

/**
 * The one rule for a receipt entering the ledger (below): inserted when no row holds the same
 * original, merged into the one that does, refused when it contradicts it. Card numbers are
 * masked at the door (issue 11 finding 6): whatever was typed or imported, at most the first 6
 * and last 4 digits are ever stored (shared/slip/card-mask.ts). Runs inside the caller's
 * transaction; the caller records the audit event (one per typed receipt, one per import).
 */
export function placeReceipt(
  ledger: Ledger,
  entered: NewReceipt,
  now: number,
): Result<{ id: number; inserted: boolean }, ServiceError> {
  const receipt: NewReceipt = { ...entered, cardMasked: maskCardNumber(entered.cardMasked) };
  const matches = ledger.receipts
    .findSameOriginal(receipt)
    .filter((known) => sameKey(known, receipt) || !otherIssuer(known, receipt));
  if (matches.length === 0)
    return ok({ id: ledger.receipts.insert(receipt, now).id, inserted: true });
  const [known, ...others] = matches;
  if (known === undefined || others.length > 0 || !sameOriginal(known, receipt)) {
    return err(serviceErrors.receiptConflict());
  }
  ledger.receipts.fillMissing(known.id, receipt);
  return ok({ id: known.id, inserted: false });
}

/**
 * Adds a receipt, keeping ONE row per original: the per-receipt "one live cancellation" rule
 * means nothing if the same payment could be entered twice. A receipt matching a known one (same
 * key, or same approval number + date) with nothing contradicting it adds what it knows to that
 * row and answers with it; a contradicting one (another amount, another key for the same
 * approval) is refused for a person to look at: the cashier cannot add it (issue 13 finding 2).
 * Only a known, different card issuer makes the same approval number and date two payments.
 */
export function addReceipt(
  ledger: Ledger,
  entered: NewReceipt,
  now: number,
): Result<ReceiptWithStatus, ServiceError> {
  return ledger.write(() => {
    const placed = placeReceipt(ledger, entered, now);
    if (!placed.ok) return placed;
    const id = placed.value.id;
    if (placed.value.inserted) {
      ledger.audit.appendAudit({
        at: now,
        actor: 'engine',
        kind: 'receipt.added',
        receiptId: id,
        detail: { source: entered.source },
      });
    }
    const stored = ledger.receipts.getWithStatus(id);
    if (stored === null) throw new Error(`receipt ${id} vanished`);
    return ok(stored);
  });
}
