import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDesk, type E2eDesk } from './harness/desk';
import { scan, typeByHand } from './harness/keys';
import { skipReason, useBrowser } from './harness/suite';

/** Scan, open, reason, review: leaves the desk on the confirmation with `amount` stated. */
async function toConfirmation(desk: E2eDesk, trxAmt: number): Promise<string> {
  const { page } = desk;
  const original = desk.seedReceipt({ trxAmt });
  await page.keyboard.press('F2');
  await scan(page, original.vanTrxNo);
  await page.getByText(`스캔한 번호: ${original.vanTrxNo}`).waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: '취소 사유' }).waitFor();
  await typeByHand(page, '고객 변심');
  return original.vanTrxNo;
}

const confirmation = (page: Page, amount: string) =>
  page.getByText(`고객에게 ${amount}을 카드로 환불합니다`);

/** Issue 5 journey "double Enter -> one cancellation" (and a double click, and a held Enter). */
describe.skipIf(skipReason !== null)('desk: hands that press twice make one cancellation', () => {
  const browser = useBrowser();

  it('double Enter, double click and a held Enter each make exactly one cancellation', async () => {
    const desk = await openDesk(browser());
    try {
      const { page, sim } = desk;
      const landed = (vanTrxNo: string) =>
        sim.ledger.cancellations().filter((c) => c.cndTrxNo === vanTrxNo && c.status === 'landed');
      // KICC answers slowly (under the read timeout), so the second press meets the request
      // still in flight
      sim.faults.setProbability({
        endpoint: 'cancel',
        kind: 'delay',
        delayMs: 800,
        commit: true,
        p: 1,
      });

      // 1. Enter, Enter on the confirmation
      const first = await toConfirmation(desk, 11_000);
      await page.keyboard.press('Enter');
      await confirmation(page, '11,000원').waitFor();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: /취소 완료/ }).waitFor();
      expect(desk.cancelRequests()).toBe(1);
      expect(landed(first)).toHaveLength(1);

      // 2. a double click on the confirm button
      const second = await toConfirmation(desk, 12_000);
      await page.keyboard.press('Enter');
      await confirmation(page, '12,000원').waitFor();
      await page.getByRole('button', { name: '취소 실행 (Enter)' }).dblclick();
      await page.getByRole('heading', { level: 1, name: /취소 완료/ }).waitFor();
      expect(desk.cancelRequests()).toBe(2);
      expect(landed(second)).toHaveLength(1);

      // 3. Enter held down on the form: the key repeat must not confirm on its own
      const third = await toConfirmation(desk, 13_000);
      await page.keyboard.down('Enter');
      await confirmation(page, '13,000원').waitFor();
      await page.keyboard.down('Enter'); // auto-repeat
      await page.keyboard.down('Enter');
      await page.keyboard.up('Enter');
      expect(desk.cancelRequests()).toBe(2);
      await page.keyboard.press('Enter'); // a deliberate press confirms
      await page.getByRole('heading', { level: 1, name: /취소 완료/ }).waitFor();
      expect(desk.cancelRequests()).toBe(3);
      expect(landed(third)).toHaveLength(1);

      // and the ledger agrees: one cancellation per receipt
      const listed = desk.backend.services.listCancellations({ offset: 0, limit: 100 });
      expect(listed.ok && listed.value.items.map((c) => c.trxAmt).sort()).toEqual([
        11_000, 12_000, 13_000,
      ]);
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
