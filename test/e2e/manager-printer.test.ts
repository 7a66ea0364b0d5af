import { describe, expect, it } from 'vitest';
import { cancelAsCashier } from './harness/cashier';
import { openDesk } from './harness/desk';
import { logIn, openTask, pinAlreadySet, until } from './harness/manager';
import { squashed } from './harness/pdf-text';
import { slipPdf } from './harness/slip-pdf';
import { skipReason, useBrowser } from './harness/suite';

/**
 * Issue 12 journey "printer list and test print (the print call faked at the Electron
 * boundary)" (finding 5): the manager picks the receipt printer from the system's list, prints a
 * test slip on it before saving, saves; slips then print silently on it. The default printer
 * prints silently too, with no device named (never the print dialog). Electron's
 * getPrintersAsync and webContents.print are faked; everything above them is the app's.
 */
describe.skipIf(skipReason !== null)('manager: the receipt printer, ready on day one', () => {
  const browser = useBrowser();

  it('list, test print, save; slips then go to that printer; the default prints without a dialog', async () => {
    const desk = await openDesk(browser(), { prepare: pinAlreadySet });
    try {
      const { page, backend } = desk;
      await logIn(page);
      await openTask(page, /^설정/, '설정');
      const select = page.getByRole('combobox', { name: '영수증 프린터' });
      await select
        .locator('option', { hasText: 'EPSON TM-T82 Receipt' })
        .waitFor({ state: 'attached' });
      expect(await select.locator('option').allInnerTexts()).toEqual([
        '이 컴퓨터의 기본 프린터',
        'EPSON TM-T82 Receipt',
        'Microsoft Print to PDF',
      ]);
      await select.selectOption('EPSON_TM_T82');
      await page.getByRole('button', { name: '시험 인쇄' }).click();
      await page.getByText(/시험 전표를 보냈습니다 \(EPSON_TM_T82\)/).waitFor();
      await page.locator('.printer-field').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await desk.shot('54-printer-settings');
      const test = backend.printer.printed[0];
      if (!test) throw new Error('no test slip');
      expect(test.options).toMatchObject({ silent: true, deviceName: 'EPSON_TM_T82' });
      expect(squashed((await slipPdf(page, test.html)).text)).toContain(
        squashed('프린터 시험 인쇄'),
      );
      // not saved yet: the saved printer is still the default
      expect(backend.settings.printerName).toBe('');
      await page.getByRole('button', { name: '설정 저장 (Enter)' }).click();
      await until('the printer saved', () => backend.settings.printerName === 'EPSON_TM_T82');

      // a cancellation's slip now goes to that printer, silently
      const c = await cancelAsCashier(backend, desk.seedReceipt({ trxAmt: 12_000 }));
      expect(await backend.invoke('slips.print', { id: c.id })).toMatchObject({
        ok: true,
        value: { printed: true, printer: 'EPSON_TM_T82' },
      });
      expect(backend.printer.printed.at(-1)?.options).toMatchObject({
        silent: true,
        deviceName: 'EPSON_TM_T82',
      });

      // back to the default: silent, no device named, so Electron uses the system's default
      await select.selectOption('');
      await page.getByRole('button', { name: '설정 저장 (Enter)' }).click();
      await until('the default saved', () => backend.settings.printerName === '');
      await backend.invoke('slips.print', { id: c.id });
      const last = backend.printer.printed.at(-1);
      expect(last?.options.silent).toBe(true);
      expect(last?.options).not.toHaveProperty('deviceName');
      expect(backend.printer.openWindows()).toBe(0);
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
