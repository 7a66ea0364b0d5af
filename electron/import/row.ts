import type { FieldError } from '../../shared/kicc/fields';
import {
  checkAmountsWithinTotal,
  checkAscii,
  checkMaxBytes,
  checkTime,
  fieldError,
  runChecks,
} from '../../shared/kicc/fields';
import { validateCancelField } from '../../shared/kicc/requests';
import { maskCardNumber } from '../../shared/slip';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { ImportField } from './fields';
import type { ImportedReceipt } from './receipt';
import type { ImportCell } from './table';
import { alotMonthOf, amountOf, dateOf, textOf, timeOf } from './values';

/**
 * One data row to a receipt, checked with the SAME rules the cancel form and the KICC client
 * use (shared/kicc: STYLE.md "the same rule is written once"). The original's approval date,
 * number, amounts and installment are exactly what a reqCancel for it will send as orgAprvDt,
 * orgAprvNo, trxAmt, vatAmt, svcAmt and alotMonth, so they are checked under those names.
 * Every error of the row is reported, not only the first.
 */

/** KICC-API.md reqCancel response: vanTrxNo is 12 bytes. */
const VAN_TRX_NO_BYTES = 12;
/** cndTrxNo is 20 bytes: an original mercTrxNo longer than that cannot be cancelled by `G`. */
const CND_TRX_NO_BYTES = 20;
/** mercTrxNo is 40 bytes (reqCancel table). */
const MERC_TRX_NO_BYTES = 40;

export type RowCells = (field: ImportField) => ImportCell | undefined;

const noKey = (): FieldError =>
  fieldError('vanTrxNo', 'required', {
    ko: 'VAN거래번호(vanTrxNo)나 가맹점거래번호(mercTrxNo) 중 하나는 있어야 합니다 (KICC 취소에 필요)',
    en: 'Either the VAN transaction number (vanTrxNo) or the merchant transaction number (mercTrxNo) is required (KICC cancels by one of them)',
  });

/** KICC's issuer code (issFmCd) as a back office prints it; anything else is left out. */
const issuerCodeOf = (text: string | undefined): string | null =>
  text !== undefined && /^[0-9A-Za-z]{1,4}$/.test(text) ? text : null;

export function readRow(cells: RowCells): Result<ImportedReceipt, FieldError[]> {
  const errors: FieldError[] = [];
  const add = (found: FieldError | FieldError[] | null): void => {
    if (Array.isArray(found)) errors.push(...found);
    else if (found !== null) errors.push(found);
  };
  const cell = (field: ImportField): ImportCell => cells(field) ?? null;

  const { date: aprvDt, time: timeInDate } = dateOf(cell('aprvDt'));
  add(validateCancelField('orgAprvDt', aprvDt));
  const aprvTm = cells('aprvTm') === undefined ? timeInDate : timeOf(cell('aprvTm'));
  if (aprvTm !== undefined) add(checkTime(aprvTm, 'aprvTm'));

  const aprvNo = textOf(cell('aprvNo'));
  add(validateCancelField('orgAprvNo', aprvNo));

  const trxAmt = amountOf(cell('trxAmt'));
  const vatAmt = amountOf(cell('vatAmt'));
  const svcAmt = cells('svcAmt') === undefined ? 0 : (amountOf(cell('svcAmt')) ?? 0);
  const amountErrors = [
    ...validateCancelField('trxAmt', trxAmt),
    ...validateCancelField('vatAmt', vatAmt),
    ...validateCancelField('svcAmt', svcAmt),
  ];
  add(amountErrors);
  if (amountErrors.length === 0) {
    add(
      checkAmountsWithinTotal({
        trxAmt: trxAmt as number,
        vatAmt: vatAmt as number,
        svcAmt: svcAmt as number,
      }),
    );
  }

  const alotMonth = cells('alotMonth') === undefined ? '00' : alotMonthOf(cell('alotMonth'));
  add(validateCancelField('alotMonth', alotMonth));

  const vanTrxNo = textOf(cell('vanTrxNo'));
  const mercTrxNo = textOf(cell('mercTrxNo'));
  if (vanTrxNo === undefined && mercTrxNo === undefined) errors.push(noKey());
  if (vanTrxNo !== undefined) {
    add(runChecks([checkAscii, checkMaxBytes(VAN_TRX_NO_BYTES)], vanTrxNo, 'vanTrxNo'));
  }
  if (mercTrxNo !== undefined) {
    const max = vanTrxNo === undefined ? CND_TRX_NO_BYTES : MERC_TRX_NO_BYTES;
    add(runChecks([checkAscii, checkMaxBytes(max)], mercTrxNo, 'mercTrxNo'));
  }

  if (errors.length > 0) return err(errors);
  return ok({
    vanTrxNo: vanTrxNo ?? null,
    mercTrxNo: mercTrxNo ?? null,
    aprvNo: aprvNo as string,
    aprvDt: aprvDt as string,
    aprvTm: (aprvTm as string | undefined) ?? null,
    trxAmt: trxAmt as number,
    vatAmt: vatAmt as number,
    svcAmt: svcAmt as number,
    alotMonth: alotMonth as string,
    issuerName: textOf(cell('issuer')) ?? null,
    issuerCode: issuerCodeOf(textOf(cell('issuerCode'))),
    cardMasked: maskCardNumber(textOf(cell('card'))),
  });
}
