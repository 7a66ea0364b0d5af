import { describe, expect, it } from 'vitest';
import { openDesk } from './harness/desk';
import { scan, typeByHand } from './harness/keys';
import { skipReason, useBrowser } from './harness/suite';

/** Issue 5 journeys "English switch", and the 1024×768 POS screen at 150% Windows scaling. */
describe.skipIf(skipReason !== null)('desk: in English, and on a small screen', () => {
  const browser = useBrowser();

  it('F7 switches everything to English, amounts as KRW, and the choice survives a restart', async () => {
    const desk = await openDesk(browser());
    try {
      const { page } = desk;
      const original = desk.seedReceipt({ trxAmt: 58_000 });
      await page.keyboard.press('F7');
      await page.getByRole('heading', { level: 1, name: 'Look up a receipt' }).waitFor();
      expect(await page.evaluate('document.documentElement.lang')).toBe('en');
      expect(await page.locator('.shortcut-bar').innerText()).toContain('Look up');

      await scan(page, original.vanTrxNo);
      await page.getByText(`Scanned: ${original.vanTrxNo}`).waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('textbox', { name: 'Reason' }).waitFor();
      // the refund as the receipt says it, in English, read-only; the form's own words
      const refund = page.getByRole('region', { name: 'Refund (as on the receipt)' });
      expect(await refund.innerText()).toContain('KRW 58,000');
      await page.keyboard.press('Enter');
      await page.getByText('Enter a reason (at most 200 characters)').first().waitFor();
      await desk.shot('15-english-form-error');
      await page.getByRole('textbox', { name: 'Reason' }).focus();
      await typeByHand(page, 'customer changed mind', true);
      await page.getByText('KRW 58,000 will be refunded to the customer’s card').waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: /Cancelled/ }).waitFor();
      expect(await page.locator('[data-outcome="cancelled"]').innerText()).toContain('KRW 58,000');
      await desk.shot('16-english-cancelled');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Look up a receipt' }).waitFor();
      expect(desk.backend.settings.language).toBe('en');
      await page.keyboard.press('F7');
      await page.getByRole('heading', { level: 1, name: '영수증 조회' }).waitFor();
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });

  it('fits 1024×768 at 150% scaling (683×512 CSS px): readable, nothing off to the side', async () => {
    const desk = await openDesk(browser(), {
      viewport: { width: 683, height: 512 },
      deviceScaleFactor: 1.5,
    });
    try {
      const { page } = desk;
      const original = desk.seedReceipt({ trxAmt: 9_900 });
      await scan(page, original.vanTrxNo);
      await page.getByText(`스캔한 번호: ${original.vanTrxNo}`).waitFor();
      await desk.shot('17-scaled-lookup');
      await page.keyboard.press('Enter');
      await page.getByRole('textbox', { name: '취소 사유' }).waitFor();
      await desk.shot('18-scaled-cancel-form');
      await typeByHand(page, '고객 변심', true);
      await page.getByText('고객에게 9,900원을 카드로 환불합니다').waitFor();
      await desk.shot('19-scaled-confirm');
      // the button the cashier needs is on screen or one scroll away, and in the tab order
      const confirm = page.getByRole('button', { name: '취소 실행 (Enter)' });
      await confirm.scrollIntoViewIfNeeded();
      expect(await confirm.isVisible()).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: /취소 완료/ }).waitFor();
      await desk.shot('20-scaled-cancelled');
      // the status bar and the shortcuts stay on screen
      expect(await page.locator('.status-bar').isVisible()).toBe(true);
      const bar = await page.locator('.shortcut-bar').boundingBox();
      expect(bar !== null && bar.y + bar.height <= 512 + 1).toBe(true);
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
