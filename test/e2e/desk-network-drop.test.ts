import { describe, expect, it } from 'vitest';
import { openDesk } from './harness/desk';
import { scan, typeByHand } from './harness/keys';
import { skipReason, useBrowser } from './harness/suite';

/** Polls a condition of the test process (not of the page) until it holds. */
async function until(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Issue 5 journey "network drop mid-cancel -> amber -> connectivity back -> cancelled without
 * any cashier action" (DESIGN.md "A cancellation's life": in_doubt, verified, then final).
 */
describe.skipIf(skipReason !== null)(
  'desk: the network drops in the middle of a cancellation',
  () => {
    const browser = useBrowser();

    it('shows amber "do not refund in cash", then turns green by itself when KICC is back', async () => {
      const desk = await openDesk(browser());
      try {
        const { page, sim } = desk;
        const original = desk.seedReceipt({ trxAmt: 27_500 });
        await scan(page, original.vanTrxNo);
        await page.getByText(`스캔한 번호: ${original.vanTrxNo}`).waitFor();
        await page.keyboard.press('Enter');
        await page.getByRole('textbox', { name: '취소 사유' }).waitFor();
        await typeByHand(page, '중복 결제', true);
        await page.getByText('고객에게 27,500원을 카드로 환불합니다').waitFor();

        // KICC takes the request and processes it, but its answer never comes back: the line
        // drops while the client waits for it, and stays down.
        sim.faults.inject({ endpoint: 'cancel', kind: 'delay', delayMs: 60_000, commit: true });
        await page.keyboard.press('Enter');
        await until('the cancel request to reach KICC', () =>
          sim.ledger.requests().some((r) => r.endpoint === 'cancel'),
        );
        await sim.stop();

        const amber = page.getByRole('heading', {
          level: 1,
          name: /취소 확인 중 — 현금으로 환불하지 마세요/,
        });
        await amber.waitFor({ timeout: 30_000 });
        await page.getByText('오프라인 — KICC 연결 안 됨').waitFor({ timeout: 30_000 });
        expect(await page.locator('[data-outcome]').getAttribute('data-outcome')).toBe('in_doubt');
        await page.getByText('실시간 갱신 중').waitFor();
        await desk.shot('08-verifying');

        // connectivity comes back; nobody touches the desk
        await sim.restart();
        await page
          .getByRole('heading', { level: 1, name: /취소 완료/ })
          .waitFor({ timeout: 90_000 });
        await desk.shot('09-verified-cancelled');

        expect(desk.cancelRequests()).toBe(1);
        expect(sim.ledger.original(original.vanTrxNo)?.status).toBe('cancelled');
        // exactly one cancellation stands at KICC (one reversed by the verification may exist)
        const standing = sim.ledger
          .cancellations()
          .filter((c) => c.cndTrxNo === original.vanTrxNo && c.status === 'landed');
        expect(standing).toHaveLength(1);
        await page.getByText('미완료 없음').waitFor({ timeout: 30_000 });
        expect(desk.problems).toEqual([]);
      } finally {
        await desk.close();
      }
    });
  },
);
