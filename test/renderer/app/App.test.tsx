import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { appInfo, cancellation, fakePos, okResult, receipt, settings, summary } from '../fakePos';
import { renderDesk } from '../renderDesk';

/** `keyGapMs`: typing by hand, slower than a scanner (renderer/scanner/detect.ts) whatever the load. */
async function start(fake = fakePos(), keyGapMs = 0) {
  const user = userEvent.setup({ delay: keyGapMs });
  const view = renderDesk(fake);
  await screen.findByText('단말기 T123456789');
  return { user, fake, ...view };
}

describe('status bar', () => {
  it('after main reloaded a crashed screen, says so and that nothing was lost, until dismissed', async () => {
    const fake = fakePos({
      'app.info': () =>
        okResult(
          appInfo({ mode: 'live', recovered: { reason: 'crashed', at: 1_796_400_000_000 } }),
        ),
    });
    const { user } = await start(fake);
    const notice = screen.getByRole('alert', { name: '' });
    expect(notice).toHaveTextContent('화면에 문제가 생겨 다시 불러왔습니다');
    expect(notice).toHaveTextContent('모두 기록되어 있으니');
    await user.click(within(notice).getByRole('button', { name: '확인' }));
    expect(screen.queryByText(/화면에 문제가 생겨/)).not.toBeInTheDocument();
  });

  it('shows no such notice on an ordinary start', async () => {
    await start();
    expect(screen.queryByText(/화면에 문제가 생겨/)).not.toBeInTheDocument();
  });

  it('shows connection, training, queue count and total, terminal', async () => {
    const fake = fakePos({
      'queue.status': () =>
        okResult({ summary: summary({ count: 2, totalAmount: 25000, online: false }), items: [] }),
    });
    await start(fake);
    expect(screen.getByText('오프라인 — KICC 연결 안 됨')).toBeInTheDocument();
    expect(screen.getByText('미완료 2건 · 25,000원')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('교육 모드');
    act(() => fake.emit('connectivity.changed', { online: true, at: 1 }));
    expect(screen.getByText('온라인')).toBeInTheDocument();
  });

  it('says so when KICC refuses the credentials and the queue waits', async () => {
    const fake = fakePos({
      'queue.status': () => okResult({ summary: summary({ pausedReason: 'auth' }), items: [] }),
    });
    await start(fake);
    expect(screen.getByRole('alert')).toHaveTextContent('KICC 인증 실패');
  });
});

describe('look-up to outcome, by keyboard', () => {
  it('searches, opens the receipt, validates as typed, confirms the refund, shows the outcome', async () => {
    const fake = fakePos({
      'receipts.lookup': () => okResult({ receipts: [receipt()] }),
      'cancellations.request': () => okResult(cancellation()),
    });
    const { user } = await start(fake);
    const search = screen.getByRole('textbox', { name: '영수증 번호' });
    expect(search).toHaveFocus();
    await user.keyboard('V12345678902{Enter}');
    expect(await screen.findByText('조회 결과 1건')).toBeInTheDocument();

    await user.keyboard('{F4}');
    expect(screen.getByRole('heading', { level: 1, name: '카드 결제 취소' })).toBeInTheDocument();
    const reason = screen.getByRole('textbox', { name: '취소 사유' });
    expect(reason).toHaveFocus();

    // finding 6: the refund is the receipt's, read-only (KICC cancels in full)
    expect(screen.queryByRole('textbox', { name: /결제 금액|부가세|봉사료/ })).toBeNull();
    const refund = screen.getByRole('region', { name: '환불 금액 (영수증 그대로)' });
    expect(refund).toHaveTextContent('10,000원');
    expect(refund).toHaveTextContent('909원');
    // an imported receipt's amounts are KICC's own: nobody corrects them
    expect(screen.queryByRole('button', { name: /금액 고치기/ })).toBeNull();

    await user.click(reason);
    await user.keyboard('고객 변심{Enter}');
    expect(screen.getByText('고객에게 10,000원을 카드로 환불합니다')).toBeInTheDocument();
    const confirm = screen.getByRole('button', { name: '취소 실행 (Enter)' });
    expect(confirm).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: /취소 완료/ })).toHaveFocus();
    expect(fake.callsTo('cancellations.request')).toHaveLength(1);
  });

  it('a double click on confirm makes one request', async () => {
    const fake = fakePos({
      'receipts.lookup': () => okResult({ receipts: [receipt()] }),
      'cancellations.request': () => okResult(cancellation()),
    });
    const { user, desk } = await start(fake);
    await act(async () => {
      desk.cancel.getState().start(receipt());
      desk.nav.getState().go('cancel');
    });
    await user.type(screen.getByRole('textbox', { name: '취소 사유' }), '중복 결제{Enter}');
    await user.dblClick(screen.getByRole('button', { name: '취소 실행 (Enter)' }));
    await screen.findByRole('heading', { level: 1, name: /취소 완료/ });
    expect(fake.callsTo('cancellations.request')).toHaveLength(1);
  });

  it('over the store limit: the manager types the PIN on the same confirmation', async () => {
    const fake = fakePos({
      'settings.get': () =>
        okResult(
          settings({
            limits: { cashierMaxAmount: 5000, offlineMaxCount: 5, offlineMaxAmount: 1e6 },
          }),
        ),
      'cancellations.request': () =>
        okResult(cancellation({ requestedBy: 'cashier', approvedBy: 'manager' })),
    });
    const { user, desk } = await start(fake);
    await act(async () => {
      desk.cancel.getState().start(receipt());
      desk.nav.getState().go('cancel');
    });
    await user.type(screen.getByRole('textbox', { name: '취소 사유' }), '고객 변심{Enter}');
    const approval = screen.getByRole('group', { name: '관리자 승인 필요' });
    expect(approval).toHaveTextContent('취소 금액이 계산원 한도 5,000원보다 큽니다');
    const pin = within(approval).getByLabelText('관리자 PIN (승인)');
    expect(pin).toHaveAttribute('type', 'password');
    expect(pin).toHaveFocus();
    expect(fake.callsTo('cancellations.request')).toEqual([]);
    await user.keyboard('4821{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: /취소 완료/ })).toBeInTheDocument();
    expect(fake.callsTo('cancellations.request')).toEqual([
      expect.objectContaining({ managerPin: '4821' }),
    ]);
    expect(screen.getByText(/요청: 계산원 · 승인: 관리자/)).toBeInTheDocument();
  });

  it("a scan into the search field searches at once and focuses the receipt's action", async () => {
    const fake = fakePos({ 'receipts.lookup': () => okResult({ receipts: [receipt()] }) });
    const { desk } = await start(fake);
    await act(async () => desk.lookup.getState().search({ query: 'V12345678902', scanned: true }));
    const action = screen.getByRole('button', { name: /이 영수증 취소 \(F4\)/ });
    await waitFor(() => expect(action).toHaveFocus());
    expect(screen.getByText(/스캔한 번호: V12345678902/)).toBeInTheDocument();
  });

  it('a receipt not known here leads to the paper form, pre-filled with the number', async () => {
    const { user } = await start(fakePos(), 40);
    await user.keyboard('V99999999999{Enter}');
    expect(await screen.findByText(/이 단말기에 저장된 영수증이 없습니다/)).toBeInTheDocument();
    await user.keyboard('{F3}');
    expect(
      screen.getByRole('heading', { level: 1, name: '종이 영수증으로 입력' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '원거래 번호' })).toHaveValue('V99999999999');
  });
});

describe('paper receipt', () => {
  it("computes VAT from the amount, checks the date with KICC's rule, stores the receipt", async () => {
    const fake = fakePos({
      'receipts.add': () => okResult(receipt({ id: 'typed1', source: 'typed' })),
    });
    const { user } = await start(fake);
    await user.keyboard('{F3}');
    await user.type(screen.getByRole('textbox', { name: '원거래 번호' }), 'V12345678902');
    await user.type(screen.getByRole('textbox', { name: '원거래 승인일자' }), '20230229');
    expect(screen.getByRole('textbox', { name: '원거래 승인일자' })).toHaveAccessibleDescription(
      /실제 날짜여야 합니다/,
    );
    await user.clear(screen.getByRole('textbox', { name: '원거래 승인일자' }));
    await user.type(screen.getByRole('textbox', { name: '원거래 승인일자' }), '20231225');
    await user.type(screen.getByRole('textbox', { name: '원거래 승인번호' }), '12345678');
    await user.type(screen.getByRole('textbox', { name: '결제 금액 (원)' }), '22000');
    expect(screen.getByRole('textbox', { name: '부가세 (원)' })).toHaveValue('2,000');
    await user.keyboard('{Enter}');
    expect(
      await screen.findByRole('heading', { level: 1, name: '카드 결제 취소' }),
    ).toBeInTheDocument();
    expect(fake.callsTo('receipts.add')).toEqual([
      {
        orgAprvDt: '20231225',
        orgAprvNo: '12345678',
        wcc: 'T',
        cndTrxNo: 'V12345678902',
        alotMonth: '00',
        trxAmt: 22000,
        vatAmt: 2000,
        svcAmt: 0,
      },
    ]);
  });
});

describe('keyboard and language', () => {
  it('F8 queue, F9 history, Esc back, F2 look-up with the search field focused', async () => {
    const { user } = await start();
    await user.keyboard('{F8}');
    expect(screen.getByRole('heading', { level: 1, name: '미완료 취소' })).toHaveFocus();
    await user.keyboard('{F9}');
    // the history loads when first opened (issue 12 finding 10); focus goes into it
    const history = await screen.findByRole('heading', { level: 1, name: '취소 내역' });
    await waitFor(() =>
      expect(history.closest('section')).toContainElement(document.activeElement as HTMLElement),
    );
    await user.keyboard('{Escape}');
    expect(screen.getByRole('heading', { level: 1, name: '미완료 취소' })).toBeInTheDocument();
    await user.keyboard('{F2}');
    expect(screen.getByRole('textbox', { name: '영수증 번호' })).toHaveFocus();
  });

  it('F7 switches to English and back, and saves the choice', async () => {
    const { user, fake } = await start();
    await user.keyboard('{F7}');
    expect(
      screen.getByRole('heading', { level: 1, name: 'Look up a receipt' }),
    ).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByText('Terminal T123456789')).toBeInTheDocument();
    await user.keyboard('{F7}');
    expect(screen.getByRole('heading', { level: 1, name: '영수증 조회' })).toBeInTheDocument();
    expect(fake.callsTo('settings.update')).toEqual([{ language: 'en' }, { language: 'ko' }]);
  });

  it('shows every shortcut on screen', async () => {
    await start();
    const bar = screen.getByRole('contentinfo');
    for (const key of ['F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'Esc']) {
      expect(within(bar).getByText(key)).toBeInTheDocument();
    }
    // finding 7: "F4 취소" read as "close"; it cancels a payment, and says so
    expect(bar).toHaveTextContent('F4 결제 취소');
    // the language key names the other language in that language
    expect(within(bar).getByText('English')).toHaveAttribute('lang', 'en');
  });

  it('queue screen lists unresolved items and retries one on request', async () => {
    const fake = fakePos({
      'queue.status': () =>
        okResult({
          summary: summary({ count: 1, totalAmount: 10000 }),
          items: [cancellation({ id: 'q1', state: 'in_doubt', attempts: 3, cancelled: null })],
        }),
    });
    const { user } = await start(fake);
    await user.keyboard('{F8}');
    const row = (await screen.findByText('취소 확인 중')).closest('tr') as HTMLElement;
    expect(within(row).getByText('3')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: /지금 다시 시도 — 12345678/ }));
    expect(fake.callsTo('queue.retryNow')).toEqual([{ cancellationId: 'q1' }]);
    await user.keyboard('{F5}');
    expect(fake.callsTo('queue.retryNow')).toEqual([{ cancellationId: 'q1' }, {}]);
  });
});
