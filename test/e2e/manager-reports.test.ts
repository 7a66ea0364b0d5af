import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kstDateTime } from '../../shared/kicc/time';
import { cancelAsCashier } from './harness/cashier';
import { openDesk } from './harness/desk';
import { MANAGER_PIN, logIn, openTask, pinAlreadySet } from './harness/manager';
import { skipReason, useBrowser } from './harness/suite';

/**
 * Issue 6 journey "report totals visible": the day's totals on screen are the ledger's (main's
 * report over the same data), the CSV main writes after its save dialog opens back with a BOM and
 * the same numbers, and the end-of-day summary is shown and printed.
 */
describe.skipIf(skipReason !== null)('manager: reports, CSV and end of day', () => {
  const browser = useBrowser();

  it("today's totals by state, cashier and issuer; CSV saved and read back; end of day printed", async () => {
    const desk = await openDesk(browser(), {
      limits: { cashierMaxAmount: 50_000 },
      prepare: pinAlreadySet,
    });
    try {
      const { page, backend } = desk;
      await cancelAsCashier(backend, desk.seedReceipt({ trxAmt: 11_000 }));
      await cancelAsCashier(backend, desk.seedReceipt({ trxAmt: 22_000 }));
      await cancelAsCashier(backend, desk.seedReceipt({ trxAmt: 99_000 }), {
        managerPin: MANAGER_PIN,
      });
      const today = kstDateTime(Date.now()).date;
      const expected = backend.storeOps.reports.range(today, today);
      if (!expected.ok) throw new Error('report failed');
      expect(expected.value.total.count).toBe(3);

      await logIn(page);
      await openTask(page, /보고서/, '보고서 · 마감 정산');
      await page.getByRole('heading', { name: /취소 집계 \(한국 시간\)/ }).waitFor();
      const totals = page.locator('.report > .totals');
      await totals.waitFor();
      const cards = await totals.locator('.total').allInnerTexts();
      expect(cards[0]).toContain(`${expected.value.total.count}건`);
      expect(cards[0]).toContain(`${expected.value.total.amount.toLocaleString('en-US')}원`);
      expect(cards[1]).toContain(`${expected.value.cancelled.count}건`);
      expect(cards[3]).toContain(`${expected.value.approved.count}건`);
      const cancelledRow = page.locator('tr[data-state="cancelled"]');
      expect(await cancelledRow.innerText()).toContain('132,000원');
      await page.getByRole('table', { name: '요청자별' }).getByText('계산원').waitFor();
      await desk.shot('34-reports');

      // CSV: main asks where (the journey answers), writes UTF-8 with BOM; read it back
      const file = join(backend.dataDir, 'report.csv');
      backend.dialogs.csvDestination = file;
      await page.getByRole('button', { name: 'CSV 내보내기 (합계)' }).click();
      await page.getByText(/report\.csv에 \d+줄을 저장했습니다/).waitFor();
      const csv = readFileSync(file, 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const lines = csv
        .slice(1)
        .split('\r\n')
        .filter(Boolean)
        .map((line) => line.split(','));
      const stateRow = lines.find((cells) => cells[0] === '상태' && cells[1] === '취소 완료');
      expect(stateRow?.slice(2, 4)).toEqual([
        String(expected.value.byState.find((s) => s.state === 'cancelled')?.count),
        String(expected.value.byState.find((s) => s.state === 'cancelled')?.amount),
      ]);

      backend.dialogs.csvDestination = null; // the manager closes the save dialog
      await page.getByRole('button', { name: 'CSV 내보내기 (건별)' }).click();
      await page.getByText('저장을 취소했습니다. 파일을 만들지 않았습니다.').waitFor();

      await page.getByRole('button', { name: '마감 정산 보기·인쇄' }).click();
      const summary = page.getByRole('dialog', { name: '마감 정산' });
      await summary.waitFor();
      await summary.locator('.slip').waitFor();
      await desk.shot('35-end-of-day');
      await summary.getByRole('button', { name: '인쇄 (Ctrl+P)' }).click();
      await summary.getByText('인쇄했습니다 (프린터: 기본 프린터).').waitFor();
      expect(backend.printer.printed).toHaveLength(1);
      await page.keyboard.press('Escape');
      await summary.waitFor({ state: 'detached' });
      expect(await desk.focusLost()).toBe(false);
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
