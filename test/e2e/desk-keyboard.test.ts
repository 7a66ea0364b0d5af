import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kstDateTime } from '../../shared/kicc/time';
import { openDesk } from './harness/desk';
import { typeByHand } from './harness/keys';
import { skipReason, useBrowser } from './harness/suite';

/** Every control the cashier can reach has a name a screen reader can say (issue 5). */
function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type El = {
      tagName: string;
      id: string;
      type?: string;
      textContent: string | null;
      labels?: { length: number } | null;
      getAttribute(name: string): string | null;
      closest(selector: string): unknown;
    };
    const doc = (
      globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<El> } }
    ).document;
    const named = (el: El): boolean =>
      (el.getAttribute('aria-label') ?? '').trim() !== '' ||
      (el.getAttribute('aria-labelledby') ?? '') !== '' ||
      (el.labels?.length ?? 0) > 0 ||
      (['BUTTON', 'A'].includes(el.tagName) && (el.textContent ?? '').trim() !== '');
    return [...doc.querySelectorAll('button, input, select, textarea, a[href], [tabindex="0"]')]
      .filter((el) => !named(el))
      .map((el) => `${el.tagName}#${el.id}`);
  });
}

/** Issue 5 journey "keyboard-only": no mouse from start to finish; focus never lost. */
describe.skipIf(skipReason !== null)('desk: a whole cancellation by keyboard alone', () => {
  const browser = useBrowser();

  it('paper receipt -> cancel -> slip -> queue -> history -> look-up, without a mouse', async () => {
    const desk = await openDesk(browser());
    try {
      const { page } = desk;
      const key = (name: string) => page.keyboard.press(name);
      const focusKept = async (where: string) => {
        expect(await desk.focusLost(), `focus lost on ${where}`).toBe(false);
        expect(await unnamedControls(page), `unnamed controls on ${where}`).toEqual([]);
      };
      // the customer's payment is not known on this terminal: only the paper receipt is
      const original = desk.approveOnly({ trxAmt: 44_000 });
      await focusKept('look-up');

      await typeByHand(page, original.vanTrxNo, true);
      await page.getByText(/이 단말기에 저장된 영수증이 없습니다/).waitFor();
      await key('F3');
      await page.getByRole('heading', { level: 1, name: '종이 영수증으로 입력' }).waitFor();
      await focusKept('paper form');
      // the number searched for is already in; Tab through the fields, type what's printed
      await key('Tab');
      await typeByHand(page, original.aprvDt);
      await key('Tab');
      await typeByHand(page, original.aprvNo);
      await key('Tab'); // installment: 00 already
      await key('Tab');
      await typeByHand(page, '44000');
      expect(await page.getByRole('textbox', { name: '부가세 (원)' }).inputValue()).toBe(
        original.vatAmt.toLocaleString('en-US'),
      );
      await desk.shot('13-paper-receipt');
      await key('Enter');

      await page.getByRole('heading', { level: 1, name: '카드 결제 취소' }).waitFor();
      await focusKept('cancel form');
      await typeByHand(page, '고객 요청', true);
      await page.getByText('고객에게 44,000원을 카드로 환불합니다').waitFor();
      await focusKept('confirmation');
      await key('Escape'); // back to the form, nothing sent
      await page.getByRole('button', { name: '확인 단계로 (Enter)' }).waitFor();
      expect(desk.cancelRequests()).toBe(0);
      await key('Enter'); // focus is on the reason again: review
      await page.getByText('고객에게 44,000원을 카드로 환불합니다').waitFor();
      await key('Enter');
      await page.getByRole('heading', { level: 1, name: /취소 완료/ }).waitFor();
      await focusKept('outcome');

      await key('F6');
      await page.getByRole('dialog').waitFor();
      await focusKept('slip');
      await key('Tab');
      await key('Tab'); // focus stays inside the dialog
      expect(
        await page.evaluate(() => {
          const doc = (
            globalThis as unknown as {
              document: { activeElement: { closest(s: string): unknown } | null };
            }
          ).document;
          return doc.activeElement?.closest('[role="dialog"]') !== null;
        }),
      ).toBe(true);
      await key('Escape');
      await focusKept('outcome after slip');

      await key('F8');
      await page.getByText('미완료 취소가 없습니다.').waitFor();
      await focusKept('queue');
      await key('F9');
      await page.getByText('1 / 1건').waitFor();
      await focusKept('history');
      await typeByHand(page, original.aprvNo);
      await page.getByText('1 / 1건').waitFor();
      await typeByHand(page, 'x');
      await page.getByText('0 / 1건').waitFor();
      await key('Backspace');
      const today = kstDateTime(Date.now()).date;
      await page.getByRole('row').filter({ hasText: original.aprvNo }).waitFor();
      expect(
        await page.getByRole('row').filter({ hasText: original.aprvNo }).innerText(),
      ).toContain(`${today.slice(0, 4)}-${today.slice(4, 6)}-${today.slice(6, 8)}`);
      await desk.shot('14-history');
      await key('Escape');
      await key('Escape');
      await key('F2');
      expect(
        await page
          .getByRole('textbox', { name: '영수증 번호' })
          .evaluate((el) => el === el.ownerDocument.activeElement),
      ).toBe(true);
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
