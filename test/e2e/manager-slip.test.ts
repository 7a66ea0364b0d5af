import { describe, expect, it } from 'vitest';
import { openDesk } from './harness/desk';
import { scan, typeByHand } from './harness/keys';
import { until } from './harness/manager';
import { squashed } from './harness/pdf-text';
import { slipPdf } from './harness/slip-pdf';
import { skipReason, useBrowser } from './harness/suite';

/**
 * Issue 6 journey "slip rendered": the cancellation slip main prints, rendered to PDF by Chromium
 * at 80 mm and its text checked; printed again from history it says "재출력"; a slip of a
 * cancellation that is not final is the "verifying" one, unmistakably.
 */
describe.skipIf(skipReason !== null)('slip: printed by main, checked as PDF', () => {
  const browser = useBrowser();

  it('the final slip in Korean (80 mm PDF), then a reprint from history', async () => {
    const desk = await openDesk(browser());
    try {
      const { page, backend } = desk;
      const original = desk.seedReceipt({ trxAmt: 33_000 });
      await scan(page, original.vanTrxNo);
      await page.getByText(`스캔한 번호: ${original.vanTrxNo}`).waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('textbox', { name: '취소 사유' }).waitFor();
      await typeByHand(page, '고객 변심', true);
      await page.getByText('고객에게 33,000원을 카드로 환불합니다').waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: /취소 완료/ }).waitFor();
      const aprvNo = (
        await page.locator('[data-outcome="cancelled"] dd.mono').first().innerText()
      ).trim();

      await page.keyboard.press('F6');
      const slip = page.getByRole('dialog', { name: '카드 취소 전표' });
      await slip.locator('.slip[data-kind="cancelled"]').waitFor();
      await page.keyboard.press('Enter'); // focus is on "print"
      await slip.getByText('인쇄했습니다 (프린터: 기본 프린터).').waitFor();

      const first = backend.printer.printed[0];
      if (!first) throw new Error('nothing printed');
      const { pdf, text } = await slipPdf(page, first.html);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      for (const expected of [
        '카드 결제 취소',
        '취소 완료',
        '교육용 가맹점 (TRAINING)',
        '취소 금액',
        '33,000원',
        `원거래 승인번호 ${original.aprvNo}`,
        `취소 승인번호 ${aprvNo}`,
      ]) {
        expect(squashed(text)).toContain(squashed(expected));
      }
      expect(text).not.toContain('재출력');
      expect(text).not.toContain('현금으로 환불하지 마세요');
      // the card is printed masked, never whole. The slip ends with the audit checkpoint, whose
      // hex hash may hold 13 digits in a row by chance: the rest is checked for a card number,
      // and the end must be the checkpoint and nothing else
      const checkpointAt = text.lastIndexOf('감사 기록');
      expect(checkpointAt).toBeGreaterThan(0);
      expect(text.slice(0, checkpointAt)).not.toMatch(/\d{13,19}/);
      expect(text.slice(checkpointAt).replace(/\s/g, '')).toMatch(/^감사기록#\d+[0-9a-f]{64}$/);
      await page.keyboard.press('Escape');

      // later: the customer asks for it again; from history
      await page.keyboard.press('F9');
      const row = page.getByRole('row').filter({ hasText: original.aprvNo });
      await row.waitFor();
      await row.getByRole('button', { name: `열기 — ${original.aprvNo}` }).click();
      await page.getByRole('heading', { level: 1, name: /취소 완료/ }).waitFor();
      await page.keyboard.press('F6');
      await slip.waitFor();
      await slip.getByRole('button', { name: '인쇄 (Ctrl+P)' }).click();
      await slip.getByText(/재출력했습니다/).waitFor();
      const again = backend.printer.printed[1];
      if (!again) throw new Error('no reprint');
      expect(squashed((await slipPdf(page, again.html)).text)).toContain('재출력');
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });

  it('a cancellation still being verified prints the "verifying" slip, never a refund', async () => {
    const desk = await openDesk(browser());
    try {
      const { page, sim, backend } = desk;
      const original = desk.seedReceipt({ trxAmt: 45_000 });
      await scan(page, original.vanTrxNo);
      await page.getByText(`스캔한 번호: ${original.vanTrxNo}`).waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('textbox', { name: '취소 사유' }).waitFor();
      await typeByHand(page, '중복 결제', true);
      await page.getByText('고객에게 45,000원을 카드로 환불합니다').waitFor();
      sim.faults.inject({ endpoint: 'cancel', kind: 'delay', delayMs: 60_000, commit: true });
      await page.keyboard.press('Enter');
      await until('the cancel request to reach KICC', () =>
        sim.ledger.requests().some((r) => r.endpoint === 'cancel'),
      );
      await sim.stop();
      await page
        .getByRole('heading', { level: 1, name: /취소 확인 중 — 현금으로 환불하지 마세요/ })
        .waitFor({ timeout: 30_000 });

      await page.keyboard.press('F6');
      const slip = page.getByRole('dialog', { name: '카드 취소 전표' });
      await slip.locator('.slip[data-kind="verifying"]').waitFor();
      expect(await slip.getAttribute('data-kind')).toBe('verifying');
      await slip.getByRole('note').filter({ hasText: '확인 중 — 최종 결과가 아닙니다' }).waitFor();
      await desk.shot('36-slip-verifying');
      await page.keyboard.press('Enter');
      await slip.getByText(/인쇄했습니다/).waitFor();

      const printed = backend.printer.printed[0];
      if (!printed) throw new Error('nothing printed');
      const text = squashed((await slipPdf(page, printed.html)).text);
      expect(text).toContain(squashed('카드 취소 확인 중'));
      expect(text).toContain(squashed('현금으로 환불하지 마세요'));
      expect(text).toContain(squashed('취소 승인번호 확인 중'));
      expect(text).not.toContain(squashed('취소 완료'));
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
