import { BrowserWindow, session } from 'electron';
import type { ShellLog } from '../log/shell-log';
import type { SlipPrinter } from '../store-ops/ports';
import { denyAllPermissions } from '../window/electron-window';
import { createReceiptPrinter, type PrintingBoundary } from './receipt-printer';
import { SLIP_PARTITION, slipWindowOptions } from './slip-window-options';

/**
 * Electron's side of the receipt printer (./receipt-printer.ts): the hidden, hardened print
 * window (./slip-window-options.ts) in its own session, whose permissions are all denied.
 * Nothing here decides anything.
 */
export function electronPrintingBoundary(): PrintingBoundary {
  let prepared = false;
  return {
    openWindow() {
      if (!prepared) {
        denyAllPermissions(session.fromPartition(SLIP_PARTITION));
        prepared = true;
      }
      return new BrowserWindow(slipWindowOptions());
    },
  };
}

export function createElectronSlipPrinter(log: ShellLog): SlipPrinter {
  return createReceiptPrinter(electronPrintingBoundary(), log);
}
