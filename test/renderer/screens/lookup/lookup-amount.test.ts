import { describe, expect, it } from 'vitest';
import {
  amountDraftOf,
  amountSearchErrors,
  amountLookupOf,
} from '../../../../renderer/screens/lookup/amount-search';
import { createLookupStore } from '../../../../renderer/stores/lookup';
import { fakePos, okResult, receipt } from '../../fakePos';

/** 2023-12-26 10:00:00 KST, 2023-12-26 01:00 UTC */
const NOW = Date.UTC(2023, 11, 26, 1, 0, 0);
/** 2023-12-25 23:30 UTC is already the 26th in Korea */
const LATE_UTC = Date.UTC(2023, 11, 25, 15, 30, 0);

/** Issue 12 finding 2: a customer without the receipt number is found by date and amount. */
describe('finding 2: look-up by approval date (or a range) and amount, card digits to narrow', () => {
  it('starts at today, Korea time, for both ends of the range', () => {
    expect(amountDraftOf('20231226')).toEqual({
      from: '2023-12-26',
      to: '2023-12-26',
      amount: '',
      cardDigits: '',
    });
    const fake = fakePos();
    expect(createLookupStore(fake.pos, () => LATE_UTC).getState().amount.from).toBe('2023-12-26');
  });

  it.each([
    [
      'today and an amount as typed with separators',
      { amount: '12,000' },
      { by: 'amount', from: '20231226', to: '20231226', amount: 12000 },
    ],
    [
      'a range typed without dashes, and the last four digits',
      { from: '20231201', to: '20231226', amount: '58000', cardDigits: '1234' },
      { by: 'amount', from: '20231201', to: '20231226', amount: 58000, cardDigits: '1234' },
    ],
  ])('%s', (_case, patch, request) => {
    expect(amountLookupOf({ ...amountDraftOf('20231226'), ...patch })).toEqual(request);
  });

  it.each([
    ['no amount', {}, 'amount'],
    ['a zero amount', { amount: '0' }, 'amount'],
    ['won with a fraction', { amount: '10.5' }, 'amount'],
    ['three card digits', { amount: '1000', cardDigits: '123' }, 'cardDigits'],
    ['a date that does not exist', { amount: '1000', from: '2023-02-30' }, 'from'],
    ['the end before the start', { amount: '1000', from: '2023-12-26', to: '2023-12-01' }, 'to'],
  ])('refuses %s, in words, on the field', (_case, patch, field) => {
    const draft = { ...amountDraftOf('20231226'), ...patch };
    const errors = amountSearchErrors(draft);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field as keyof typeof errors]?.[0]?.message.ko).toMatch(/[가-힣]/);
    expect(amountLookupOf(draft)).toBeNull();
  });

  it('asks main by amount and keeps the answer; a refused form asks nothing', async () => {
    const fake = fakePos({ 'receipts.lookup': () => okResult({ receipts: [receipt()] }) });
    const lookup = createLookupStore(fake.pos, () => NOW);
    lookup.getState().setTab('amount');
    await lookup.getState().searchByAmount();
    expect(fake.callsTo('receipts.lookup')).toEqual([]);
    expect(lookup.getState().amountShowAll).toBe(true);

    lookup.getState().setAmountField('amount', '10,000');
    lookup.getState().setAmountField('cardDigits', '1234');
    await lookup.getState().searchByAmount();
    expect(fake.callsTo('receipts.lookup')).toEqual([
      { by: 'amount', from: '20231226', to: '20231226', amount: 10000, cardDigits: '1234' },
    ]);
    expect(lookup.getState()).toMatchObject({
      phase: 'done',
      searchedBy: 'amount',
      results: [{ id: 'r1' }],
    });
  });

  it('a scan while the amount tab is open still searches by number', async () => {
    const fake = fakePos({ 'receipts.lookup': () => okResult({ receipts: [receipt()] }) });
    const lookup = createLookupStore(fake.pos, () => NOW);
    lookup.getState().setTab('amount');
    await lookup.getState().search({ query: 'V12345678902', scanned: true });
    expect(lookup.getState()).toMatchObject({ tab: 'number', searchedBy: 'number' });
    expect(fake.callsTo('receipts.lookup')).toEqual([{ by: 'number', query: 'V12345678902' }]);
  });
});

describe('finding 3: the number search takes Hangul-mode typing back to Latin', () => {
  it('searches "ㅐㄱㅇ_20231225_0001" as ORD_20231225_0001', async () => {
    const fake = fakePos({ 'receipts.lookup': () => okResult({ receipts: [receipt()] }) });
    const lookup = createLookupStore(fake.pos, () => NOW);
    await lookup.getState().search({ query: 'ㅐㄱㅇ_20231225_0001' });
    expect(fake.callsTo('receipts.lookup')).toEqual([{ by: 'number', query: 'ORD_20231225_0001' }]);
    expect(lookup.getState().query).toBe('ORD_20231225_0001');
  });
});
