import { describe, expect, it } from 'vitest';
import { SEED_REQUEST_EXAMPLE } from '../../../fixtures/seed-examples';
import fc from 'fast-check';
import type { FieldError } from '../../../../shared/kicc/fields';
import type { CancelRequest } from '../../../../shared/kicc/types';
import {
  CANCEL_FIELD_RULES,
  NET_CANCEL_FIELD_RULES,
  isWcc,
  validateApproveRequest,
  validateCancelField,
  validateCancelRequest,
  validateNetCancelField,
  validateNetCancelRequest,
} from '../../../../shared/kicc/requests';

/** The seed page's request example, verbatim (test/fixtures/seed-examples.ts). */
const SEED_REQUEST = JSON.parse(SEED_REQUEST_EXAMPLE) as CancelRequest;

const NET_CANCEL = {
  tid: 'T123456789',
  svcId: 'SVC_SIMPLE',
  bizrNo: '1234567890',
  mercTrxNo: 'CANCEL_20231225_0001',
  alotMonth: '00',
  trxAmt: 10000,
  vatAmt: 909,
  svcAmt: 0,
  tranDt: '20231226',
  tranTm: '100000',
};

const pairs = (errors: readonly FieldError[]): Array<[string, string]> =>
  errors.map((e) => [e.field, e.rule]);

function errorsOf(result: { ok: true } | { ok: false; error: FieldError[] }): FieldError[] {
  if (result.ok) throw new Error('expected the request to be refused');
  return result.error;
}

describe('validateCancelRequest', () => {
  it("accepts the seed page's request example unchanged, in KICC's field order", () => {
    const result = validateCancelRequest(SEED_REQUEST);
    expect(result).toEqual({ ok: true, value: SEED_REQUEST });
    if (result.ok) {
      expect(JSON.stringify(result.value)).toBe(JSON.stringify(SEED_REQUEST));
      expect(result.value).not.toBe(SEED_REQUEST); // a fresh object, safe to keep
    }
  });

  it("serialises in KICC's order whatever order the input had", () => {
    const shuffled = Object.fromEntries(Object.entries(SEED_REQUEST).reverse());
    const result = validateCancelRequest(shuffled);
    expect(result.ok && JSON.stringify(result.value)).toBe(JSON.stringify(SEED_REQUEST));
  });

  it('has a rule for exactly the fields of the seed example', () => {
    expect(Object.keys(CANCEL_FIELD_RULES)).toEqual(Object.keys(SEED_REQUEST));
  });

  it.each(Object.keys(SEED_REQUEST))('refuses the request without %s', (field) => {
    const input: Record<string, unknown> = { ...SEED_REQUEST };
    delete input[field];
    expect(pairs(errorsOf(validateCancelRequest(input)))).toEqual([[field, 'required']]);
  });

  type Case = [name: string, change: Record<string, unknown>, expected: Array<[string, string]>];
  it.each<Case>([
    ['tid of 10 bytes', { tid: 'T000000000' }, []],
    ['tid of 11 bytes', { tid: 'T0000000000' }, [['tid', 'maxBytes']]],
    ['tid with Korean: ASCII is reported, not length', { tid: 'T12345678가' }, [['tid', 'ascii']]],
    ['svcId of 11 bytes', { svcId: 'SVC_SIMPLE1' }, [['svcId', 'maxBytes']]],
    ['empty svcId', { svcId: '' }, [['svcId', 'required']]],
    ['bizrNo of 9 digits', { bizrNo: '123456789' }, [['bizrNo', 'exactLength']]],
    ['bizrNo with dashes', { bizrNo: '123-45-6789' }, [['bizrNo', 'exactLength']]],
    ['bizrNo with a letter', { bizrNo: '123456789O' }, [['bizrNo', 'digits']]],
    ['mercTrxNo of 40 bytes', { mercTrxNo: 'M'.repeat(40) }, []],
    ['mercTrxNo of 41 bytes', { mercTrxNo: 'M'.repeat(41) }, [['mercTrxNo', 'maxBytes']]],
    ['wcc T', { wcc: 'T', cndTrxNo: 'V12345678902' }, []],
    ['wcc X', { wcc: 'X' }, [['wcc', 'wcc']]],
    ['cndTrxNo of 20 bytes', { cndTrxNo: 'C'.repeat(20) }, []],
    ['cndTrxNo of 21 bytes', { cndTrxNo: 'C'.repeat(21) }, [['cndTrxNo', 'maxBytes']]],
    ['alotMonth 99', { alotMonth: '99' }, []],
    ['alotMonth 1', { alotMonth: '1' }, [['alotMonth', 'alotMonth']]],
    ['trxAmt as a string', { trxAmt: '10000' }, [['trxAmt', 'type']]],
    ['trxAmt 0', { trxAmt: 0, vatAmt: 0 }, [['trxAmt', 'positiveAmount']]],
    ['vatAmt 1.5', { vatAmt: 1.5 }, [['vatAmt', 'amount']]],
    ['svcAmt -1', { svcAmt: -1 }, [['svcAmt', 'amount']]],
    ['vatAmt above the total', { vatAmt: 10001 }, [['vatAmt', 'amountNotAboveTotal']]],
    ['VAT + service above the total', { svcAmt: 9092 }, [['svcAmt', 'amountSumNotAboveTotal']]],
    ['VAT + service equal to the total', { svcAmt: 9091 }, []],
    ['tranDt 20230229', { tranDt: '20230229' }, [['tranDt', 'date']]],
    ['tranDt 20240229', { tranDt: '20240229' }, []],
    ['tranTm 240000', { tranTm: '240000' }, [['tranTm', 'time']]],
    ['orgAprvDt 20231301', { orgAprvDt: '20231301' }, [['orgAprvDt', 'date']]],
    ['orgAprvNo of 10 bytes', { orgAprvNo: '1234567890' }, []],
    ['orgAprvNo of 11 bytes', { orgAprvNo: '12345678901' }, [['orgAprvNo', 'maxBytes']]],
    ['an unknown key', { tokenKey: 'abc' }, [['tokenKey', 'unknownField']]],
  ])('%s', (_name, change, expected) => {
    const result = validateCancelRequest({ ...SEED_REQUEST, ...change });
    expect(result.ok ? [] : pairs(result.error)).toEqual(expected);
  });

  it('reports every error at once, one per field, each in both languages', () => {
    const errors = errorsOf(
      validateCancelRequest({
        tid: '단말기',
        svcId: 'SVC_SIMPLE',
        bizrNo: '12345',
        wcc: 'X',
        cndTrxNo: 'C'.repeat(21),
        alotMonth: '1',
        trxAmt: 1000,
        vatAmt: 2000,
        svcAmt: NaN,
        tranDt: '20230230',
        tranTm: '240000',
        orgAprvDt: 20231225,
        orgAprvNo: '',
        memo: 'hi',
      }),
    );
    // vatAmt 2000 > trxAmt 1000 is not reported: svcAmt is not a number, so there is no sum to
    // judge yet; the cashier fixes svcAmt first and then sees it.
    expect(pairs(errors)).toEqual([
      ['memo', 'unknownField'],
      ['tid', 'ascii'],
      ['bizrNo', 'exactLength'],
      ['mercTrxNo', 'required'],
      ['wcc', 'wcc'],
      ['cndTrxNo', 'maxBytes'],
      ['alotMonth', 'alotMonth'],
      ['svcAmt', 'amount'],
      ['tranDt', 'date'],
      ['tranTm', 'time'],
      ['orgAprvDt', 'type'],
      ['orgAprvNo', 'required'],
    ]);
    for (const error of errors) {
      expect(error.message.ko).toMatch(/[가-힣]/);
      expect(error.message.en).toMatch(/[A-Za-z]{3}/);
      if (error.rule !== 'unknownField') expect(error.message.ko).not.toContain(error.field);
      expect(error.message.en).toContain(error.field);
    }
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['an array', [SEED_REQUEST]],
    ['a JSON string', JSON.stringify(SEED_REQUEST)],
    ['undefined', undefined],
  ])('refuses %s as a whole, with one error', (_name, input) => {
    expect(pairs(errorsOf(validateCancelRequest(input)))).toEqual([['', 'type']]);
  });

  it('ignores inherited properties: only own fields are part of the request', () => {
    const input = Object.create(SEED_REQUEST) as object;
    expect(pairs(errorsOf(validateCancelRequest(input)))).toHaveLength(14);
  });

  it('normalises -0 to 0', () => {
    const result = validateCancelRequest({ ...SEED_REQUEST, svcAmt: -0 });
    expect(result.ok && Object.is(result.value.svcAmt, 0)).toBe(true);
  });

  it('accepts any request built from valid fields, and returns it unchanged', () => {
    const ascii = (max: number) =>
      fc.string({ unit: fc.constantFrom(...'ABCXYZ019_-.'), minLength: 1, maxLength: max });
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    const date = fc
      .date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
    const time = fc
      .tuple(fc.nat(23), fc.nat(59), fc.nat(59))
      .map((parts) => parts.map((p) => String(p).padStart(2, '0')).join(''));
    const request = fc
      .record({
        tid: ascii(10),
        svcId: ascii(10),
        bizrNo: digits(10),
        mercTrxNo: ascii(40),
        wcc: fc.constantFrom('T' as const, 'G' as const),
        cndTrxNo: ascii(20),
        alotMonth: digits(2),
        trxAmt: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        vatShare: fc.double({ min: 0, max: 1, noNaN: true }),
        svcShare: fc.double({ min: 0, max: 1, noNaN: true }),
        tranDt: date,
        tranTm: time,
        orgAprvDt: date,
        orgAprvNo: ascii(10),
      })
      .map(({ vatShare, svcShare, ...rest }): CancelRequest => {
        const vatAmt = Math.floor(rest.trxAmt * vatShare);
        const svcAmt = Math.floor((rest.trxAmt - vatAmt) * svcShare);
        return { ...rest, vatAmt, svcAmt };
      });
    fc.assert(
      fc.property(request, (input) => {
        expect(validateCancelRequest(input)).toEqual({ ok: true, value: input });
      }),
    );
  });
});

describe('validateCancelField (as the cashier types)', () => {
  it.each<[keyof CancelRequest, unknown, Array<[string, string]>]>([
    ['orgAprvDt', '2023', [['orgAprvDt', 'date']]],
    ['orgAprvDt', '20231225', []],
    ['orgAprvNo', '1234가', [['orgAprvNo', 'ascii']]],
    ['orgAprvNo', '', [['orgAprvNo', 'required']]],
    ['alotMonth', '1', [['alotMonth', 'alotMonth']]],
    ['trxAmt', 0, [['trxAmt', 'positiveAmount']]],
    ['wcc', 'X', [['wcc', 'wcc']]],
  ])('%s = %j', (field, value, expected) => {
    expect(pairs(validateCancelField(field, value))).toEqual(expected);
  });

  it("reports the cross-field amount rule on the field being typed, given the form's values", () => {
    const form = { trxAmt: 1000, vatAmt: 91, svcAmt: 0 };
    expect(pairs(validateCancelField('vatAmt', 1001, form))).toEqual([
      ['vatAmt', 'amountNotAboveTotal'],
    ]);
    expect(pairs(validateCancelField('svcAmt', 910, form))).toEqual([
      ['svcAmt', 'amountSumNotAboveTotal'],
    ]);
    expect(validateCancelField('vatAmt', 91, form)).toEqual([]);
    // Without the other values there is nothing to compare against.
    expect(validateCancelField('vatAmt', 1001)).toEqual([]);
    // An error that belongs to another field is that field's to show.
    expect(validateCancelField('trxAmt', 50, form)).toEqual([]);
    // Until the other amounts are valid numbers, no cross-field verdict.
    expect(validateCancelField('vatAmt', 1001, { trxAmt: '' })).toEqual([]);
  });
});

describe('validateNetCancelRequest', () => {
  it('accepts a reqRtran without tokenKey, the way cancellations are verified', () => {
    expect(validateNetCancelRequest(NET_CANCEL)).toEqual({ ok: true, value: NET_CANCEL });
  });

  it('drops an explicitly undefined tokenKey rather than sending it', () => {
    const result = validateNetCancelRequest({ ...NET_CANCEL, tokenKey: undefined });
    expect(result.ok && 'tokenKey' in result.value).toBe(false);
  });

  it.each<[string, unknown, Array<[string, string]>]>([
    ['128 bytes', 'k'.repeat(128), []],
    ['129 bytes', 'k'.repeat(129), [['tokenKey', 'maxBytes']]],
    ['empty', '', [['tokenKey', 'required']]],
    ['Korean', '토큰', [['tokenKey', 'ascii']]],
    ['null', null, [['tokenKey', 'required']]],
  ])('tokenKey of %s', (_name, tokenKey, expected) => {
    const result = validateNetCancelRequest({ ...NET_CANCEL, tokenKey });
    expect(result.ok ? [] : pairs(result.error)).toEqual(expected);
  });

  it('puts tokenKey where KICC lists it (after mercTrxNo)', () => {
    const result = validateNetCancelRequest({ tokenKey: 'TK1', ...NET_CANCEL });
    expect(result.ok && Object.keys(result.value).slice(3, 5)).toEqual(['mercTrxNo', 'tokenKey']);
  });

  it("refuses reqCancel's own fields: a cancel body is not a net-cancel body", () => {
    const errors = errorsOf(validateNetCancelRequest(SEED_REQUEST));
    expect(pairs(errors)).toEqual([
      ['wcc', 'unknownField'],
      ['cndTrxNo', 'unknownField'],
      ['orgAprvDt', 'unknownField'],
      ['orgAprvNo', 'unknownField'],
    ]);
  });

  it('applies the same amount rules', () => {
    const errors = errorsOf(validateNetCancelRequest({ ...NET_CANCEL, vatAmt: 20000 }));
    expect(pairs(errors)).toEqual([['vatAmt', 'amountNotAboveTotal']]);
  });

  it('validates one field for a form too', () => {
    expect(pairs(validateNetCancelField('tokenKey', 'k'.repeat(129)))).toEqual([
      ['tokenKey', 'maxBytes'],
    ]);
    expect(validateNetCancelField('tokenKey', undefined)).toEqual([]);
    expect(Object.keys(NET_CANCEL_FIELD_RULES)).toContain('tokenKey');
  });
});

describe('validateApproveRequest', () => {
  it('takes the same fields as reqRtran, tokenKey included', () => {
    const approval = { ...NET_CANCEL, tokenKey: 'TOKEN-0001' };
    expect(validateApproveRequest(approval)).toEqual({ ok: true, value: approval });
  });

  it('reports all errors at once', () => {
    const errors = errorsOf(validateApproveRequest({ ...NET_CANCEL, tranTm: '1', trxAmt: 1.5 }));
    expect(pairs(errors)).toEqual([
      ['trxAmt', 'amount'],
      ['tranTm', 'time'],
    ]);
  });
});

describe('isWcc', () => {
  it.each([
    ['T', true],
    ['G', true],
    ['X', false],
    [undefined, false],
  ])('%j -> %s', (value, expected) => {
    expect(isWcc(value)).toBe(expected);
  });
});
