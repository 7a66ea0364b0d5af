import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { ReviewDetail } from '../../../../shared/contract/manager-models';
import { AT, cancellation, errResult, okResult } from '../../fakePos';
import { renderManager } from '../../renderManager';

const stuck = cancellation({
  id: '42',
  state: 'needs_review',
  cancelled: null,
  orgAprvNo: '55550001',
  attempts: 2,
});

const detail: ReviewDetail = {
  cancellation: stuck,
  requestedBy: 'cashier',
  approvedBy: 'manager',
  note: 'verification-deadline',
  inDoubtSince: AT,
  attempts: [
    {
      id: 'a1',
      kind: 'cancel',
      mercTrxNo: 'CANCEL_0001',
      repeatsAttemptId: null,
      sentAt: AT,
      endedAt: AT + 30_000,
      state: 'failed',
      class: 'in-doubt',
      code: null,
      message: 'read timeout',
      httpStatus: null,
      body: '{"tid":"T123456789","mercTrxNo":"CANCEL_0001","trxAmt":10000}',
      responseBody: null,
      error: 'timeout after 30000 ms',
    },
    {
      id: 'a2',
      kind: 'net-cancel',
      mercTrxNo: 'CANCEL_0001',
      repeatsAttemptId: 'a1',
      sentAt: AT + 60_000,
      endedAt: AT + 61_000,
      state: 'answered',
      class: 'rejected',
      code: 'S008',
      message: '필드 오류',
      httpStatus: 200,
      body: '{"mercTrxNo":"CANCEL_0001"}',
      responseBody: '{"respCd":"S008","respMsg":"필드 오류"}',
      error: null,
    },
  ],
  audit: [
    {
      seq: 4,
      at: AT,
      actor: 'cashier',
      kind: 'cancellation.requested',
      subject: 'cancellation:42',
      details: '{}',
      hash: 'a'.repeat(64),
    },
  ],
  resolution: null,
};

function open() {
  return renderManager('review', {
    'cancellations.list': () => okResult({ items: [stuck], total: 1 }),
    'review.get': () => okResult(detail),
    'review.resolve': (payload) =>
      okResult({
        ...stuck,
        state: (payload as { outcome: string }).outcome === 'cancelled' ? 'cancelled' : 'rejected',
      }),
  });
}

describe('needs_review screen', () => {
  it('lists what needs a manager, asking main for exactly that state', async () => {
    const { fake } = await open();
    const row = await screen.findByRole('row', { name: /55550001/ });
    expect(row).toHaveTextContent('10,000원');
    expect(fake.callsTo('cancellations.list')).toContainEqual({
      states: ['needs_review'],
      offset: 0,
      limit: 500,
    });
  });

  it('shows every attempt with the exact body sent and the raw answer, and where to look at KICC', async () => {
    const { user } = await open();
    await user.click(await screen.findByRole('button', { name: '열기 — 55550001' }));
    await screen.findByRole('heading', { level: 1, name: /확인 필요: 승인번호 55550001/ });
    expect(
      screen.getByText(/정해진 시간 안에 KICC에서 결과를 확인하지 못했습니다/),
    ).toBeInTheDocument();
    const attempts = screen
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('attempt'));
    expect(attempts).toHaveLength(2);
    const [first, second] = attempts as [HTMLElement, HTMLElement];
    expect(first).toHaveTextContent('취소 요청 (reqCancel)');
    expect(within(first).getByLabelText('보낸 내용')).toHaveTextContent(
      '"mercTrxNo": "CANCEL_0001"',
    );
    expect(within(first).getByLabelText('KICC 응답 (원문)')).toHaveTextContent('—');
    expect(first).toHaveTextContent('timeout after 30000 ms');
    expect(second).toHaveTextContent('확인 요청 (망취소 reqRtran)');
    expect(within(second).getByLabelText('KICC 응답 (원문)')).toHaveTextContent('"respCd": "S008"');
    const hint = screen.getByRole('region', { name: 'KICC 가맹점 관리자 화면에서 확인하기' });
    expect(hint).toHaveTextContent('승인번호 55550001');
    expect(hint).toHaveTextContent('CANCEL_0001');
    expect(screen.getByText('관리자', { selector: 'dd' })).toBeInTheDocument();
  });

  it('records nothing without an outcome and a note; then sends the finding and the item leaves', async () => {
    const { user, fake } = await open();
    await user.click(await screen.findByRole('button', { name: '열기 — 55550001' }));
    await user.click(await screen.findByRole('button', { name: '결과 기록 (Enter)' }));
    expect(screen.getByText('결과를 고르세요')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '메모 (필수)' })).toHaveAccessibleDescription(
      /메모를 입력하세요/,
    );
    expect(fake.callsTo('review.resolve')).toEqual([]);

    await user.click(screen.getByRole('radio', { name: /취소 안 됨/ }));
    expect(screen.queryByRole('textbox', { name: '취소 승인번호 (선택)' })).toBeNull();
    await user.click(screen.getByRole('radio', { name: /^취소됨/ }));
    await user.type(screen.getByRole('textbox', { name: '취소 승인번호 (선택)' }), '취소');
    expect(
      screen.getByRole('textbox', { name: '취소 승인번호 (선택)' }),
    ).toHaveAccessibleDescription(/영문, 숫자, 기호만/);
    await user.clear(screen.getByRole('textbox', { name: '취소 승인번호 (선택)' }));
    await user.type(screen.getByRole('textbox', { name: '메모 (필수)' }), '포털에서 취소 확인');
    await user.click(screen.getByRole('button', { name: '“취소됨”으로 기록 (Enter)' }));

    expect(fake.callsTo('review.resolve')).toEqual([
      { id: '42', outcome: 'cancelled', note: '포털에서 취소 확인' },
    ]);
    expect(
      await screen.findByText('승인번호 55550001: “취소됨”으로 기록했습니다. 목록에서 빠졌습니다.'),
    ).toBeInTheDocument();
    expect(screen.getByText('확인이 필요한 취소가 없습니다.')).toBeInTheDocument();
  });

  it("shows main's refusal (already resolved elsewhere) and keeps the form", async () => {
    const { user, fake } = await open();
    fake.handle('review.resolve', () =>
      errResult('not-needs-review', '관리자 확인이 필요한 취소가 아닙니다.', 'Not waiting'),
    );
    await user.click(await screen.findByRole('button', { name: '열기 — 55550001' }));
    await user.click(await screen.findByRole('radio', { name: /취소 안 됨/ }));
    await user.type(screen.getByRole('textbox', { name: '메모 (필수)' }), '승인 유지 확인');
    await user.click(screen.getByRole('button', { name: '“취소 안 됨”으로 기록 (Enter)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '관리자 확인이 필요한 취소가 아닙니다.',
    );
    expect(screen.getByRole('textbox', { name: '메모 (필수)' })).toHaveValue('승인 유지 확인');
  });
});
