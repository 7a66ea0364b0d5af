import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import { hardenedWebPreferences } from '../window/web-preferences';

/**
 * The hidden window a slip is printed from (issue 6: "printed through Electron's printing,
 * sized for 80 mm receipt printers"), as pure data so its hardening is tested without Electron
 * (test/shell/printing/slip-window.test.ts). It is hardened like the app window, by the same
 * function (../window/web-preferences.ts, Electron security checklist 2, 3, 4, 6, 8, 9, 10), and
 * has NO preload: the slip's page gets no API at all. Its content is one self-contained document (shared/slip
 * slipHtml) whose own CSP forbids every script and every resource (`default-src 'none'`),
 * stricter than the app's; it lives in its own in-memory session, so it shares nothing with the
 * app's page.
 */
export const SLIP_PARTITION = 'slip-print';

/** 80 mm paper at 96 CSS px per inch: the document lays out for this width. */
export const SLIP_WIDTH_PX = 302;

export function slipWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: SLIP_WIDTH_PX,
    height: 800,
    title: 'slip',
    webPreferences: { ...hardenedWebPreferences(false), partition: SLIP_PARTITION },
  };
}

/** Microns per CSS pixel (96 px = 25.4 mm). */
const MICRONS_PER_PX = 25_400 / 96;

/**
 * Electron's print options for a slip: 80 mm wide, as long as the content (a receipt printer
 * cuts continuous paper), no margins (the document keeps its own), and ALWAYS silent: a slip is
 * printed at the counter, never through a dialog. With no printer chosen, `deviceName` is left
 * out and Electron prints on the system's default printer ("When silent is set to true, Electron
 * will pick the system's default printer if deviceName is empty", webContents.print in
 * Electron's API docs). Issue 12 finding 5: the empty choice used to open the dialog.
 */
export function slipPrintOptions(
  printerName: string,
  contentHeightPx: number,
): WebContentsPrintOptions {
  const height = Math.max(50_000, Math.ceil(contentHeightPx * MICRONS_PER_PX) + 5_000);
  return {
    silent: true,
    ...(printerName === '' ? {} : { deviceName: printerName }),
    printBackground: false,
    margins: { marginType: 'none' },
    pageSize: { width: 80_000, height },
  };
}

/** The slip document as a URL the hidden window loads: no file, no server, no app:// access. */
export const slipDocumentUrl = (html: string): string =>
  `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
