import { describe, expect, it } from 'vitest';
import { openDesk } from './harness/desk';
import { scan, typeByHand } from './harness/keys';
import { skipReason, useBrowser } from './harness/suite';

/**
 * Issue 5 journey "scan and cancel (cancelled)": the built renderer in Chromium, window.pos from
 * the shared factory, real services, the simulator.
 */
describe.skipIf(skipReason !== null)('desk: scan a receipt and cancel it', () => {
  const browser = useBrowser();

  it('a scan finds the receipt at once; Enter, reason, Enter, Enter: green "취소 완료"', async () => {
    const desk = await openDesk(browser());
    try {
      const { page } = desk;
      const original = desk.seedReceipt({ trxAmt: 33_000 });
      await desk.shot('01-lookup-empty');

      await scan(page, original.vanTrxNo);
      const open = page.getByRole('button', { name: /이 영수증 취소 \(F4\)/ });
      await page.getByText(`스캔한 번호: ${original.vanTrxNo}`).waitFor();
      // scanned and exactly one found: the receipt's action already has focus
      expect(await open.evaluate((button) => button === button.ownerDocument.activeElement)).toBe(
        true,
      );
      await desk.shot('02-lookup-scanned');

      await page.keyboard.press('Enter');
      const reason = page.getByRole('textbox', { name: '취소 사유' });
      await reason.waitFor();
      // the refund is the receipt's, read-only (issue 12 finding 6)
      const refund = page.getByRole('region', { name: '환불 금액 (영수증 그대로)' });
      expect(await refund.innerText()).toContain('33,000원');
      expect(await page.getByRole('textbox', { name: '결제 금액 (원)' }).count()).toBe(0);
      await typeByHand(page, '고객 변심');
      await desk.shot('03-cancel-form');
      await page.keyboard.press('Enter');

      await page.getByText('고객에게 33,000원을 카드로 환불합니다').waitFor();
      await desk.shot('04-confirm');
      await page.keyboard.press('Enter');

      const done = page.getByRole('heading', { level: 1, name: /취소 완료/ });
      await done.waitFor();
      const panel = page.locator('[data-outcome="cancelled"]');
      expect(await panel.innerText()).toContain('33,000원');
      await desk.shot('05-cancelled');

      // KICC (the simulator) holds exactly one effective cancellation of that original
      const cancelled = desk.sim.ledger
        .cancellations()
        .filter((c) => c.cndTrxNo === original.vanTrxNo);
      expect(cancelled).toHaveLength(1);
      expect(desk.cancelRequests()).toBe(1);

      await page.keyboard.press('F6');
      await page.getByRole('dialog', { name: '카드 취소 전표' }).waitFor();
      await desk.shot('06-slip');
      await page.keyboard.press('Escape');
      expect(await desk.focusLost()).toBe(false);
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
