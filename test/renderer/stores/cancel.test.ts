import { describe, expect, it, vi } from 'vitest';
import { ANSWER_LOST, createCancelStore } from '../../../renderer/stores/cancel';
import { SHELL_ERROR } from '../../../shared/contract/errors';
import type { PosResult } from '../../../shared/contract/errors';
import type { FieldError } from '../../../shared/kicc/fields';
import {
  cancellation,
  deferred,
  errResult,
  fakePos,
  okResult,
  receipt,
  settings,
} from '../fakePos';

const ID1 = '00000000-0000-4000-8000-000000000001';
const ID2 = '00000000-0000-4000-8000-000000000002';

function setup(limit = 500_000, role: 'cashier' | 'manager' = 'cashier') {
  const fake = fakePos({
    'cancellations.request': () => okResult(cancellation({ state: 'cancelled' })),
  });
  const ids = [ID1, ID2];
  const onOutcome = vi.fn();
  const store = createCancelStore({
    pos: fake.pos,
    limits: () =>
      settings({ limits: { cashierMaxAmount: limit, offlineMaxCount: 5, offlineMaxAmount: 1e6 } })
        .limits,
    newId: () => ids.shift() ?? 'no-more-ids',
    onOutcome,
    role: () => role,
  });
  store.getState().start(receipt());
  return { fake, store, onOutcome };
}

const ready = (store: ReturnType<typeof setup>['store']) => {
  store.getState().change('reason', '고객 변심');
  expect(store.getState().review()).toBe(true);
};

describe('cancel store', () => {
  it('goes form -> confirm -> outcome and sends what the cashier confirmed', async () => {
    const { fake, store, onOutcome } = setup();
    ready(store);
    expect(store.getState()).toMatchObject({ step: 'confirm', clientRequestId: ID1 });
    await store.getState().confirm();
    expect(fake.callsTo('cancellations.request')).toEqual([
      {
        clientRequestId: ID1,
        receiptId: 'r1',
        trxAmt: 10000,
        vatAmt: 909,
        svcAmt: 0,
        reason: '고객 변심',
      },
    ]);
    expect(store.getState().step).toBe('outcome');
    expect(store.getState().cancellation?.state).toBe('cancelled');
    expect(onOutcome).toHaveBeenCalledOnce();
  });

  it('stays on the form and shows every error when review finds one', () => {
    const { store } = setup();
    expect(store.getState().review()).toBe(false); // no reason yet
    expect(store.getState()).toMatchObject({ step: 'form', showAll: true, clientRequestId: null });
  });

  it('sends ONE request for a double confirm (double click, Enter repeat)', async () => {
    const { fake, store } = setup();
    const answer = deferred<PosResult<unknown>>();
    fake.handle('cancellations.request', () => answer.promise);
    ready(store);
    const first = store.getState().confirm();
    const second = store.getState().confirm();
    const third = store.getState().confirm();
    expect(store.getState().step).toBe('sending');
    answer.resolve(okResult(cancellation()));
    await Promise.all([first, second, third]);
    expect(fake.callsTo('cancellations.request')).toHaveLength(1);
  });

  it('retries with the SAME clientRequestId when the answer was lost in transport', async () => {
    const { fake, store } = setup();
    fake.handle('cancellations.request', () => {
      throw new Error('bridge down');
    });
    ready(store);
    await store.getState().confirm();
    expect(store.getState()).toMatchObject({
      step: 'confirm',
      sendProblem: { code: 'unavailable' },
    });
    fake.handle('cancellations.request', () => okResult(cancellation()));
    await store.getState().confirm();
    const ids = fake
      .callsTo('cancellations.request')
      .map((p) => (p as { clientRequestId: string }).clientRequestId);
    expect(ids).toEqual([ID1, ID1]);
  });

  it("the codes of a lost answer are the shell's own (kept as literals: the page bundles no zod)", () => {
    expect([...ANSWER_LOST]).toEqual([
      SHELL_ERROR.unavailable,
      SHELL_ERROR.internal,
      SHELL_ERROR.invalidResponse,
    ]);
  });

  // found by a review, 2026-12-06: main may have recorded the cancellation behind these answers
  it.each(['unavailable', 'internal', 'invalid-response'])(
    'an answer that does not say whether main recorded it (%s): same confirmation, same id, the form stays closed',
    async (code) => {
      const { fake, store } = setup();
      fake.handle('cancellations.request', () => errResult(code, '내부 오류', 'internal'));
      ready(store);
      await store.getState().confirm();
      expect(store.getState()).toMatchObject({ step: 'confirm', sendProblem: { code } });
      store.getState().edit(); // a new confirmation would draw a new id: refused
      expect(store.getState().step).toBe('confirm');
      fake.handle('cancellations.request', () => okResult(cancellation({ state: 'in_doubt' })));
      await store.getState().confirm();
      const ids = fake
        .callsTo('cancellations.request')
        .map((p) => (p as { clientRequestId: string }).clientRequestId);
      expect(ids).toEqual([ID1, ID1]);
      expect(store.getState().step).toBe('outcome');
    },
  );

  it("after a lost answer, main's push of this confirmation's cancellation is the answer", async () => {
    const { fake, store, onOutcome } = setup();
    fake.handle('cancellations.request', () => errResult('internal', '내부 오류', 'internal'));
    ready(store);
    await store.getState().confirm();
    // another confirmation's cancellation is not taken for this one
    store.getState().applyUpdate(cancellation({ id: 'c9', clientRequestId: ID2 }));
    expect(store.getState()).toMatchObject({ step: 'confirm', cancellation: null });
    store
      .getState()
      .applyUpdate(
        cancellation({ id: 'c1', state: 'in_doubt', cancelled: null, clientRequestId: ID1 }),
      );
    expect(store.getState()).toMatchObject({
      step: 'outcome',
      sendProblem: null,
      cancellation: { id: 'c1', state: 'in_doubt' },
    });
    expect(onOutcome).toHaveBeenCalledOnce();
  });

  it('makes a new clientRequestId for a new confirmation after editing', () => {
    const { store } = setup();
    ready(store);
    store.getState().edit();
    store.getState().change('reason', '중복 결제');
    store.getState().review();
    expect(store.getState().clientRequestId).toBe(ID2);
  });

  it.each([
    ['exposure-limit', '오프라인 한도 초과', 'Offline limit reached'],
    ['duplicate', '이미 취소 요청된 영수증', 'Already has a cancellation'],
  ])("shows main's refusal %s in main's words", async (code, ko, en) => {
    const { fake, store } = setup();
    fake.handle('cancellations.request', () => errResult(code, ko, en));
    ready(store);
    await store.getState().confirm();
    expect(store.getState()).toMatchObject({
      step: 'refused',
      refusal: { kind: 'main', error: { code, message: { ko, en } } },
    });
  });

  it("puts main's field errors back on the form", async () => {
    const { fake, store } = setup();
    const fieldError: FieldError = {
      field: 'vatAmt',
      rule: 'amount',
      message: { ko: '부가세 오류', en: 'VAT wrong' },
    };
    fake.handle('cancellations.request', () => ({
      ok: false,
      error: {
        code: 'invalid-request',
        message: { ko: '요청 오류', en: 'bad' },
        fields: [fieldError],
      },
    }));
    ready(store);
    await store.getState().confirm();
    expect(store.getState()).toMatchObject({ step: 'form', mainErrors: [fieldError] });
  });

  it('follows live updates of the cancellation it shows, never going back in time', () => {
    const { store } = setup();
    store.getState().show(cancellation({ state: 'in_doubt', updatedAt: 100, cancelled: null }));
    store.getState().applyUpdate(cancellation({ state: 'cancelled', updatedAt: 200 }));
    expect(store.getState().cancellation?.state).toBe('cancelled');
    store.getState().applyUpdate(cancellation({ state: 'in_doubt', updatedAt: 150 }));
    expect(store.getState().cancellation?.state).toBe('cancelled');
    store.getState().applyUpdate(cancellation({ id: 'other', state: 'rejected', updatedAt: 300 }));
    expect(store.getState().cancellation?.id).toBe('c1');
  });

  it('ignores form changes once confirmed (what was confirmed is what is sent)', () => {
    const { store } = setup();
    ready(store);
    const reason = store.getState().draft.reason;
    store.getState().change('reason', 'something else');
    expect(store.getState().draft.reason).toBe(reason);
  });

  it('finding 6: the amounts are the receipt’s; a manager’s correction replaces them, keeping the reason', () => {
    const { store } = setup();
    store.getState().start(receipt({ source: 'typed', trxAmt: 11_000, vatAmt: 1_000 }));
    store.getState().change('reason', '고객 변심');
    expect(store.getState().draft).toMatchObject({ trxAmt: '11,000', vatAmt: '1,000' });
    store.getState().receiptCorrected(receipt({ source: 'typed', trxAmt: 10_000, vatAmt: 909 }));
    expect(store.getState().draft).toMatchObject({
      trxAmt: '10,000',
      vatAmt: '909',
      reason: '고객 변심',
    });
    // another receipt's correction is none of this form's business
    store.getState().receiptCorrected(receipt({ id: 'r2', trxAmt: 1 }));
    expect(store.getState().draft.trxAmt).toBe('10,000');
  });
});
