import { BrowserWindow, session } from 'electron';
import type { LocalizedText } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { ShellLog } from '../log/shell-log';
import type { SlipPrinter } from '../store-ops/ports';
import { denyAllPermissions } from '../window/electron-window';
import {
  SLIP_PARTITION,
  slipDocumentUrl,
  slipPrintOptions,
  slipWindowOptions,
} from './slip-window-options';

/**
 * The thin Electron adapter that prints a slip: a hidden, sandboxed window with no preload
 * (./slip-window-options.ts) loads the slip's HTML, is measured, printed with
 * webContents.print, and closed. Everything that decides something is in the pure files.
 * One print at a time: a receipt printer prints one slip after the other anyway.
 */
const notPrinted = (reason: string): LocalizedText => ({
  ko: `출력하지 못했습니다. 프린터가 켜져 있고 용지가 있는지 확인하세요. (${reason})`,
  en: `Not printed. Check that the printer is on and has paper. (${reason})`,
});

export function createElectronSlipPrinter(log: ShellLog): SlipPrinter {
  let queue: Promise<unknown> = Promise.resolve();
  let prepared = false;

  async function printOnce(
    html: string,
    printerName: string,
  ): Promise<Result<void, LocalizedText>> {
    if (!prepared) {
      denyAllPermissions(session.fromPartition(SLIP_PARTITION));
      prepared = true;
    }
    const window = new BrowserWindow(slipWindowOptions());
    try {
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
    } catch (error) {
      log.error('print: failed', { error });
      return { ok: false, error: notPrinted('error') };
    } finally {
      if (!window.isDestroyed()) window.destroy();
    }
  }

  return {
    print(html, { printerName }) {
      const next = queue.then(() => printOnce(html, printerName));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
