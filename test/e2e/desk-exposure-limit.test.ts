import { describe, expect, it } from 'vitest';
import { openDesk } from './harness/desk';
import { scan, typeByHand } from './harness/keys';
import { skipReason, useBrowser } from './harness/suite';

/**
 * Issue 5 journey "offline exposure limit reached -> clear refusal" (DESIGN.md "The queue":
 * past the limit, new cancellations are refused while offline, with a clear message).
 */
describe.skipIf(skipReason !== null)('desk: offline, past the exposure limit', () => {
  const browser = useBrowser();

  it('queues the first cancellation (amber), refuses the next one in plain words', async () => {
    const desk = await openDesk(browser(), { limits: { offlineMaxCount: 1 } });
    try {
      const { page, sim } = desk;
      const first = desk.seedReceipt({ trxAmt: 15_000 });
      const second = desk.seedReceipt({ trxAmt: 16_000 });
      await sim.stop(); // KICC unreachable

      const cancel = async (vanTrxNo: string, amount: string) => {
        await page.keyboard.press('F2');
        await scan(page, vanTrxNo);
        await page.getByText(`스캔한 번호: ${vanTrxNo}`).waitFor();
        await page.keyboard.press('Enter');
        await page.getByRole('textbox', { name: '취소 사유' }).waitFor();
        await typeByHand(page, '고객 변심', true);
        await page.getByText(`고객에게 ${amount}을 카드로 환불합니다`).waitFor();
        await page.keyboard.press('Enter');
      };

      await cancel(first.vanTrxNo, '15,000원');
      await page
        .getByRole('heading', { level: 1, name: /전송 대기 — 현금으로 환불하지 마세요/ })
        .waitFor();
      await page.getByText('미완료 1건 · 15,000원').waitFor();
      await desk.shot('10-queued-offline');

      await cancel(second.vanTrxNo, '16,000원');
      const refusal = page.getByRole('alert').filter({ hasText: '취소할 수 없습니다' });
      await refusal.waitFor();
      const text = await refusal.innerText();
      expect(text).toContain('한도(1건)');
      expect(text).toContain('KICC가 다시 응답하면 다시 시도해 주세요');
      expect(await refusal.locator('[data-code]').getAttribute('data-code')).toBe('exposure-limit');
      await desk.shot('11-exposure-refused');

      // nothing about the second receipt was recorded or sent
      const listed = desk.backend.services.listCancellations({ offset: 0, limit: 10 });
      expect(listed.ok && listed.value.items.map((c) => c.trxAmt)).toEqual([15_000]);

      // the queue screen shows the waiting one; when KICC is back it goes through by itself
      await page.keyboard.press('F8');
      await page.getByRole('heading', { level: 1, name: '미완료 취소' }).waitFor();
      await page.getByRole('cell', { name: '15,000원' }).waitFor();
      await desk.shot('12-queue');
      await sim.restart();
      await page.getByText('미완료 취소가 없습니다.').waitFor({ timeout: 60_000 });
      expect(sim.ledger.original(first.vanTrxNo)?.status).toBe('cancelled');
      expect(sim.ledger.original(second.vanTrxNo)?.status).toBe('approved');
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
