import { describe, expect, it } from 'vitest';
import { openDesk } from './harness/desk';
import { scan, typeByHand } from './harness/keys';
import { until } from './harness/manager';
import { squashed } from './harness/pdf-text';
import { slipPdf } from './harness/slip-pdf';
import { skipReason, useBrowser } from './harness/suite';

/**
 * Issue 12 journeys (finding 1): "a queued cancellation settles while the cashier is on another
 * screen -> notice -> slip printed" and "quit with unresolved items -> warning". KICC is out of
 * reach when the cashier confirms, so the cancellation waits in the queue; the cashier goes on
 * working; KICC comes back.
 */
describe.skipIf(skipReason !== null)('desk: what the cashier waited for settles', () => {
  const browser = useBrowser();

  it('queued, closing held with the list, then it settles on another screen: notice, F1, slip printed', async () => {
    const desk = await openDesk(browser());
    try {
      const { page, sim, backend } = desk;
      const original = desk.seedReceipt({ trxAmt: 27_000 });
      await sim.stop(); // not one byte reaches KICC: it waits in the queue
      await scan(page, original.vanTrxNo);
      await page.getByText(`스캔한 번호: ${original.vanTrxNo}`).waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('textbox', { name: '취소 사유' }).waitFor();
      await typeByHand(page, '고객 변심', true);
      await page.getByText('고객에게 27,000원을 카드로 환불합니다').waitFor();
      await page.keyboard.press('Enter');
      await page
        .getByRole('heading', { level: 1, name: /전송 대기 — 현금으로 환불하지 마세요/ })
        .waitFor();

      // the window's close button: held, the page asks, with the list; Esc keeps working
      expect(backend.closeWindow()).toBe(false);
      const warning = page.getByRole('dialog', { name: /끝나지 않은 취소가 있습니다/ });
      await warning.waitFor();
      expect(await warning.innerText()).toContain('1건 · 27,000원');
      expect(await warning.innerText()).toContain(original.aprvNo);
      expect(await warning.innerText()).toContain('다시 시작하면 이어서 보내고 확인합니다');
      await desk.shot('53-quit-warning');
      await page.keyboard.press('Escape');
      await warning.waitFor({ state: 'detached' });
      expect(backend.quits()).toBe(0);

      // the cashier goes on: the history; KICC comes back meanwhile
      await page.keyboard.press('F9');
      await page.getByRole('heading', { level: 1, name: '취소 내역' }).waitFor();
      await sim.restart();
      backend.services.notifyOnline();
      const notice = page.getByRole('region', { name: '끝난 취소 알림' });
      await notice.getByText('기다리던 취소가 완료되었습니다').waitFor({ timeout: 60_000 });
      expect(await notice.innerText()).toContain(`승인 ${original.aprvNo} · 27,000원`);
      expect(await page.locator('.shortcut-bar').innerText()).toContain('F1 완료 전표');
      // still where the cashier was
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('취소 내역');
      await desk.shot('52-settled-notice');

      // one key: the final slip, printed by main on the receipt printer
      await page.keyboard.press('F1');
      await until('the slip to print', () => backend.printer.printed.length === 1);
      await notice.getByText('기다리던 취소가 완료되었습니다').waitFor({ state: 'detached' });
      const printed = backend.printer.printed[0];
      if (!printed) throw new Error('nothing printed');
      expect(printed.options.silent).toBe(true);
      const { text } = await slipPdf(page, printed.html);
      expect(squashed(text)).toContain(squashed('취소 완료'));
      expect(squashed(text)).toContain(squashed(`원거래 승인번호 ${original.aprvNo}`));

      // nothing unresolved any more: the window closes without a question
      expect(backend.closeWindow()).toBe(true);
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });

  it('closing confirmed with an item still waiting: main is told to quit, once', async () => {
    const desk = await openDesk(browser());
    try {
      const { page, sim, backend } = desk;
      const original = desk.seedReceipt({ trxAmt: 8_800 });
      await sim.stop();
      await scan(page, original.vanTrxNo);
      await page.getByText(`스캔한 번호: ${original.vanTrxNo}`).waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('textbox', { name: '취소 사유' }).waitFor();
      await typeByHand(page, '중복 결제', true);
      await page.getByText(/카드로 환불합니다/).waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: /전송 대기/ }).waitFor();
      expect(backend.closeWindow()).toBe(false);
      await page.getByRole('button', { name: '그래도 종료' }).click();
      await until('main to be told to quit', () => backend.quits() === 1);
      // confirmed: the close that follows goes through
      expect(backend.closeWindow()).toBe(true);
      const audit = backend.storeOps.audit.list({ afterSeq: 0, limit: 1000 });
      expect(audit.events.some((e) => e.kind === 'app.quit_confirmed')).toBe(true);
    } finally {
      await desk.close();
    }
  });
});
