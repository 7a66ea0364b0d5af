import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/contract/manager-models';
import { createCancelStore } from '../../../renderer/stores/cancel';
import { cancellation, errResult, fakePos, okResult, receipt } from '../fakePos';

const ID1 = '00000000-0000-4000-8000-000000000001';
const CASHIERS = [
  { no: '07', name: '김민지' },
  { no: '12', name: '이준호' },
];

/** A store that names its cashiers (issue 13 finding 5). */
function confirmation(role: Role = 'cashier', cashiers: typeof CASHIERS | [] = CASHIERS) {
  const fake = fakePos({
    'cancellations.request': () => okResult(cancellation({ requestedBy: '김민지 (07)' })),
  });
  const store = createCancelStore({
    pos: fake.pos,
    limits: () => ({ cashierMaxAmount: 500_000, offlineMaxCount: 5, offlineMaxAmount: 1e6 }),
    cashiers: () => cashiers,
    newId: () => ID1,
    onOutcome: () => undefined,
    role: () => role,
  });
  store.getState().start(receipt());
  store.getState().change('reason', '고객 변심');
  expect(store.getState().review()).toBe(true);
  return { fake, store };
}

const requests = (fake: ReturnType<typeof fakePos>) =>
  fake.callsTo('cancellations.request') as { cashierNo?: string }[];

describe('the cashier’s number on the confirmation', () => {
  it('is asked when the store names its cashiers, and sent with the request', async () => {
    const { fake, store } = confirmation();
    expect(store.getState().cashier).toEqual({ no: '', tried: false, problem: null });
    store.getState().setCashierNo('07');
    await store.getState().confirm();
    expect(requests(fake)).toEqual([expect.objectContaining({ cashierNo: '07' })]);
    expect(store.getState().step).toBe('outcome');
  });

  it('is asked in manager mode too: manager mode does not say who is at the till', () => {
    const { store } = confirmation('manager');
    expect(store.getState().cashier).not.toBeNull();
  });

  it('sends nothing without a number', async () => {
    const { fake, store } = confirmation();
    await store.getState().confirm();
    expect(requests(fake)).toEqual([]);
    expect(store.getState()).toMatchObject({ step: 'confirm', cashier: { tried: true } });
  });

  it('takes digits only, four at most', () => {
    const { store } = confirmation();
    store.getState().setCashierNo('0a7-123');
    expect(store.getState().cashier?.no).toBe('0712');
  });

  it("a number main does not know: the same confirmation, main's words, the same request id", async () => {
    const { fake, store } = confirmation();
    fake.handle('cancellations.request', () =>
      errResult(
        'cashier-unknown',
        '등록되지 않은 계산원 번호입니다.',
        'No cashier has that number.',
      ),
    );
    store.getState().setCashierNo('99');
    await store.getState().confirm();
    expect(store.getState()).toMatchObject({
      step: 'confirm',
      clientRequestId: ID1,
      cashier: { no: '99', problem: { code: 'cashier-unknown' } },
    });
  });

  it('a one-person store asks nothing', async () => {
    const { fake, store } = confirmation('cashier', []);
    expect(store.getState().cashier).toBeNull();
    await store.getState().confirm();
    expect(requests(fake)[0]).not.toHaveProperty('cashierNo');
  });
});
