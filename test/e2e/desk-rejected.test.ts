import { describe, expect, it } from 'vitest';
import { openDesk } from './harness/desk';
import { scan, typeByHand } from './harness/keys';
import { skipReason, useBrowser } from './harness/suite';

const DAY = 86_400_000;

/** Issue 5 journey "rejected": KICC refuses, the cashier reads why and what to do. */
describe.skipIf(skipReason !== null)('desk: KICC rejects the cancellation', () => {
  const browser = useBrowser();

  it('shows red "취소 거절" with KICC\'s reason in plain words and what to do', async () => {
    const desk = await openDesk(browser());
    try {
      const { page } = desk;
      // approved 60 days ago: past the 45-day cancellation window (simulator S004)
      const original = desk.seedReceipt({ trxAmt: 12_000, at: Date.now() - 60 * DAY });
      await scan(page, original.vanTrxNo);
      await page.getByText(`스캔한 번호: ${original.vanTrxNo}`).waitFor();
      await page.keyboard.press('F4');
      await page.getByRole('textbox', { name: '취소 사유' }).waitFor();
      await typeByHand(page, '상품 불량', true);
      await page.getByText('고객에게 12,000원을 카드로 환불합니다').waitFor();
      await page.keyboard.press('Enter');

      await page.getByRole('heading', { level: 1, name: /취소 거절/ }).waitFor();
      const panel = page.locator('[data-outcome="rejected"]');
      const text = await panel.innerText();
      expect(text).toContain('취소 가능 기간이 지났습니다');
      expect(text).toContain('이렇게 하세요');
      expect(text).toContain('관리자에게 문의하세요');
      expect(text).toContain('(S004)');
      await desk.shot('07-rejected');

      // nothing was queued: a rejection is final
      expect(desk.backend.services.queueStatus()).toMatchObject({
        ok: true,
        value: { summary: { count: 0 } },
      });
      // the receipt now shows its rejected cancellation, and may be tried again
      await page.keyboard.press('F2');
      await scan(page, original.vanTrxNo);
      await page.getByText('취소 거절', { exact: true }).waitFor();
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
