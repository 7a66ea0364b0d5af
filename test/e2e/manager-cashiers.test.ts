import { describe, expect, it } from 'vitest';
import { openDesk } from './harness/desk';
import { scan, typeByHand } from './harness/keys';
import { logIn, openTask, pinAlreadySet } from './harness/manager';
import { skipReason, useBrowser } from './harness/suite';

/**
 * Issue 13 journey "cashiers are named": the manager lists the store's cashiers in the settings;
 * from then on the confirmation asks the cashier's number, and the ledger records that cashier
 * as the requester, even while manager mode is open at the till.
 */
describe.skipIf(skipReason !== null)('manager: naming the cashiers', () => {
  const browser = useBrowser();

  it('cashiers in the settings; the confirmation asks the number; the cashier is recorded, not the manager', async () => {
    const desk = await openDesk(browser(), { prepare: pinAlreadySet });
    try {
      const { page, backend } = desk;
      await logIn(page);
      await openTask(page, /^설정/, '설정');
      const form = page.locator('form.settings-form');
      const cashiers = form.getByRole('textbox', { name: '계산원', exact: true });
      await cashiers.fill('07 김민지\n12 이준호');
      await cashiers.scrollIntoViewIfNeeded();
      await desk.shot('45-settings-cashiers');
      await form.getByRole('button', { name: '설정 저장 (Enter)' }).click();
      await form.getByText(/저장했습니다/).waitFor();
      expect(backend.settings.cashiers).toEqual([
        { no: '07', name: '김민지' },
        { no: '12', name: '이준호' },
      ]);

      // manager mode is still open: a cashier cancels at the till
      const original = desk.seedReceipt({ trxAmt: 15_000 });
      await page.keyboard.press('F2');
      await scan(page, original.vanTrxNo);
      await page.getByText(`스캔한 번호: ${original.vanTrxNo}`).waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('textbox', { name: '취소 사유' }).waitFor();
      await typeByHand(page, '고객 변심', true);
      const number = page.getByRole('textbox', { name: '계산원 번호' });
      await number.waitFor();
      expect(await number.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      await typeByHand(page, '99', true);
      await page.getByText('등록되지 않은 계산원 번호입니다', { exact: false }).waitFor();
      expect(backend.services.listCancellations({ offset: 0, limit: 10 })).toMatchObject({
        ok: true,
        value: { total: 0 },
      });
      await number.fill('');
      await typeByHand(page, '07');
      await desk.shot('46-cashier-number');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: /취소 완료/ }).waitFor();
      await page.getByText('요청: 김민지 (07)').waitFor();
      const listed = backend.services.listCancellations({ offset: 0, limit: 10 });
      if (!listed.ok) throw new Error('list failed');
      expect(backend.storeOps.review.get(listed.value.items[0]?.id ?? '')).toMatchObject({
        ok: true,
        value: { requestedBy: '김민지 (07)', approvedBy: null },
      });
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
