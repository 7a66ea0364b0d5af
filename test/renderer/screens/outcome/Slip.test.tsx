import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OutcomeScreen } from '../../../../renderer/screens/outcome/OutcomeScreen';
import type { PrintResult } from '../../../../shared/contract/manager-models';
import type { Cancellation } from '../../../../shared/contract/models';
import { cancellation, errResult, fakePos, okResult, slipView } from '../../fakePos';
import { renderDesk } from '../../renderDesk';

const printed = (patch: Partial<PrintResult> = {}): PrintResult => ({
  printed: true,
  printer: '',
  reprint: false,
  problem: null,
  ...patch,
});

async function openSlip(c: Cancellation, prints: PrintResult[] = [printed()]) {
  const fake = fakePos({
    'slips.get': (payload) =>
      okResult(slipView(c, (payload as { language: 'ko' | 'en' }).language)),
    'slips.print': () => okResult(prints.shift() ?? printed({ reprint: true })),
  });
  const view = renderDesk(fake, { ui: <OutcomeScreen /> });
  act(() => view.desk.cancel.getState().show(c));
  act(() => view.desk.nav.getState().setSlipOpen(true));
  const dialog = await screen.findByRole('dialog', { name: '카드 취소 전표' });
  await within(dialog).findAllByText(/원거래 승인번호/);
  return { fake, dialog, user: userEvent.setup(), ...view };
}

describe('slip: main builds it, main prints it', () => {
  it("shows main's verifying slip framed amber, never like a refund", async () => {
    const { dialog, fake } = await openSlip(cancellation({ state: 'in_doubt', cancelled: null }));
    expect(fake.callsTo('slips.get')).toEqual([{ id: 'c1', language: 'ko' }]);
    expect(dialog).toHaveAttribute('data-kind', 'verifying');
    expect(within(dialog).getByRole('note')).toHaveTextContent('확인 중 — 최종 결과가 아닙니다');
    expect(within(dialog).getAllByText(/현금으로 환불하지 마세요/).length).toBeGreaterThan(0);
    expect(within(dialog).getByText('확인 중')).toBeInTheDocument(); // no approval number yet
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: '인쇄 (Ctrl+P)' })).toHaveFocus(),
    );
  });

  it('a final slip carries the cancellation approval number and no warning', async () => {
    const { dialog } = await openSlip(cancellation());
    expect(dialog).toHaveAttribute('data-kind', 'cancelled');
    expect(within(dialog).getByText('87654321')).toBeInTheDocument();
    expect(within(dialog).queryByText(/최종 결과가 아닙니다/)).toBeNull();
  });

  it('prints through main, then says a second print is a reprint', async () => {
    const { dialog, fake, user } = await openSlip(cancellation(), [
      printed(),
      printed({ reprint: true, printer: 'POS-80' }),
    ]);
    await user.click(within(dialog).getByRole('button', { name: '인쇄 (Ctrl+P)' }));
    expect(
      await within(dialog).findByText('인쇄했습니다 (프린터: 기본 프린터).'),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '인쇄 (Ctrl+P)' }));
    expect(
      await within(dialog).findByText(/재출력했습니다 \(프린터: POS-80\)/),
    ).toBeInTheDocument();
    expect(fake.callsTo('slips.print')).toEqual([
      { id: 'c1', language: 'ko' },
      { id: 'c1', language: 'ko' },
    ]);
  });

  it('Ctrl+P inside the slip prints through main, not the page', async () => {
    const { fake, user } = await openSlip(cancellation());
    await user.keyboard('{Control>}p{/Control}');
    await waitFor(() => expect(fake.callsTo('slips.print')).toHaveLength(1));
  });

  it("a printer that is off is said plainly, with main's reason", async () => {
    const { dialog, user } = await openSlip(cancellation(), [
      printed({
        printed: false,
        problem: { ko: '프린터가 꺼져 있습니다', en: 'The printer is off' },
      }),
    ]);
    await user.click(within(dialog).getByRole('button', { name: '인쇄 (Ctrl+P)' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      '인쇄하지 못했습니다: 프린터가 꺼져 있습니다',
    );
  });

  it("shows main's refusal when the slip cannot be built", async () => {
    const fake = fakePos({
      'slips.get': () => errResult('not-found', '취소 내역을 찾을 수 없습니다.', 'Not found'),
    });
    const view = renderDesk(fake, { ui: <OutcomeScreen /> });
    act(() => view.desk.cancel.getState().show(cancellation()));
    act(() => view.desk.nav.getState().setSlipOpen(true));
    expect(await screen.findByRole('alert')).toHaveTextContent('취소 내역을 찾을 수 없습니다.');
    expect(screen.getByRole('button', { name: '인쇄 (Ctrl+P)' })).toBeDisabled();
  });

  it('Esc closes the slip and nothing else', async () => {
    const { user, desk } = await openSlip(cancellation());
    await user.keyboard('{Escape}');
    expect(desk.nav.getState().slipOpen).toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
