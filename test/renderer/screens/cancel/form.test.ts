import { describe, expect, it } from 'vitest';
import { validateCancelField } from '../../../../shared/kicc/requests';
import {
  autoVat,
  draftFromReceipt,
  emptyPaperDraft,
  errorCount,
  parseAmount,
  validateCancel,
  validatePaper,
  withAmount,
  withAutoVat,
  type CancelDraft,
} from '../../../../renderer/screens/cancel/form';
import { receipt } from '../../fakePos';

const valid: CancelDraft = {
  trxAmt: '10,000',
  vatAmt: '909',
  svcAmt: '0',
  vatEdited: false,
  reason: '고객 변심',
};

describe('parseAmount: what the cashier typed, as the KICC rule expects it', () => {
  it.each([
    ['10,000', 10000],
    ['10 000', 10000],
    ['0', 0],
    ['', undefined],
    ['  ', undefined],
    ['1.5', 1.5],
    ['-100', -100],
    ['만원', '만원'],
    ['10,000원', '10,000원'],
  ])('%j -> %j', (text, value) => {
    expect(parseAmount(text)).toEqual(value);
  });
});

describe('VAT follows the amount until the cashier types one', () => {
  it('computes VAT from the total like the seed example (10,000 -> 909)', () => {
    expect(autoVat('10,000', '0')).toBe('909');
  });

  it('leaves the service charge out of the VAT base', () => {
    expect(autoVat('11,000', '1,000')).toBe('909');
  });

  it.each([
    ['', '0'],
    ['abc', '0'],
    ['1000', '2000'],
  ])('gives no VAT for an amount it cannot use (%j, %j)', (total, service) => {
    expect(autoVat(total, service)).toBe('');
  });

  it('recomputes VAT when the amount changes, until VAT is edited', () => {
    let draft = withAmount({ ...valid, vatAmt: '' }, 'trxAmt', '22,000');
    expect(draft.vatAmt).toBe('2,000');
    draft = withAmount(draft, 'vatAmt', '1,999');
    expect(draft.vatEdited).toBe(true);
    draft = withAmount(draft, 'trxAmt', '33,000');
    expect(draft.vatAmt).toBe('1,999');
    draft = withAutoVat(draft);
    expect(draft).toMatchObject({ vatEdited: false, vatAmt: '3,000' });
  });
});

describe('cancel form rules are the shared KICC rules', () => {
  it('accepts a complete form', () => {
    expect(validateCancel(valid)).toEqual({});
  });

  it.each([
    ['trxAmt', { trxAmt: '' }],
    ['trxAmt', { trxAmt: '0' }],
    ['trxAmt', { trxAmt: '1.5' }],
    ['trxAmt', { trxAmt: 'abc' }],
    ['vatAmt', { vatAmt: '-1' }],
    ['vatAmt', { vatAmt: '20,000' }],
    ['svcAmt', { svcAmt: '' }],
  ] as const)('%s wrong in %j gives the very error main would give', (field, patch) => {
    const draft = { ...valid, ...patch };
    const errors = validateCancel(draft);
    const value = parseAmount(draft[field]);
    const context = {
      trxAmt: parseAmount(draft.trxAmt),
      vatAmt: parseAmount(draft.vatAmt),
      svcAmt: parseAmount(draft.svcAmt),
    };
    expect(errors[field]).toEqual(validateCancelField(field, value, context));
    expect(errors[field]?.[0]?.message.ko).toMatch(/\S/);
  });

  it('reports VAT plus service above the total on the service charge', () => {
    const errors = validateCancel({ ...valid, trxAmt: '1,000', vatAmt: '600', svcAmt: '600' });
    expect(errors.svcAmt?.[0]?.rule).toBe('amountSumNotAboveTotal');
    expect(errors.vatAmt).toBeUndefined();
  });

  it.each(['', '   ', 'x'.repeat(201)])(
    'requires a reason of 1 to 200 characters (%j)',
    (reason) => {
      expect(validateCancel({ ...valid, reason }).reason?.[0]?.message.en).toMatch(/reason/i);
    },
  );

  it('counts every error', () => {
    expect(errorCount(validateCancel({ ...valid, trxAmt: '', reason: '' }))).toBe(2);
  });

  it('is pre-filled from the receipt with its own VAT (the approved one)', () => {
    expect(draftFromReceipt(receipt({ trxAmt: 1234567, vatAmt: 112233, svcAmt: 1000 }))).toEqual({
      trxAmt: '1,234,567',
      vatAmt: '112,233',
      svcAmt: '1,000',
      vatEdited: true,
      reason: '',
    });
  });
});

describe('paper receipt rules', () => {
  const paper = {
    ...emptyPaperDraft,
    cndTrxNo: 'V12345678902',
    orgAprvDt: '20231225',
    orgAprvNo: '12345678',
    trxAmt: '10,000',
    vatAmt: '909',
  };

  it('accepts what a receipt shows', () => {
    expect(validatePaper(paper)).toEqual({});
  });

  it.each([
    ['orgAprvDt', { orgAprvDt: '20230229' }, 'date'],
    ['orgAprvDt', { orgAprvDt: '' }, 'required'],
    ['orgAprvNo', { orgAprvNo: '승인12345' }, 'ascii'],
    ['orgAprvNo', { orgAprvNo: '12345678901' }, 'maxBytes'],
    ['cndTrxNo', { cndTrxNo: 'X'.repeat(21) }, 'maxBytes'],
    ['alotMonth', { alotMonth: '3' }, 'alotMonth'],
    ['wcc', { wcc: 'X' }, 'wcc'],
  ] as const)('%s in %j breaks the %s rule', (field, patch, rule) => {
    const errors = validatePaper({ ...paper, ...patch });
    expect(errors[field]?.[0]?.rule).toBe(rule);
    expect(errors[field]).toEqual(validateCancelField(field, patch[field as keyof typeof patch]));
  });
});
