import { describe, expect, it } from 'vitest';
import type { CancelRequest } from '../../../../shared/kicc/types';
import { SEED_REQUEST_EXAMPLE } from '../../../fixtures/seed-examples';
import { z } from 'zod';
import { validateCancelRequest } from '../../../../shared/kicc/requests';
import {
  alotMonthSchema,
  approveRequestSchema,
  cancelAmountsSchema,
  cancelFieldSchema,
  cancelRequestSchema,
  fieldErrorsFromZod,
  netCancelRequestSchema,
  orgAprvDtSchema,
  orgAprvNoSchema,
  trxAmtSchema,
  wccSchema,
} from '../../../../shared/kicc/schemas';
import { checkDate } from '../../../../shared/kicc/fields';

/** The seed page's request example, verbatim (test/fixtures/seed-examples.ts). */
const SEED_REQUEST = JSON.parse(SEED_REQUEST_EXAMPLE) as CancelRequest;

const { wcc: _wcc, cndTrxNo: _c, orgAprvDt: _d, orgAprvNo: _n, ...NET_CANCEL } = SEED_REQUEST;

describe('request schemas', () => {
  it.each([
    ['cancelRequestSchema', cancelRequestSchema, SEED_REQUEST],
    ['netCancelRequestSchema', netCancelRequestSchema, NET_CANCEL],
    ['approveRequestSchema', approveRequestSchema, { ...NET_CANCEL, tokenKey: 'TK' }],
  ])('%s accepts a valid request', (_name, schema, input) => {
    expect(schema.safeParse(input)).toEqual({ success: true, data: input });
  });

  it('gives the same errors as the validator, with the Korean text as the message', () => {
    const input = { ...SEED_REQUEST, wcc: 'X', orgAprvDt: '20230230', extra: true };
    const parsed = cancelRequestSchema.safeParse(input);
    const validated = validateCancelRequest(input);
    expect(parsed.success).toBe(false);
    expect(validated.ok).toBe(false);
    if (parsed.success || validated.ok) return;
    expect(fieldErrorsFromZod(parsed.error)).toEqual(validated.error);
    expect(parsed.error.issues.map((i) => [i.path, i.message])).toEqual(
      validated.error.map((e) => [[e.field], e.message.ko]),
    );
  });

  it('places issues under the enclosing key when nested in a contract payload', () => {
    const payload = z.object({ request: cancelRequestSchema });
    const parsed = payload.safeParse({ request: { ...SEED_REQUEST, tranTm: '240000' } });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path)).toEqual([
      ['request', 'tranTm'],
    ]);
  });

  it('puts a whole-input error at the root', () => {
    const parsed = netCancelRequestSchema.safeParse('not an object');
    expect(parsed.success ? null : parsed.error.issues[0]?.path).toEqual([]);
  });
});

describe('field schemas (the receipt key the cashier types)', () => {
  const receiptKey = z.object({
    orgAprvDt: orgAprvDtSchema,
    orgAprvNo: orgAprvNoSchema,
    wcc: wccSchema,
    cndTrxNo: cancelFieldSchema('cndTrxNo'),
    alotMonth: alotMonthSchema,
    amounts: cancelAmountsSchema,
  });
  const good = {
    orgAprvDt: '20240229',
    orgAprvNo: '12345678',
    wcc: 'T',
    cndTrxNo: 'V12345678902',
    alotMonth: '00',
    amounts: { trxAmt: 10000, vatAmt: 909, svcAmt: 0 },
  };

  it('accept valid pieces', () => {
    expect(receiptKey.safeParse(good)).toEqual({ success: true, data: good });
  });

  it('refuse each bad piece with the rule function’s own message, at its path', () => {
    const parsed = receiptKey.safeParse({
      orgAprvDt: '20230230',
      orgAprvNo: '가',
      wcc: 'X',
      alotMonth: '1',
      amounts: { trxAmt: 1000, vatAmt: 1001, svcAmt: 0 },
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.error.issues.map((i) => i.path.join('.'))).toEqual([
      'orgAprvDt',
      'orgAprvNo',
      'wcc',
      'cndTrxNo',
      'alotMonth',
      'amounts.vatAmt',
    ]);
    expect(fieldErrorsFromZod(parsed.error).map((e) => [e.field, e.rule])).toEqual([
      ['orgAprvDt', 'date'],
      ['orgAprvNo', 'ascii'],
      ['wcc', 'wcc'],
      ['cndTrxNo', 'required'],
      ['alotMonth', 'alotMonth'],
      ['vatAmt', 'amountNotAboveTotal'],
    ]);
    expect(parsed.error.issues[0]?.message).toBe(checkDate('20230230', 'orgAprvDt')?.message.ko);
  });

  it.each([
    [10000, true],
    [0, false],
    [1.5, false],
    ['10000', false],
  ])('trxAmtSchema %j -> %s', (value, success) => {
    expect(trxAmtSchema.safeParse(value).success).toBe(success);
  });

  it('leave issues from other schemas out of fieldErrorsFromZod', () => {
    const parsed = z.object({ note: z.string(), wcc: wccSchema }).safeParse({ note: 1, wcc: 'Q' });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.error.issues).toHaveLength(2);
    expect(fieldErrorsFromZod(parsed.error).map((e) => e.field)).toEqual(['wcc']);
  });
});
