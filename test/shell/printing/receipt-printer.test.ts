import { describe, expect, it } from 'vitest';
import { buildTestSlip, slipHtml } from '../../../shared/slip';
import { createPrinterOps } from '../../../electron/counter/printers';
import { recordingPrinter } from '../fixtures/fake-printing';

const store = () => ({
  storeName: '행복마트',
  businessNumber: '1234567890',
  terminalId: 'T123456789',
});

/**
 * Issue 12 finding 5: printing ready on day one. The app's printer code over a fake of exactly
 * the Electron calls it makes (webContents.getPrintersAsync, webContents.print).
 */
describe('finding 5: the receipt printer, faked at the Electron boundary', () => {
  it('lists the system’s printers by their system name and shown name', async () => {
    const printer = recordingPrinter();
    expect(await printer.list()).toEqual({
      ok: true,
      value: [
        { name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82 Receipt', description: '80mm' },
        { name: 'Microsoft_Print_to_PDF', displayName: 'Microsoft Print to PDF', description: '' },
      ],
    });
    expect(printer.openWindows()).toBe(0);
  });

  it('no printer chosen: silent, on the system’s default (deviceName left out), never a dialog', async () => {
    const printer = recordingPrinter();
    expect(await printer.print('<p>slip</p>', { printerName: '' })).toEqual({
      ok: true,
      value: undefined,
    });
    const [call] = printer.printed;
    expect(call?.options.silent).toBe(true);
    expect(call?.options).not.toHaveProperty('deviceName');
    expect(call?.options.pageSize).toMatchObject({ width: 80_000 });
    expect(call?.html).toBe('<p>slip</p>');
  });

  it('a chosen printer: silent, on that printer', async () => {
    const printer = recordingPrinter();
    await printer.print('<p>slip</p>', { printerName: 'EPSON_TM_T82' });
    expect(printer.printed[0]?.options).toMatchObject({ silent: true, deviceName: 'EPSON_TM_T82' });
  });

  it('a printer that fails says so in words; a list that cannot be read too; no window is left', async () => {
    const printer = recordingPrinter();
    printer.failWith = 'Print job failed';
    expect(await printer.print('<p>x</p>', { printerName: 'EPSON_TM_T82' })).toEqual({
      ok: false,
      error: {
        ko: '출력하지 못했습니다. 프린터가 켜져 있고 용지가 있는지 확인하세요. (Print job failed)',
        en: 'Not printed. Check that the printer is on and has paper. (Print job failed)',
      },
    });
    printer.listFails = true;
    expect(await printer.list()).toMatchObject({
      ok: false,
      error: { ko: expect.stringContaining('프린터 목록') },
    });
    expect(printer.openWindows()).toBe(0);
  });

  it('prints a test slip on the printer asked for, before it is saved, and records it', async () => {
    const printer = recordingPrinter();
    const recorded: unknown[] = [];
    const ops = createPrinterOps({
      printer,
      store,
      language: () => 'ko',
      now: () => Date.UTC(2024, 0, 5, 1, 0, 0),
      record: (kind, subject, details) => recorded.push({ kind, subject, details }),
    });
    expect(await ops.testPrint('Microsoft_Print_to_PDF')).toEqual({
      ok: true,
      value: { printed: true, printer: 'Microsoft_Print_to_PDF', reprint: false, problem: null },
    });
    expect(printer.printed[0]?.printerName).toBe('Microsoft_Print_to_PDF');
    expect(printer.printed[0]?.html).toBe(
      slipHtml(
        buildTestSlip(
          {
            storeName: '행복마트',
            terminalId: 'T123456789',
            printerName: 'Microsoft_Print_to_PDF',
            at: Date.UTC(2024, 0, 5, 1, 0, 0),
          },
          'ko',
        ),
      ),
    );
    expect(printer.printed[0]?.html).toContain('프린터 시험 인쇄');
    expect(printer.printed[0]?.html).toContain('결제·취소 전표가 아닙니다');
    expect(recorded).toEqual([
      {
        kind: 'printer.test_printed',
        subject: 'settings',
        details: { printer: 'Microsoft_Print_to_PDF', printed: true },
      },
    ]);
    expect(await ops.list()).toMatchObject({
      ok: true,
      value: { printers: [{ name: 'EPSON_TM_T82' }, {}] },
    });
  });

  it('prints one slip after the other, never two windows at once', async () => {
    const printer = recordingPrinter();
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, printer.openWindows())), 0);
    await Promise.all([1, 2, 3].map((n) => printer.print(`<p>${n}</p>`, { printerName: '' })));
    clearInterval(watch);
    expect(printer.printed.map((p) => p.html)).toEqual(['<p>1</p>', '<p>2</p>', '<p>3</p>']);
    expect(most).toBeLessThanOrEqual(1);
  });
});
