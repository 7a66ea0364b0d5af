import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CancelScreen } from '../../../../renderer/screens/cancel/CancelScreen';
import type { Cancellation } from '../../../../shared/contract/models';
import { cancellation, errResult, fakePos, receipt, type FakePos } from '../../fakePos';
import { renderDesk } from '../../renderDesk';

/**
 * After the first write the cashier never sees a red error, only amber (issue 9; found by a
 * review, 2026-12-06): an answer that does not say whether main recorded the cancellation, and
 * a cancellation of this payment that exists already, are amber with "현금으로 환불하지 마세요",
 * and main's push of this confirmation's cancellation replaces the lost answer.
 */
const ID = '00000000-0000-4000-8000-00000000000a';

async function confirmWith(fake: FakePos) {
  const view = renderDesk(fake, { ui: <CancelScreen /> });
  view.desk.start();
  act(() => {
    view.desk.cancel.getState().start(receipt());
    view.desk.cancel.getState().change('reason', '고객 변심');
    view.desk.cancel.getState().review();
  });
  await act(() => view.desk.cancel.getState().confirm());
  return view;
}

describe('the cancel screen after an answer that does not say what main did', () => {
  it.each(['unavailable', 'internal'])(
    '%s: amber, "현금으로 환불하지 마세요", no way back to the form',
    async (code) => {
      const fake = fakePos({
        'cancellations.request': () => errResult(code, '연결 실패', 'no connection'),
      });
      await confirmWith(fake);
      const alert = screen.getByRole('alert');
      expect(alert).toHaveClass('notice-wait');
      expect(alert).not.toHaveClass('notice-bad');
      expect(alert).toHaveTextContent('현금으로 환불하지 마세요');
      expect(screen.queryByRole('button', { name: /수정/ })).toBeNull();
    },
  );

  it("main's push of this confirmation's cancellation shows its outcome", async () => {
    const fake = fakePos({
      'cancellations.request': () => errResult('internal', '내부 오류', 'internal'),
    });
    const { desk } = await confirmWith(fake);
    const inDoubt: Cancellation = cancellation({
      state: 'in_doubt',
      cancelled: null,
      clientRequestId: ID,
    });
    act(() => fake.emit('cancellation.updated', inDoubt));
    expect(desk.cancel.getState()).toMatchObject({ step: 'outcome', cancellation: { id: 'c1' } });
  });
});

it('"this payment already has a cancellation" is amber, not the red refusal', async () => {
  const fake = fakePos({
    'cancellations.request': () =>
      errResult(
        'duplicate',
        '이 결제에는 이미 취소 요청이 있습니다 (확인 중). 다시 취소하거나 현금으로 환불하지 마세요.',
        'exists',
      ),
  });
  await confirmWith(fake);
  const panel = screen.getByRole('alert');
  expect(panel).toHaveClass('outcome-wait');
  expect(panel).not.toHaveClass('outcome-bad');
  expect(panel).toHaveTextContent('이미 취소 요청이 있습니다 — 현금으로 환불하지 마세요');
});
