import { describe, expect, it } from 'vitest';
import { createCancelStore } from '../../../renderer/stores/cancel';
import { isPinRefusal } from '../../../renderer/stores/approval';
import type { Role } from '../../../shared/contract/manager-models';
import { cancellation, errResult, fakePos, okResult, receipt, settings } from '../fakePos';

const ID1 = '00000000-0000-4000-8000-000000000001';
const ID2 = '00000000-0000-4000-8000-000000000002';

/** A 10,000 won receipt against a 5,000 won cashier limit: over the limit. */
function overLimit(role: Role = 'cashier', limit: number | null = 5_000) {
  const fake = fakePos({
    'cancellations.request': () => okResult(cancellation({ state: 'cancelled' })),
  });
  const ids = [ID1, ID2];
  const store = createCancelStore({
    pos: fake.pos,
    limits: () =>
      limit === null
        ? null
        : settings({
            limits: { cashierMaxAmount: limit, offlineMaxCount: 5, offlineMaxAmount: 1e6 },
          }).limits,
    newId: () => ids.shift() ?? 'no-more-ids',
    onOutcome: () => undefined,
    role: () => role,
  });
  store.getState().start(receipt());
  store.getState().change('reason', '고객 변심');
  expect(store.getState().review()).toBe(true);
  return { fake, store };
}

const requests = (fake: ReturnType<typeof fakePos>) =>
  fake.callsTo('cancellations.request') as { clientRequestId: string; managerPin?: string }[];

describe('over-limit approval on the same confirmation', () => {
  it('asks for the manager PIN on the confirmation, not as a refusal', () => {
    const { fake, store } = overLimit();
    expect(store.getState()).toMatchObject({
      step: 'confirm',
      overLimit: 5_000,
      approval: { limit: 5_000, pin: '', tried: false, problem: null },
    });
    expect(requests(fake)).toEqual([]);
  });

  it.each([
    ['nothing typed', ''],
    ['too short', '123'],
  ])('sends nothing with a PIN that cannot be one (%s)', async (_case, pin) => {
    const { fake, store } = overLimit();
    store.getState().setApprovalPin(pin);
    await store.getState().confirm();
    expect(requests(fake)).toEqual([]);
    expect(store.getState()).toMatchObject({ step: 'confirm', approval: { tried: true } });
  });

  it("sends the PIN with the request; the outcome keeps main's record: cashier asked, manager approved", async () => {
    const { fake, store } = overLimit();
    fake.handle('cancellations.request', () =>
      okResult(cancellation({ requestedBy: 'cashier', approvedBy: 'manager' })),
    );
    store.getState().setApprovalPin('4821');
    await store.getState().confirm();
    expect(requests(fake)).toEqual([
      expect.objectContaining({ clientRequestId: ID1, managerPin: '4821' }),
    ]);
    expect(store.getState()).toMatchObject({
      step: 'outcome',
      approval: null, // the PIN is forgotten once used
      cancellation: { requestedBy: 'cashier', approvedBy: 'manager' },
    });
  });

  it.each([
    ['wrong-pin', 'PIN이 맞지 않습니다. 3번 더 틀리면 잠깁니다.'],
    ['locked', 'PIN을 여러 번 틀려 잠겼습니다. 14:05 이후에 다시 시도하세요.'],
    ['not-set', '관리자 PIN이 아직 설정되지 않았습니다.'],
  ])(
    "a PIN refused by main (%s): same confirmation, PIN cleared, main's words, same request id",
    async (code, ko) => {
      const { fake, store } = overLimit();
      fake.handle('cancellations.request', () => errResult(code, ko, 'refused'));
      store.getState().setApprovalPin('4821');
      await store.getState().confirm();
      expect(store.getState()).toMatchObject({
        step: 'confirm',
        approval: { pin: '', problem: { code, message: { ko } } },
      });
      fake.handle('cancellations.request', () => okResult(cancellation()));
      store.getState().setApprovalPin('4822');
      await store.getState().confirm();
      expect(requests(fake).map((r) => r.clientRequestId)).toEqual([ID1, ID1]);
      expect(store.getState().step).toBe('outcome');
    },
  );

  it('in manager mode asks no PIN: the manager requests and approves', async () => {
    const { fake, store } = overLimit('manager');
    fake.handle('cancellations.request', () =>
      okResult(cancellation({ requestedBy: 'manager', approvedBy: 'manager' })),
    );
    expect(store.getState()).toMatchObject({ step: 'confirm', overLimit: 5_000, approval: null });
    await store.getState().confirm();
    expect(requests(fake)[0]).not.toHaveProperty('managerPin');
    expect(store.getState().cancellation).toMatchObject({
      requestedBy: 'manager',
      approvedBy: 'manager',
    });
  });

  it("main's needs-manager (limit unknown to the page) turns into the PIN on this confirmation", async () => {
    const { fake, store } = overLimit('cashier', null);
    expect(store.getState().approval).toBeNull();
    fake.handle('cancellations.request', () =>
      errResult('needs-manager', '관리자 승인 필요', 'Manager approval required'),
    );
    await store.getState().confirm();
    expect(store.getState()).toMatchObject({
      step: 'confirm',
      clientRequestId: ID1,
      approval: { limit: null, pin: '' },
    });
  });

  it('within the limit: nothing asked, the cashier alone is recorded', async () => {
    const { fake, store } = overLimit('cashier', 500_000);
    expect(store.getState().approval).toBeNull();
    await store.getState().confirm();
    expect(requests(fake)[0]).not.toHaveProperty('managerPin');
    expect(store.getState().cancellation).toMatchObject({
      requestedBy: 'cashier',
      approvedBy: null,
    });
  });

  it('editing drops the PIN step; a new review asks again with a new request id', () => {
    const { store } = overLimit();
    store.getState().setApprovalPin('4821');
    store.getState().edit();
    expect(store.getState()).toMatchObject({ step: 'form', approval: null });
    store.getState().review();
    expect(store.getState()).toMatchObject({ clientRequestId: ID2, approval: { pin: '' } });
  });
});

describe('approval helpers', () => {
  it.each([
    ['wrong-pin', true],
    ['locked', true],
    ['busy', true],
    ['duplicate', false],
    ['exposure-limit', false],
  ])('%s is a refusal of the PIN itself: %s', (code, expected) => {
    expect(isPinRefusal({ code, message: { ko: '', en: '' } })).toBe(expected);
  });

  it("counts the contract's refusal of the managerPin field as a PIN refusal", () => {
    expect(
      isPinRefusal({
        code: 'invalid-request',
        message: { ko: '', en: '' },
        fields: [{ field: 'managerPin', rule: 'type', message: { ko: '', en: '' } }],
      }),
    ).toBe(true);
  });
});
