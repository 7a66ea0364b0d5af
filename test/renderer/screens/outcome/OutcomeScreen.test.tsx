import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { OutcomeScreen } from '../../../../renderer/screens/outcome/OutcomeScreen';
import type { Cancellation } from '../../../../shared/contract/models';
import { cancellation, fakePos } from '../../fakePos';
import { renderDesk } from '../../renderDesk';

function show(c: Cancellation, language: 'ko' | 'en' = 'ko') {
  const fake = fakePos();
  const view = renderDesk(fake, { ui: <OutcomeScreen />, language });
  act(() => view.desk.cancel.getState().show(c));
  return { fake, ...view };
}

describe('outcome: cancelled', () => {
  it('is green "취소 완료" with approval number, time, card and amount', () => {
    show(cancellation());
    const title = screen.getByRole('heading', { level: 1 });
    expect(title).toHaveTextContent('취소 완료');
    const panel = title.closest('[data-outcome]');
    expect(panel).toHaveClass('outcome-ok');
    const details = within(panel as HTMLElement);
    expect(details.getByText('87654321')).toBeInTheDocument();
    expect(details.getByText('2023-12-26 10:00:02')).toBeInTheDocument();
    expect(details.getByText('KB Kookmin Card 1234-56**-****-1234')).toBeInTheDocument();
    expect(details.getByText('10,000원')).toBeInTheDocument();
    expect(screen.queryByText(/현금으로 환불하지 마세요/)).toBeNull();
  });

  it('says so when KICC reported the payment already cancelled by an earlier attempt', () => {
    const base = cancellation();
    show({
      ...base,
      cancelled: base.cancelled && { ...base.cancelled, alreadyCancelledEarlier: true },
    });
    expect(screen.getByText(/이미 취소되어 있었습니다/)).toBeInTheDocument();
  });
});

describe('outcome: rejected', () => {
  it.each([
    ['S001', /원거래를 찾을 수 없습니다/, /승인일자와 승인번호/],
    ['S003', /원거래와 다릅니다/, /그대로 입력하세요/],
    ['S004', /취소 가능 기간이 지났습니다/, /관리자에게 문의하세요/],
  ])(
    '%s is red "취소 거절" with the reason in plain words and what to do',
    (respCd, reason, todo) => {
      show(
        cancellation({
          state: 'rejected',
          cancelled: null,
          rejection: { respCd, respMsg: 'KICC text' },
        }),
      );
      const title = screen.getByRole('heading', { level: 1 });
      expect(title).toHaveTextContent('취소 거절');
      expect(title.closest('[data-outcome]')).toHaveClass('outcome-bad');
      expect(screen.getByRole('alert')).toHaveTextContent(reason);
      expect(screen.getByText(todo)).toBeInTheDocument();
      expect(screen.getByText(`KICC 응답: KICC text (${respCd})`)).toBeInTheDocument();
    },
  );

  it("shows KICC's own message for a code it does not know", () => {
    show(
      cancellation({
        state: 'rejected',
        cancelled: null,
        rejection: { respCd: 'X999', respMsg: '카드사 거절' },
      }),
      'en',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('카드사 거절 (X999)');
    expect(screen.getByText(/ask the store manager/)).toBeInTheDocument();
  });
});

describe("outcome: a manager's finding (issue 13 finding 3)", () => {
  it('"cancelled" by a manager is green "취소 완료", marked "관리자 확인"', () => {
    show(cancellation({ resolvedByManager: true }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('취소 완료');
    expect(screen.getByText('관리자 확인')).toBeInTheDocument();
    expect(
      screen.getByText(/관리자가 KICC 가맹점 관리자 화면에서 취소를 확인해/),
    ).toBeInTheDocument();
  });

  it('"not cancelled" by a manager says so, never as KICC\'s refusal, never with the manager\'s words', () => {
    show(
      cancellation({
        state: 'rejected',
        cancelled: null,
        resolvedByManager: true,
        // KICC's last answer stays on the row; it is not the reason here
        rejection: { respCd: 'X777', respMsg: '처리 불가 거래' },
      }),
    );
    const title = screen.getByRole('heading', { level: 1 });
    expect(title).toHaveTextContent('취소 안 됨 (관리자 확인)');
    expect(title.closest('[data-outcome]')).toHaveClass('outcome-bad');
    expect(screen.getByRole('alert')).toHaveTextContent(
      '관리자가 KICC에서 이 카드 결제가 취소되지 않은 것을 확인했습니다.',
    );
    expect(screen.queryByText(/처리 불가 거래|X777|KICC 응답/)).toBeNull();
  });

  it("KICC's own outcomes carry no mark", () => {
    show(cancellation());
    expect(screen.queryByText('관리자 확인')).toBeNull();
  });
});

describe('outcome: not final', () => {
  it.each([
    ['in_doubt', '취소 확인 중 — 현금으로 환불하지 마세요'],
    ['queued', '전송 대기 — 현금으로 환불하지 마세요'],
    ['needs_review', '관리자 확인 필요 — 현금으로 환불하지 마세요'],
    ['draft', '관리자 승인 대기 — 아직 취소되지 않았습니다'],
  ] as const)('%s is amber and says not to refund in cash', (state, text) => {
    show(
      cancellation({
        state,
        cancelled: null,
        attempts: 2,
        nextTryAt: Date.UTC(2023, 11, 26, 1, 5),
      }),
    );
    const title = screen.getByRole('heading', { level: 1 });
    expect(title).toHaveTextContent(text);
    expect(title.closest('[data-outcome]')).toHaveClass('outcome-wait');
    expect(screen.getByText('시도 2회')).toBeInTheDocument();
    expect(screen.getByText('10:05:00')).toBeInTheDocument();
  });

  it("updates itself from main's events until final (amber -> green, no cashier action)", async () => {
    const view = show(cancellation({ state: 'in_doubt', cancelled: null, updatedAt: 1 }));
    await act(async () => {
      view.desk.start();
    });
    expect(screen.getByText('실시간 갱신 중')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('취소 확인 중');
    act(() =>
      view.fake.emit('cancellation.updated', cancellation({ state: 'cancelled', updatedAt: 2 })),
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('취소 완료');
    expect(screen.queryByText('실시간 갱신 중')).toBeNull();
  });
});

describe('outcome: who asked and who approved (main records both on the cancellation)', () => {
  it.each([
    ['cashier alone', 'cashier', null, '요청: 계산원'],
    ['over the limit with the PIN', 'cashier', 'manager', '요청: 계산원 · 승인: 관리자'],
    ['in manager mode', 'manager', 'manager', '요청: 관리자 · 승인: 관리자'],
    ['a name main does not know as a role', 'import-tool', null, '요청: import-tool'],
  ] as const)('%s: %s', (_case, requestedBy, approvedBy, text) => {
    // shown as from the queue or history: no confirmation on this screen, only main's record
    show(cancellation({ requestedBy, approvedBy }));
    const line = document.querySelector('.approvers');
    expect(line).toHaveTextContent(new RegExp(`^${text}$`));
    expect(line).toHaveAttribute('data-approved-by', approvedBy ?? '');
  });

  it('in English too', () => {
    show(cancellation({ requestedBy: 'cashier', approvedBy: 'manager' }), 'en');
    expect(document.querySelector('.approvers')).toHaveTextContent(/Cashier.*Manager/i);
  });

  it('says nothing when main recorded nobody', () => {
    show(cancellation({ requestedBy: null, approvedBy: null }));
    expect(document.querySelector('.approvers')).toBeNull();
  });
});
