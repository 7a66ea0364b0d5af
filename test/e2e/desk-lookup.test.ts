import { describe, expect, it } from 'vitest';
import { openDesk } from './harness/desk';
import { scanInHangulMode, typeByHand } from './harness/keys';
import { skipReason, useBrowser } from './harness/suite';

const DAY = 86_400_000;
const last4 = (masked: string): string => masked.replace(/[^0-9*]/g, '').slice(-4);

/**
 * Issue 12 journeys "a scan in Hangul IME mode finds the receipt" (finding 3) and "look-up by
 * date + amount + last digits" (finding 2), in Chromium, against the real services.
 */
describe.skipIf(skipReason !== null)('desk: finding the receipt whatever the keyboard', () => {
  const browser = useBrowser();

  it('finding 3: a scan with 한/영 in Hangul mode finds the receipt; the field reads Latin', async () => {
    const desk = await openDesk(browser());
    try {
      const { page } = desk;
      // letters at the end: the IME is still composing when the scanner's Enter comes
      const original = desk.seedReceipt({ trxAmt: 21_000, mercTrxNo: 'ORD_20240105_KB' });
      const field = page.getByRole('textbox', { name: '영수증 번호' });
      await scanInHangulMode(page, original.mercTrxNo);
      await page.getByText(`스캔한 번호: ${original.mercTrxNo}`).waitFor();
      expect(await field.inputValue()).toBe(original.mercTrxNo);
      const open = page.getByRole('button', { name: /이 영수증 취소 \(F4\)/ });
      expect(await open.evaluate((b) => b === b.ownerDocument.activeElement)).toBe(true);
      expect(desk.bridged.calls.filter((c) => c.channel === 'receipts.lookup')).toContainEqual({
        channel: 'receipts.lookup',
        payload: { by: 'number', query: original.mercTrxNo },
      });
      await desk.shot('50-lookup-hangul-scan');

      // a person typing the number with the keyboard still in Hangul mode: jamo on screen,
      // the receipt's Latin number searched
      await page.keyboard.press('F2');
      await field.fill('');
      await field.focus();
      await page.keyboard.insertText('ㅐㄱㅇ');
      expect(await field.inputValue()).toBe('ORD');
      await typeByHand(page, original.mercTrxNo.slice(3), true);
      await page.getByRole('heading', { name: '조회 결과 1건' }).waitFor();
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });

  it('finding 2: no receipt number: today and the amount, then the card’s last digits', async () => {
    const desk = await openDesk(browser());
    try {
      const { page } = desk;
      const now = Date.now();
      const first = desk.seedReceipt({ trxAmt: 34_500 });
      const second = desk.seedReceipt({ trxAmt: 34_500 });
      const yesterday = desk.seedReceipt({ trxAmt: 34_500, at: now - DAY });
      desk.seedReceipt({ trxAmt: 34_000 });

      // F2 on the look-up switches to the second way; the amount field has focus
      await page.keyboard.press('F2');
      const tab = page.getByRole('tab', { name: '날짜·금액으로 찾기' });
      expect(await tab.getAttribute('aria-selected')).toBe('true');
      const amount = page.getByRole('textbox', { name: '결제 금액 (원)' });
      expect(await amount.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      await typeByHand(page, '34,500', true);
      await page.getByRole('heading', { name: '조회 결과 2건' }).waitFor();
      const shown = await page.locator('.results').innerText();
      expect(shown).toContain(first.aprvNo);
      expect(shown).toContain(second.aprvNo);
      expect(shown).not.toContain(yesterday.aprvNo);
      await desk.shot('51-lookup-by-amount');

      // the card's last four digits narrow it to one; its action has focus: Enter opens it
      await page.getByRole('textbox', { name: '카드 번호 끝 4자리 (선택)' }).focus();
      await typeByHand(page, last4(second.cardConfirmNo), true);
      await page.getByRole('heading', { name: '조회 결과 1건' }).waitFor();
      expect(await page.locator('.results').innerText()).toContain(second.aprvNo);

      // a range: from yesterday, no card digits: all three
      await page.getByRole('textbox', { name: '카드 번호 끝 4자리 (선택)' }).fill('');
      const from = page.getByRole('textbox', { name: '승인일자 (시작)' });
      const kstYesterday = new Date(now - DAY + 9 * 3_600_000).toISOString().slice(0, 10);
      await from.fill(kstYesterday);
      await from.press('Enter');
      await page.getByRole('heading', { name: '조회 결과 3건' }).waitFor();

      const requests = desk.bridged.calls
        .filter((c) => c.channel === 'receipts.lookup')
        .map((c) => c.payload as { by: string; cardDigits?: string });
      expect(requests.map((r) => r.by)).toEqual(['amount', 'amount', 'amount']);
      expect(requests[1]?.cardDigits).toBe(last4(second.cardConfirmNo));

      // and the arrows move between the two ways, as tabs do
      await tab.focus();
      await page.keyboard.press('ArrowRight');
      expect(
        await page.getByRole('tab', { name: '번호로 찾기' }).getAttribute('aria-selected'),
      ).toBe('true');
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
