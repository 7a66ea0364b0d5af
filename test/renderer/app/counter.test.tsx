import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SettledNotice } from '../../../shared/contract/counter-models';
import { cancellation, fakePos, managerStatus, okResult, receipt } from '../fakePos';
import { renderDesk } from '../renderDesk';

async function start(fake = fakePos()) {
  const user = userEvent.setup();
  const view = renderDesk(fake);
  await screen.findByText('단말기 T123456789');
  return { user, fake, ...view };
}

const settled = (patch: Partial<SettledNotice> = {}): SettledNotice => ({
  cancellation: cancellation({ id: 'c7', orgAprvNo: '77777777', trxAmt: 33_000 }),
  settledAt: 1_704_420_000_000,
  autoPrint: null,
  ...patch,
});

/** Issue 12 finding 1 on the page: the notice, its one-key print, the quit warning. */
describe('finding 1: settled-item notices on every screen', () => {
  it('a queued cancellation settles while the cashier is on the history: notice, F1 prints its slip', async () => {
    const fake = fakePos({
      'slips.print': () => okResult({ printed: true, printer: '', reprint: false, problem: null }),
      'settlements.dismiss': () => okResult({ notices: [] }),
    });
    const { user } = await start(fake);
    await user.keyboard('{F9}');
    await screen.findByRole('heading', { level: 1, name: '취소 내역' });
    act(() => fake.emit('cancellation.settled', settled()));
    const region = screen.getByRole('region', { name: '끝난 취소 알림' });
    expect(region).toHaveTextContent('기다리던 취소가 완료되었습니다');
    expect(region).toHaveTextContent('승인 77777777 · 33,000원');
    expect(screen.getByRole('contentinfo')).toHaveTextContent('F1 완료 전표');
    // the cashier's place is kept: still on the history
    expect(screen.getByRole('heading', { level: 1, name: '취소 내역' })).toBeInTheDocument();

    await user.keyboard('{F1}');
    await waitFor(() =>
      expect(fake.callsTo('slips.print')).toEqual([{ id: 'c7', language: 'ko' }]),
    );
    await waitFor(() => expect(fake.callsTo('settlements.dismiss')).toEqual([{ id: 'c7' }]));
    expect(screen.queryByText('기다리던 취소가 완료되었습니다')).not.toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).not.toHaveTextContent('완료 전표');
  });

  it('needs_review: amber, no final slip to print; refused: red; automatic printing said', async () => {
    const fake = fakePos({
      'settlements.list': () =>
        okResult({
          notices: [
            settled({
              cancellation: cancellation({ id: 'a', state: 'needs_review', orgAprvNo: '11111111' }),
            }),
            settled({
              cancellation: cancellation({ id: 'b', state: 'rejected', orgAprvNo: '22222222' }),
              autoPrint: { printed: true, printer: '', reprint: false, problem: null },
            }),
          ],
        }),
    });
    await start(fake);
    const region = await screen.findByRole('region', { name: '끝난 취소 알림' });
    await within(region).findByText(/관리자 확인 필요 — 현금으로 환불하지 마세요/);
    expect(region).toHaveTextContent('기다리던 취소가 거절되었습니다');
    expect(region).toHaveTextContent('완료 전표를 자동으로 인쇄했습니다.');
    expect(within(region).queryByRole('button', { name: /인쇄/ })).toBeNull();
    expect(screen.getByRole('contentinfo')).not.toHaveTextContent('F1 완료 전표');
  });

  it('a printer that is off: the notice stays and says why', async () => {
    const problem = {
      ko: '출력하지 못했습니다. 프린터가 켜져 있는지 확인하세요.',
      en: 'Not printed',
    };
    const fake = fakePos({
      'slips.print': () => okResult({ printed: false, printer: '', reprint: false, problem }),
    });
    const { user } = await start(fake);
    act(() => fake.emit('cancellation.settled', settled()));
    await user.click(screen.getByRole('button', { name: '완료 전표 인쇄 (F1)' }));
    expect(await screen.findByText(/인쇄하지 못했습니다: 출력하지 못했습니다/)).toBeInTheDocument();
    expect(fake.callsTo('settlements.dismiss')).toEqual([]);
  });

  it('closing with unresolved items: the list, Esc keeps working, the second button quits', async () => {
    const fake = fakePos({ 'app.quit': () => okResult({ quitting: true }) });
    const { user } = await start(fake);
    const warning = {
      items: [cancellation({ id: 'q1', state: 'queued', orgAprvNo: '33333333', trxAmt: 12_000 })],
      count: 1,
      totalAmount: 12_000,
      needsReview: 0,
    };
    act(() => fake.emit('app.quitRequested', warning));
    const dialog = screen.getByRole('dialog', { name: /끝나지 않은 취소가 있습니다/ });
    expect(dialog).toHaveTextContent('1건 · 12,000원');
    expect(dialog).toHaveTextContent('다시 시작하면 이어서 보내고 확인합니다');
    expect(dialog).toHaveTextContent('33333333');
    expect(within(dialog).getByRole('button', { name: '계속 사용 (Esc)' })).toHaveFocus();
    // no shortcut acts behind it
    await user.keyboard('{F9}');
    expect(screen.getByRole('heading', { level: 1, name: '영수증 조회' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.callsTo('app.quit')).toEqual([]);

    act(() => fake.emit('app.quitRequested', warning));
    await user.click(screen.getByRole('button', { name: '그래도 종료' }));
    expect(fake.callsTo('app.quit')).toEqual([{}]);
  });
});

describe('finding 6: amounts read-only; a manager corrects a paper receipt', () => {
  const paper = receipt({
    id: 'p1',
    source: 'typed',
    trxAmt: 11_000,
    vatAmt: 1_000,
    cardConfirmNo: undefined,
  });

  it('the cashier sees the refund and is told a manager can correct a paper receipt', async () => {
    const fake = fakePos({ 'receipts.lookup': () => okResult({ receipts: [paper] }) });
    const { user } = await start(fake);
    await user.keyboard('V12345678902{Enter}');
    await screen.findByText('조회 결과 1건');
    await user.keyboard('{F4}');
    expect(await screen.findByText(/관리자\(F10\)가 금액을 고친 뒤/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /금액 고치기/ })).toBeNull();
    expect(screen.queryByRole('textbox', { name: '결제 금액 (원)' })).toBeNull();
  });

  it('in manager mode: correct, with a reason, and the cancellation goes with the new amounts', async () => {
    const fake = fakePos({
      'manager.status': () => okResult(managerStatus({ role: 'manager' })),
      'receipts.lookup': () => okResult({ receipts: [paper] }),
      'receipts.correctAmounts': () => okResult({ ...paper, trxAmt: 10_000, vatAmt: 909 }),
      'cancellations.request': () => okResult(cancellation()),
    });
    const { user } = await start(fake);
    await user.keyboard('V12345678902{Enter}');
    await screen.findByText('조회 결과 1건');
    await user.keyboard('{F4}');
    await user.click(await screen.findByRole('button', { name: '금액 고치기 (관리자)' }));
    const amount = screen.getByRole('textbox', { name: '결제 금액 (원)' });
    expect(amount).toHaveFocus();
    await user.clear(amount);
    await user.type(amount, '10000');
    await user.clear(screen.getByRole('textbox', { name: '부가세 (원)' }));
    await user.type(screen.getByRole('textbox', { name: '부가세 (원)' }), '909');
    // no reason, no save
    await user.click(screen.getByRole('button', { name: '고친 금액 저장 (Enter)' }));
    expect(screen.getByRole('textbox', { name: '고치는 이유' })).toHaveAccessibleDescription(
      /고치는 이유를 입력하세요/,
    );
    expect(fake.callsTo('receipts.correctAmounts')).toEqual([]);
    await user.type(screen.getByRole('textbox', { name: '고치는 이유' }), '금액 오타{Enter}');
    expect(fake.callsTo('receipts.correctAmounts')).toEqual([
      { receiptId: 'p1', trxAmt: 10_000, vatAmt: 909, svcAmt: 0, note: '금액 오타' },
    ]);
    const refund = await screen.findByRole('region', { name: '환불 금액 (영수증 그대로)' });
    expect(refund).toHaveTextContent('10,000원');
    await user.type(screen.getByRole('textbox', { name: '취소 사유' }), '고객 변심{Enter}');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.callsTo('cancellations.request')).toHaveLength(1));
    expect(fake.callsTo('cancellations.request')[0]).toMatchObject({ trxAmt: 10_000, vatAmt: 909 });
  });

  it('Esc leaves the correction without a change, still on the cancel form', async () => {
    const fake = fakePos({
      'manager.status': () => okResult(managerStatus({ role: 'manager' })),
      'receipts.lookup': () => okResult({ receipts: [paper] }),
    });
    const { user } = await start(fake);
    await user.keyboard('V12345678902{Enter}');
    await screen.findByText('조회 결과 1건');
    await user.keyboard('{F4}');
    await user.click(await screen.findByRole('button', { name: '금액 고치기 (관리자)' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('heading', { level: 1, name: '카드 결제 취소' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '환불 금액 (영수증 그대로)' })).toHaveTextContent(
      '11,000원',
    );
    expect(fake.callsTo('receipts.correctAmounts')).toEqual([]);
  });
});
