import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { Attempt } from '../../../../shared/contract/manager-models';
import type { Cancellation } from '../../../../shared/contract/models';
import type { ReviewDetail } from '../../../../shared/contract/review-models';
import { AT, cancellation, errResult, okResult } from '../../fakePos';
import { renderManager } from '../../renderManager';

const stuck = cancellation({
  id: '42',
  state: 'needs_review',
  cancelled: null,
  orgAprvNo: '55550001',
  attempts: 2,
});

const lostCancel: Attempt = {
  id: 'a1',
  kind: 'cancel',
  mercTrxNo: 'CANCEL_0001',
  repeatsAttemptId: null,
  sentAt: AT,
  endedAt: AT + 30_000,
  state: 'failed',
  class: 'in-doubt',
  code: null,
  message: 'In doubt: no answer from KICC within the read timeout.',
  httpStatus: null,
  body: '{"tid":"T123456789","mercTrxNo":"CANCEL_0001","trxAmt":10000}',
  responseBody: null,
  error: 'UND_ERR_HEADERS_TIMEOUT: Headers Timeout Error',
};

const netCancel = (respCd: string, cls: string, respMsg: string): Attempt => ({
  id: 'a2',
  kind: 'net-cancel',
  mercTrxNo: 'CANCEL_0001',
  repeatsAttemptId: 'a1',
  sentAt: AT + 60_000,
  endedAt: AT + 61_000,
  state: 'answered',
  class: cls,
  code: respCd,
  message: respMsg,
  httpStatus: 200,
  body: '{"mercTrxNo":"CANCEL_0001"}',
  responseBody: JSON.stringify({ respCd, respMsg }),
  error: null,
});

const base = {
  cancellation: stuck,
  requestedBy: 'cashier',
  approvedBy: 'manager',
  inDoubtSince: AT,
  audit: [
    {
      seq: 4,
      at: AT,
      actor: 'cashier',
      kind: 'cancellation.requested',
      subject: 'cancellation:42',
      details: '{"from":"sending"}',
      hash: 'a'.repeat(64),
    },
  ],
  resolution: null,
  history: [],
  reopen: { allowed: false, blockedBy: null },
} satisfies Partial<ReviewDetail>;

/** What main says (electron/store-ops/review-record.ts) for: answer lost, reqRtran answered 0000. */
const reversed: ReviewDetail = {
  ...base,
  note: 'window-after-unanswered-reversal',
  attempts: [lostCancel, netCancel('0000', 'ok', '정상처리')],
  record: {
    exchanges: [
      { attemptId: 'a1', reading: 'cancel-no-answer', cause: 'timeout' },
      { attemptId: 'a2', reading: 'net-cancel-reversed', cause: null },
    ],
    implies: 'not-refunded',
    basisAttemptId: 'a2',
  },
};

/** The opposite truth: answer lost, reqRtran answered "too late to reverse": it stands. */
const stands: ReviewDetail = {
  ...reversed,
  attempts: [lostCancel, netCancel('S007', 'landed', '망취소 가능 시간 경과')],
  record: {
    exchanges: [
      { attemptId: 'a1', reading: 'cancel-no-answer', cause: 'timeout' },
      { attemptId: 'a2', reading: 'net-cancel-too-late', cause: null },
    ],
    implies: 'refunded',
    basisAttemptId: 'a2',
  },
};

function open(
  detail: ReviewDetail = reversed,
  manual: Cancellation[] = [],
  waiting: Cancellation[] = [stuck],
) {
  return renderManager('review', {
    'cancellations.list': (payload) =>
      okResult(
        (payload as { resolvedByManager?: boolean }).resolvedByManager
          ? { items: manual, total: manual.length }
          : { items: waiting, total: waiting.length },
      ),
    'review.get': () => okResult(detail),
    'review.resolve': (payload) =>
      okResult({
        ...stuck,
        state: (payload as { outcome: string }).outcome === 'cancelled' ? 'cancelled' : 'rejected',
        resolvedByManager: true,
      }),
  });
}

async function openDetail(detail: ReviewDetail = reversed) {
  const rendered = await open(detail);
  await rendered.user.click(await screen.findByRole('button', { name: '열기 — 55550001' }));
  await screen.findByRole('heading', { level: 1, name: /확인 필요: 승인번호 55550001/ });
  return rendered;
}

/** Everything on the detail screen a manager reads without opening "자세히". */
function visibleText(): string {
  const detail = document.querySelector('.review-detail');
  if (!(detail instanceof HTMLElement)) throw new Error('no detail on screen');
  const copy = detail.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('details').forEach((d) => d.remove());
  return copy.textContent ?? '';
}

describe('needs_review screen', () => {
  it("lists what needs a manager, and the manager's latest outcomes, asking main for exactly those", async () => {
    const done = cancellation({
      id: '7',
      state: 'rejected',
      orgAprvNo: '55550007',
      resolvedByManager: true,
    });
    const { fake } = await open(reversed, [done]);
    const row = await screen.findByRole('row', { name: /55550001/ });
    expect(row).toHaveTextContent('10,000원');
    const manual = await screen.findByRole('row', { name: /55550007/ });
    expect(manual).toHaveTextContent('취소 거절');
    expect(manual).toHaveTextContent('관리자 확인');
    expect(fake.callsTo('cancellations.list')).toEqual(
      expect.arrayContaining([
        { states: ['needs_review'], offset: 0, limit: 500 },
        { resolvedByManager: true, offset: 0, limit: 50 },
      ]),
    );
  });

  it('explains each exchange in words; the exact body and raw answer stay behind "자세히"', async () => {
    await openDetail(reversed);
    const attempts = screen
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('attempt'));
    expect(attempts).toHaveLength(2);
    const [first, second] = attempts as [HTMLElement, HTMLElement];
    expect(first).toHaveTextContent('취소 요청');
    expect(first).toHaveTextContent('취소 요청 — 응답 없음 (시간 초과)');
    expect(second).toHaveTextContent('망취소 요청 (취소 되돌리기)');
    expect(second).toHaveTextContent('확인 결과: 취소가 되돌려졌습니다');
    expect(second).toHaveTextContent('KICC 메시지: 정상처리 (0000)');
    const details = within(first).getByText('자세히').closest('details');
    expect(details).not.toBeNull();
    expect(details?.open).toBe(false);
    expect(within(first).getByLabelText('보낸 내용')).toHaveTextContent(
      '"mercTrxNo": "CANCEL_0001"',
    );
    expect(within(second).getByLabelText('KICC 응답 (원문)')).toHaveTextContent('"respCd": "0000"');
    // no raw class · code, no JSON, no net-cancel called a mere "check" outside the details
    const text = visibleText();
    expect(text).not.toMatch(/ok · 0000|in-doubt|확인 요청|\{"/);
    const hint = screen.getByRole('region', { name: 'KICC 가맹점 관리자 화면에서 확인하기' });
    expect(hint).toHaveTextContent('승인번호 55550001');
    expect(hint).toHaveTextContent('CANCEL_0001');
    expect(screen.getByText('관리자', { selector: 'dd' })).toBeInTheDocument();
  });

  it('says why it is here and what the engine could not tell, from the note', async () => {
    await openDetail({ ...reversed, note: 'unknown-code' });
    const findings = screen.getByRole('region', { name: '왜 관리자 확인이 필요한가' });
    expect(findings).toHaveTextContent('KICC가 이 프로그램이 모르는 코드로 답했습니다.');
    expect(findings).toHaveTextContent('프로그램이 알 수 없었던 것');
    expect(findings).toHaveTextContent('“이미 취소됨”을 뜻할 수도 있어');
  });

  it('an engine note the page does not know gets safe, generic words', async () => {
    await openDetail({ ...reversed, note: 'some-future-note' });
    const findings = screen.getByRole('region', { name: '왜 관리자 확인이 필요한가' });
    expect(findings).toHaveTextContent('프로그램이 이 취소의 결과를 스스로 정할 수 없었습니다.');
    expect(findings).toHaveTextContent('현금으로 환불하지 말고');
    expect(findings).not.toHaveTextContent('some-future-note');
  });

  it('issue 13 finding 3: two opposite KICC truths give different screens', async () => {
    const first = await openDetail(reversed);
    const reversedText = visibleText();
    first.unmount();
    await openDetail(stands);
    const standsText = visibleText();

    expect(reversedText).not.toEqual(standsText);
    expect(reversedText).toContain('확인 결과: 취소가 되돌려졌습니다');
    expect(reversedText).toContain(
      '기록으로 보면 이 결제는 KICC에서 취소되어 있지 않습니다 (카드 환불 안 됨).',
    );
    expect(reversedText).toContain('근거: 2번째 주고받기 — 확인 결과: 취소가 되돌려졌습니다');
    expect(standsText).toContain('그대로 유지됩니다 (환불됨)');
    expect(standsText).toContain(
      '기록으로 보면 이 결제는 KICC에서 취소되어 있습니다 (카드 환불됨).',
    );
    expect(standsText).not.toContain('되돌려졌습니다');
  });

  it('records nothing without an outcome and a note; then sends the finding and the item leaves', async () => {
    const unknown: ReviewDetail = {
      ...reversed,
      attempts: [lostCancel],
      record: {
        exchanges: [{ attemptId: 'a1', reading: 'cancel-no-answer', cause: 'timeout' }],
        implies: 'unknown',
        basisAttemptId: 'a1',
      },
    };
    const { user, fake } = await openDetail(unknown);
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
    // a record that cannot tell: no override is asked for
    expect(screen.queryByRole('textbox', { name: /기록과 다르게/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: '“취소됨”으로 기록 (Enter)' }));

    expect(fake.callsTo('review.resolve')).toEqual([
      { id: '42', outcome: 'cancelled', note: '포털에서 취소 확인' },
    ]);
    expect(
      await screen.findByText('승인번호 55550001: “취소됨”으로 기록했습니다. 목록에서 빠졌습니다.'),
    ).toBeInTheDocument();
    expect(screen.getByText('확인이 필요한 취소가 없습니다.')).toBeInTheDocument();
    // it joins the manager's outcomes, marked
    expect(await screen.findByRole('row', { name: /55550001/ })).toHaveTextContent('관리자 확인');
  });

  it('issue 13 finding 3: a finding against the record says so and needs the reason', async () => {
    const { user, fake } = await openDetail(reversed);
    await user.click(screen.getByRole('radio', { name: /^취소됨/ }));
    await user.type(screen.getByRole('textbox', { name: '메모 (필수)' }), '포털 확인');
    expect(screen.getByRole('alert')).toHaveTextContent(
      '선택한 결과가 기록과 다릅니다. 기록으로 보면 이 결제는 KICC에서 취소되어 있지 않습니다',
    );
    const record = screen.getByRole('button', { name: '기록과 다르게 “취소됨”으로 기록 (Enter)' });
    await user.click(record);
    expect(
      screen.getByRole('textbox', { name: '기록과 다르게 기록하는 이유 (필수)' }),
    ).toHaveAccessibleDescription(/이유를 입력하세요/);
    expect(fake.callsTo('review.resolve')).toEqual([]);
    await user.type(
      screen.getByRole('textbox', { name: '기록과 다르게 기록하는 이유 (필수)' }),
      'KICC 상담원 확인: 취소 유지',
    );
    await user.click(record);
    expect(fake.callsTo('review.resolve')).toEqual([
      {
        id: '42',
        outcome: 'cancelled',
        note: '포털 확인',
        overrideReason: 'KICC 상담원 확인: 취소 유지',
      },
    ]);
    // the finding KICC's answers support needs no reason
    await user.click(await screen.findByRole('button', { name: '열기 — 55550001' }));
    await user.click(await screen.findByRole('radio', { name: /취소 안 됨/ }));
    expect(screen.queryByRole('textbox', { name: /기록과 다르게/ })).toBeNull();
  });

  it("shows main's refusal (already resolved elsewhere) and keeps the form", async () => {
    const { user, fake } = await openDetail(reversed);
    fake.handle('review.resolve', () =>
      errResult('not-needs-review', '관리자 확인이 필요한 취소가 아닙니다.', 'Not waiting'),
    );
    await user.click(await screen.findByRole('radio', { name: /취소 안 됨/ }));
    await user.type(screen.getByRole('textbox', { name: '메모 (필수)' }), '승인 유지 확인');
    await user.click(screen.getByRole('button', { name: '“취소 안 됨”으로 기록 (Enter)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '관리자 확인이 필요한 취소가 아닙니다.',
    );
    expect(screen.getByRole('textbox', { name: '메모 (필수)' })).toHaveValue('승인 유지 확인');
  });
});

describe("reopening a manager's outcome", () => {
  const resolvedRow = cancellation({
    id: '42',
    state: 'cancelled',
    orgAprvNo: '55550001',
    resolvedByManager: true,
  });
  const resolvedDetail: ReviewDetail = {
    ...reversed,
    cancellation: resolvedRow,
    note: 'manager-cancelled',
    resolution: {
      outcome: 'cancelled',
      note: '포털: 취소로 보임',
      overrideReason: 'KICC 상담원 확인',
      by: 'manager',
      at: AT + 120_000,
    },
    history: [
      {
        kind: 'resolved',
        outcome: 'cancelled',
        note: '포털: 취소로 보임',
        overrideReason: 'KICC 상담원 확인',
        by: 'manager',
        at: AT + 120_000,
      },
    ],
    reopen: { allowed: true, blockedBy: null },
  };

  it("shows the manager's records, asks for a reason, reopens, and shows the item waiting again", async () => {
    const waitingAgain: ReviewDetail = {
      ...reversed,
      history: [
        ...resolvedDetail.history,
        { kind: 'reopened', reason: '포털 재확인: 취소 없음', by: 'manager', at: AT + 180_000 },
      ],
    };
    const { user, fake } = await open(reversed, [resolvedRow], []);
    fake.handle('review.get', () => okResult(resolvedDetail));
    fake.handle('review.reopen', () => okResult({ ...stuck, resolvedByManager: false }));
    await user.click(await screen.findByRole('button', { name: '열기 — 55550001' }));
    await screen.findByRole('heading', { level: 1, name: /관리자 확인: 승인번호 55550001/ });
    const history = screen.getByRole('region', { name: '관리자 기록' });
    expect(history).toHaveTextContent('관리자: “취소됨”으로 기록');
    expect(history).toHaveTextContent('메모: 포털: 취소로 보임');
    expect(history).toHaveTextContent('기록과 다르게 기록한 이유: KICC 상담원 확인');
    expect(screen.queryByRole('button', { name: /으로 기록/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: '다시 열기' }));
    expect(
      screen.getByRole('textbox', { name: '다시 여는 이유 (필수)' }),
    ).toHaveAccessibleDescription(/이유를 입력하세요/);
    expect(fake.callsTo('review.reopen')).toEqual([]);
    fake.handle('review.get', () => okResult(waitingAgain));
    await user.type(
      screen.getByRole('textbox', { name: '다시 여는 이유 (필수)' }),
      '포털 재확인: 취소 없음',
    );
    await user.click(screen.getByRole('button', { name: '다시 열기' }));
    expect(fake.callsTo('review.reopen')).toEqual([{ id: '42', reason: '포털 재확인: 취소 없음' }]);
    await screen.findByRole('heading', { level: 1, name: /확인 필요: 승인번호 55550001/ });
    expect(screen.getByText(/승인번호 55550001: 다시 열었습니다./)).toHaveAttribute(
      'role',
      'status',
    );
    expect(screen.getByRole('region', { name: '관리자 기록' })).toHaveTextContent(
      '관리자: 다시 열기',
    );
    expect(screen.getByRole('button', { name: '결과 기록 (Enter)' })).toBeInTheDocument();
  });

  it('says plainly when a "not cancelled" cannot be reopened because the receipt was cancelled again', async () => {
    const { user, fake } = await open(reversed, [resolvedRow], []);
    fake.handle('review.get', () =>
      okResult({
        ...resolvedDetail,
        cancellation: { ...resolvedRow, state: 'rejected' },
        note: 'manager-not-cancelled',
        reopen: { allowed: false, blockedBy: { id: '43', state: 'cancelled' } },
      }),
    );
    await user.click(await screen.findByRole('button', { name: '열기 — 55550001' }));
    const reopen = await screen.findByRole('form', { name: '다시 열기' });
    expect(reopen).toHaveTextContent(
      '다시 열 수 없습니다: 이 영수증은 그 뒤 다시 취소 요청되었습니다 (취소 번호 43, 취소 완료).',
    );
    expect(within(reopen).queryByRole('button')).toBeNull();
  });
});
