import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cancellation, fakePos, managerStatus, okResult, receipt, settings } from '../fakePos';
import { renderDesk } from '../renderDesk';

// The manager's screens and their texts never load here: if a cashier's screen used one of their
// texts, translate() would say so on the console (renderer/i18n/translate.ts).
vi.mock('../../../renderer/app/lazy-screens', async () => {
  const { HistoryScreen } = await import('../../../renderer/screens/history/HistoryScreen');
  return { LazyScreens: { history: HistoryScreen }, preloadScreens: () => Promise.resolve() };
});

afterEach(() => vi.restoreAllMocks());

/**
 * Issue 12 finding 10: the cashier's first screen loads only what it needs. Everything the
 * cashier can reach without opening a manager screen renders with the desk's own texts.
 */
describe('finding 10: the cashier’s screens need nothing of the manager’s screens', () => {
  it('look-up, cancel with the manager’s PIN on the confirmation, outcome, slip, queue, history, PIN, notices', async () => {
    const missing = vi.spyOn(console, 'error');
    const fake = fakePos({
      'settings.get': () =>
        okResult(
          settings({
            limits: { cashierMaxAmount: 5_000, offlineMaxCount: 10, offlineMaxAmount: 1_000_000 },
          }),
        ),
      'receipts.lookup': () => okResult({ receipts: [receipt()] }),
      'cancellations.request': () =>
        okResult(cancellation({ requestedBy: 'cashier', approvedBy: 'manager' })),
      'slips.get': () =>
        okResult({
          kind: 'cancelled',
          lang: 'ko',
          title: '카드 결제 취소',
          lines: [{ kind: 'title', text: '카드 결제 취소' }],
        }),
      'manager.status': () => okResult(managerStatus({ pin: 'ready' })),
    });
    const user = userEvent.setup();
    const { desk } = renderDesk(fake);
    await screen.findByText('단말기 T123456789');
    await user.keyboard('V12345678902{Enter}');
    await screen.findByText('조회 결과 1건');
    await user.keyboard('{F4}');
    await user.type(await screen.findByRole('textbox', { name: '취소 사유' }), '고객 변심{Enter}');
    // over the cashier's limit: the manager's PIN on this confirmation (approval.* texts)
    await screen.findAllByText(/관리자 승인/);
    await user.keyboard('4821{Enter}');
    await screen.findByRole('heading', { level: 1, name: /취소 완료/ });
    await user.keyboard('{F6}');
    await screen.findByRole('dialog', { name: '카드 취소 전표' });
    await user.keyboard('{Escape}{F8}');
    await screen.findByRole('heading', { level: 1, name: '미완료 취소' });
    await user.keyboard('{F9}');
    await screen.findByRole('heading', { level: 1, name: '취소 내역' });
    await user.keyboard('{F3}');
    await screen.findByRole('heading', { level: 1, name: '종이 영수증으로 입력' });
    await user.keyboard('{F10}');
    await screen.findByRole('dialog', { name: '관리자 로그인' });
    await user.keyboard('{Escape}');
    act(() =>
      fake.emit('cancellation.settled', {
        cancellation: cancellation(),
        settledAt: 1,
        autoPrint: null,
      }),
    );
    act(() =>
      fake.emit('app.quitRequested', {
        items: [cancellation()],
        count: 1,
        totalAmount: 10_000,
        needsReview: 0,
      }),
    );
    await screen.findByRole('dialog', { name: /끝나지 않은 취소가 있습니다/ });
    expect(desk.nav.getState().stack).not.toContain('manager');
    expect(missing.mock.calls.filter((call) => String(call[0]).includes('is not loaded'))).toEqual(
      [],
    );
  });
});
