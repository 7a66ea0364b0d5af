import { describe, expect, it } from 'vitest';
import type { CancellationState } from '../../../shared/contract';
import { cancellationIn } from './fixture';
import {
  QUIT_LIST_MAX,
  createQuitGuard,
  decideQuit,
  quitWarningOf,
  quitWarningText,
} from '../../../electron/counter/quit';

const item = (id: number, state: CancellationState, trxAmt = 10_000) =>
  cancellationIn(String(id), state, { trxAmt, vatAmt: 0, requestedAt: 1_700_000_000_000 - id });

/** Issue 12 finding 1: quitting with unfinished items gave no warning. */
describe('finding 1: closing the app with unresolved cancellations', () => {
  const none = quitWarningOf([]);
  const two = quitWarningOf([item(1, 'queued', 12_000), item(2, 'needs_review', 3_000)]);

  it.each([
    ['nothing unresolved: it closes', { allowed: false, warning: none }, 'close'],
    ['unresolved and not confirmed: ask', { allowed: false, warning: two }, 'ask'],
    [
      'unresolved, confirmed (or a restart, or Windows shutting down): it closes',
      { allowed: true, warning: two },
      'close',
    ],
  ])('%s', (_case, input, kind) => {
    expect(decideQuit(input).kind).toBe(kind);
  });

  it('lists them oldest first, with the count, the total and how many wait for a manager', () => {
    expect(two.items.map((c) => c.id)).toEqual(['2', '1']);
    expect(two).toMatchObject({ count: 2, totalAmount: 15_000, needsReview: 1 });
    const many = quitWarningOf(
      Array.from({ length: QUIT_LIST_MAX + 5 }, (_, i) => item(i + 1, 'in_doubt')),
    );
    expect(many.items).toHaveLength(QUIT_LIST_MAX);
    expect(many.count).toBe(QUIT_LIST_MAX + 5);
  });

  it('holds the window and asks the page; closes after the confirmation; a restart needs none', () => {
    const asked: number[] = [];
    let quits = 0;
    let unresolved = [item(1, 'queued')];
    const guard = createQuitGuard({
      unresolved: () => unresolved,
      ask: (warning) => asked.push(warning.count),
      quit: () => {
        quits += 1;
      },
    });
    expect(guard.closeRequested()).toBe(false);
    expect(asked).toEqual([1]);
    guard.confirm();
    expect(quits).toBe(1);
    expect(guard.closeRequested()).toBe(true);

    const restart = createQuitGuard({
      unresolved: () => unresolved,
      ask: () => undefined,
      quit: () => undefined,
    });
    restart.allow();
    expect(restart.closeRequested()).toBe(true);

    unresolved = [];
    const empty = createQuitGuard({
      unresolved: () => unresolved,
      ask: () => asked.push(-1),
      quit: () => undefined,
    });
    expect(empty.closeRequested()).toBe(true);
    expect(asked).toEqual([1]);
  });

  it('main’s own dialog (the page gone) says they continue at the next start, in Korean', () => {
    const text = quitWarningText(two, 'ko');
    expect(text.message).toBe('끝나지 않은 취소가 2건 (15,000원) 있습니다.');
    expect(text.detail).toContain('다시 시작하면 이어서 확인합니다');
    expect(text.detail).toContain('현금으로 환불하지 마세요');
    expect(text.detail).toContain('1건은 관리자 확인');
    expect(text.detail).toContain('20240105 12345678 · 12,000원 · 전송 대기 (오프라인)');
    expect(text.detail).not.toMatch(/queued|needs_review/);
    expect([text.stay, text.quit]).toEqual(['계속 사용', '종료']);
    expect(quitWarningText(two, 'en').detail).toContain('continue at the next start');
  });
});
