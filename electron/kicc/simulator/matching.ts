/**
 * The first field whose value differs, in the order given, or undefined when all match. Named
 * in the answer's respMsg so whoever reads an S003 knows which field to fix (the same courtesy
 * KICC-API.md asks of S008).
 */
export function firstDifference<F extends string>(
  fields: readonly F[],
  sent: Readonly<Record<F, string | number>>,
  kept: Readonly<Record<F, string | number>>,
): F | undefined {
  return fields.find((field) => sent[field] !== kept[field]);
}

/** S003 (KICC-API.md): amount, VAT, service charge and installment must match the original. */
export const AMOUNT_FIELDS = ['trxAmt', 'vatAmt', 'svcAmt', 'alotMonth'] as const;

/**
 * A net-cancel carries "exactly the same data as the lost request" (KICC-API.md reqRtran): the
 * amounts AND the lost request's own send date/time.
 */
export const NET_CANCEL_FIELDS = [...AMOUNT_FIELDS, 'tranDt', 'tranTm'] as const;
