import { describe, expect, it } from 'vitest';
import { openDesk } from './harness/desk';
import type { E2eBackend } from './harness/desk-backend';
import { cancelWithAnswerLost } from './harness/lost-answer';
import { logIn, openTask, pinAlreadySet } from './harness/manager';
import { skipReason, useBrowser } from './harness/suite';

/**
 * Issue 6 journey "needs_review resolution": a cancellation whose answer was lost and that
 * could not be verified in time lands with the manager, who sees every attempt and raw answer,
 * checks KICC's merchant portal, and records the true outcome with a note. It leaves the queue;
 * the audit log keeps it all.
 */
describe.skipIf(skipReason !== null)('manager: resolving a cancellation that needs review', () => {
  const browser = useBrowser();

  it('lost answer, verification out of time -> needs review -> the manager records "cancelled"', async () => {
    const desk = await openDesk(browser(), {
      verificationDeadlineMs: 3_000,
      readTimeoutMs: 1_000,
      prepare: pinAlreadySet,
    });
    try {
      const { page, backend } = desk;
      const original = desk.seedReceipt({ trxAmt: 61_000 });
      await cancelWithAnswerLost(desk, original, '중복 결제');
      await page
        .getByRole('heading', { level: 1, name: /관리자 확인 필요 — 현금으로 환불하지 마세요/ })
        .waitFor({ timeout: 60_000 });

      await logIn(page);
      await page.getByText('관리자 확인이 필요한 취소가 1건 있습니다.').waitFor();
      await openTask(page, /확인 필요 취소/, '확인 필요 취소');
      const row = page.getByRole('row').filter({ hasText: original.aprvNo });
      await row.waitFor();
      await desk.shot('29-review-list');
      await row.getByRole('button', { name: `열기 — ${original.aprvNo}` }).click();

      const detail = page.getByRole('heading', { level: 1, name: /확인 필요: 승인번호/ });
      await detail.waitFor();
      // everything known: the request sent, verbatim; the answer that never came; the portal hint
      const attempts = page.locator('.attempt');
      expect(await attempts.count()).toBeGreaterThanOrEqual(1);
      const first = attempts.first();
      expect(await first.innerText()).toContain('취소 요청 — 응답 없음');
      await first.getByText('자세히').click();
      const body = await first.locator('pre').first().innerText();
      expect(JSON.parse(body)).toMatchObject({ cndTrxNo: original.vanTrxNo, trxAmt: 61_000 });
      await page.getByRole('heading', { name: 'KICC 가맹점 관리자 화면에서 확인하기' }).waitFor();
      expect(await page.locator('.portal-hint').innerText()).toContain(original.aprvNo);
      await desk.shot('30-review-detail');

      // the finding needs an outcome and a note
      const record = page.getByRole('button', { name: '결과 기록 (Enter)' });
      await record.click();
      await page.getByText('결과를 고르세요').waitFor();
      await page.getByText('메모를 입력하세요').waitFor();
      expect(backend.storeOps.review.get(firstId(backend)).ok).toBe(true);

      await page.getByRole('radio', { name: /^취소됨/ }).check();
      await page
        .getByRole('textbox', { name: '메모 (필수)' })
        .fill('KICC 가맹점 관리자 화면에서 취소 확인 (14:10)');
      await page.getByRole('textbox', { name: '취소 승인번호 (선택)' }).fill('77001234');
      await desk.shot('31-review-resolve');
      await page.getByRole('button', { name: '“취소됨”으로 기록 (Enter)' }).click();

      await page.getByText(`승인번호 ${original.aprvNo}: “취소됨”으로 기록했습니다.`).waitFor();
      await page.getByText('확인이 필요한 취소가 없습니다.').waitFor();

      const id = firstId(backend);
      const resolved = backend.storeOps.review.get(id);
      expect(resolved).toMatchObject({
        ok: true,
        value: {
          cancellation: { state: 'cancelled' },
          resolution: {
            outcome: 'cancelled',
            note: 'KICC 가맹점 관리자 화면에서 취소 확인 (14:10)',
            by: 'manager',
          },
        },
      });
      // nothing was sent to KICC for the resolution: it is the manager's record
      expect(desk.cancelRequests()).toBe(1);
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});

function firstId(backend: E2eBackend): string {
  const listed = backend.services.listCancellations({ offset: 0, limit: 10 });
  return listed.ok ? (listed.value.items[0]?.id ?? '') : '';
}
