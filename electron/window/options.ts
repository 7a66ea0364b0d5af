import type { BrowserWindowConstructorOptions } from 'electron';
import { hardenedWebPreferences } from './web-preferences';

/**
 * The app window, hardened per Electron's security checklist (./web-preferences.ts: items 2, 3,
 * 4, 6, 8, 9, 10), with the preload as its only bridge and safe dialogs. DevTools only in development: a cashier has no use for them, and they would let anyone at the
 * till call window.pos by hand.
 */
export interface WindowOptionsInput {
  preloadPath: string;
  development: boolean;
  /** full screen without frame (a manager's setting); otherwise maximized at show */
  kiosk: boolean;
}

export function mainWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    // STYLE.md: readable on a 1024×768 POS screen
    width: 1024,
    height: 768,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'KICC Cancel Desk',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    kiosk: input.kiosk,
    webPreferences: {
      ...hardenedWebPreferences(input.development),
      preload: input.preloadPath,
      safeDialogs: true,
    },
  };
}
