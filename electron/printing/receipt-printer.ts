import type { LocalizedText, PrinterInfo } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { ShellLog } from '../log/shell-log';
import type { SlipPrinter } from '../store-ops/ports';
import { slipDocumentUrl, slipPrintOptions } from './slip-window-options';

/**
 * The receipt printer through Electron's printing, with Electron itself behind a small boundary
 * (`PrintingBoundary`): a hidden window that loads the slip, is measured, printed with
 * webContents.print, and closed; and the printer list from webContents.getPrintersAsync().
 * ./print-window.ts gives Electron's real objects; the tests give fakes of exactly these calls
 * (test/shell/fixtures/fake-printing.ts), so everything above the boundary is the code that
 * ships. One print at a time: a receipt printer prints one slip after the other anyway.
 */
export interface PrintContents {
  executeJavaScript(code: string, userGesture?: boolean): Promise<unknown>;
  print(
    options: ReturnType<typeof slipPrintOptions>,
    callback: (success: boolean, failureReason: string) => void,
  ): void;
  getPrintersAsync(): Promise<{ name: string; displayName: string; description: string }[]>;
}

export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  readonly webContents: PrintContents;
  isDestroyed(): boolean;
  destroy(): void;
}

export interface PrintingBoundary {
  /** a new hidden, hardened window with no preload (./slip-window-options.ts) */
  openWindow(): PrintWindow;
}

const notPrinted = (reason: string): LocalizedText => ({
  ko: `출력하지 못했습니다. 프린터가 켜져 있고 용지가 있는지 확인하세요. (${reason})`,
  en: `Not printed. Check that the printer is on and has paper. (${reason})`,
});

const noList: LocalizedText = {
  ko: '프린터 목록을 읽지 못했습니다. 잠시 후 다시 시도하세요.',
  en: 'Could not read the list of printers. Try again in a moment.',
};

export function createReceiptPrinter(boundary: PrintingBoundary, log: ShellLog): SlipPrinter {
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function withWindow<T>(use: (window: PrintWindow) => Promise<T>): Promise<T> {
    const window = boundary.openWindow();
    try {
      return await use(window);
    } finally {
      if (!window.isDestroyed()) window.destroy();
    }
  }

  async function printOnce(
    html: string,
    printerName: string,
  ): Promise<Result<void, LocalizedText>> {
    try {
      return await withWindow(async (window) => {
        await window.loadURL(slipDocumentUrl(html));
        // measured by main (privileged); the document itself may run no script (its CSP)
        const height = Number(
          await window.webContents.executeJavaScript('document.documentElement.scrollHeight', true),
        );
        const options = slipPrintOptions(printerName, Number.isFinite(height) ? height : 1000);
        const failure = await new Promise<string | null>((resolve) => {
          window.webContents.print(options, (success, reason) => resolve(success ? null : reason));
        });
        if (failure !== null) {
          log.warn('print: slip not printed', { printer: printerName, reason: failure });
          return { ok: false, error: notPrinted(failure) };
        }
        return { ok: true, value: undefined };
      });
    } catch (error) {
      log.error('print: failed', { error });
      return { ok: false, error: notPrinted('error') };
    }
  }

  async function listOnce(): Promise<Result<PrinterInfo[], LocalizedText>> {
    try {
      return await withWindow(async (window) => {
        const printers = await window.webContents.getPrintersAsync();
        return {
          ok: true,
          value: printers.map((p) => ({
            name: p.name,
            displayName: p.displayName || p.name,
            description: p.description,
          })),
        };
      });
    } catch (error) {
      log.error('print: printer list failed', { error });
      return { ok: false, error: noList };
    }
  }

  return {
    print: (html, { printerName }) => oneAtATime(() => printOnce(html, printerName)),
    list: () => oneAtATime(listOnce),
  };
}
