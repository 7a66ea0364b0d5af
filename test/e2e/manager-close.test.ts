import { describe, expect, it } from 'vitest';
import { kstDateTime, kstMidnight } from '../../shared/kicc/time';
import { cancelAsCashier } from './harness/cashier';
import { openDesk } from './harness/desk';
import { MANAGER_PIN, logIn, openTask, pinAlreadySet } from './harness/manager';
import { skipReason, useBrowser } from './harness/suite';

/**
 * Issue 13 journey "the close": yesterday two cancellations lost their answers and went to the
 * manager; yesterday's paper was printed. Today the manager records one of them from KICC's
 * portal, and the cashier cancels two more. Today's screen and paper show the day's requests,
 * yesterday's item settled today, the refunds this close counts, and the item still unresolved
 * from yesterday; yesterday's paper, viewed again, is a reprint that says what changed.
 */
const HOUR = 3_600_000;

describe.skipIf(skipReason !== null)('manager: the close', () => {
  const browser = useBrowser();

  it('carried-over and late-settled items on today’s close; yesterday’s paper again as a reprint', async () => {
    const today = kstDateTime(Date.now()).date;
    const yesterdayAt = (h: number) => kstMidnight(today) - 86_400_000 + h * HOUR;
    // the app (and its KICC) started yesterday morning
    let offset = yesterdayAt(9) - Date.now();
    const clock = { now: () => Date.now() + offset };
    const desk = await openDesk(browser(), {
      clock,
      verificationDeadlineMs: HOUR,
      limits: { cashierMaxAmount: 1_000_000 },
      prepare: pinAlreadySet,
    });
    try {
      const { page, backend, sim } = desk;
      // yesterday 10:00 and 14:00: the answers lost, nobody could tell in time
      sim.faults.inject({ endpoint: 'netCancel', kind: 'drop-before-commit', count: 1_000 });
      offset = yesterdayAt(10) - Date.now();
      sim.faults.inject({ endpoint: 'cancel', kind: 'drop-before-commit' });
      const lost = await cancelAsCashier(backend, desk.seedReceipt({ trxAmt: 300_000 }));
      offset = yesterdayAt(14) - Date.now();
      sim.faults.inject({ endpoint: 'cancel', kind: 'commit-then-drop' });
      const landed = await cancelAsCashier(backend, desk.seedReceipt({ trxAmt: 40_000 }));
      offset = yesterdayAt(16) - Date.now();
      // past the deadline: the queue hands both to the manager (it may be mid-step already)
      const handedOver = () =>
        [lost.id, landed.id].every(
          (id) => backend.services.ledger.cancellations.get(Number(id))?.state === 'needs_review',
        );
      for (let round = 0; round < 20 && !handedOver(); round += 1) {
        await backend.services.drain();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(handedOver()).toBe(true);
      sim.faults.clear();
      // yesterday's close, printed at 22:00
      offset = yesterdayAt(22) - Date.now();
      await backend.storeOps.manager.login({ pin: MANAGER_PIN });
      const yesterday = kstDateTime(clock.now()).date;
      expect(await backend.invoke('reports.printEndOfDay', { from: yesterday })).toMatchObject({
        ok: true,
        value: { printed: true },
      });

      // today: the manager finds the 40,000 cancelled in KICC's portal; two clean refunds
      offset = 0;
      await backend.storeOps.manager.login({ pin: MANAGER_PIN });
      expect(
        await backend.invoke('review.resolve', {
          id: landed.id,
          outcome: 'cancelled',
          note: 'KICC 가맹점 관리자 화면: 취소됨',
        }),
      ).toMatchObject({ ok: true });
      backend.storeOps.manager.logout('on-demand');
      await cancelAsCashier(backend, desk.seedReceipt({ trxAmt: 11_000 }));
      await cancelAsCashier(backend, desk.seedReceipt({ trxAmt: 22_000 }));

      await logIn(page);
      await openTask(page, /보고서/, '보고서 · 마감 정산');
      const refunds = page.getByRole('region', { name: '이번 마감 취소 완료' });
      await refunds.waitFor();
      expect(await refunds.innerText()).toContain('3건 73,000원');
      const late = page.getByRole('table', { name: '이전 요청 — 이번 마감에 확정' });
      expect(await late.innerText()).toContain(`#${landed.id}`);
      const open = page.getByRole('region', { name: '미확정 — 모든 날짜' });
      expect(await open.innerText()).toContain('1건 300,000원');
      expect(await open.innerText()).toContain(`#${lost.id}`);
      await refunds.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await desk.shot('42-close-screen');

      await page.getByRole('button', { name: '마감 정산 보기·인쇄' }).click();
      const paper = page.getByRole('dialog', { name: '마감 정산' });
      await paper.locator('.slip').waitFor();
      const text = await paper.innerText();
      expect(text).toContain('이전 요청 — 이번 마감에 확정');
      expect(text).toContain('미확정 1건 — 현금으로 환불하지 마세요');
      await desk.shot('43-close-paper');
      await paper.getByRole('button', { name: '인쇄 (Ctrl+P)' }).click();
      await paper.getByText('인쇄했습니다 (프린터: 기본 프린터).').waitFor();
      await page.keyboard.press('Escape');
      await paper.waitFor({ state: 'detached' });

      // yesterday's paper again: a reprint, with what changed since it was printed
      const date = page.getByRole('textbox', { name: '날짜' });
      await date.fill(`${yesterday.slice(0, 4)}-${yesterday.slice(4, 6)}-${yesterday.slice(6)}`);
      await page.keyboard.press('Enter');
      await page.getByText(/이 날의 마감을 1번 출력했습니다/).waitFor();
      await page.getByRole('button', { name: '마감 정산 보기·인쇄' }).click();
      await paper.locator('.slip').waitFor();
      const again = await paper.innerText();
      expect(again).toContain('재출력 — 최초 출력');
      expect(again).toContain('출력 이후 변경');
      expect(again).toContain(`#${landed.id}`);
      await desk.shot('44-close-reprint');
      await page.keyboard.press('Escape');
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
