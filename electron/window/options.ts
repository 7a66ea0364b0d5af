import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The app window, hardened per Electron's security checklist (docs/tutorial/security.md):
 *  2  no Node.js integration for remote (or any) content
 *  3  context isolation
 *  4  process sandboxing (the preload is ONE bundled CJS file for this, electron.vite.config.ts)
 *  6  webSecurity never disabled
 *  8  no allowRunningInsecureContent
 *  9  no experimental features / Blink features
 *  10 no <webview>
 * DevTools only in development: a cashier has no use for them, and they would let anyone at the
 * till call window.pos by hand.
 */
export interface WindowOptionsInput {
  preloadPath: string;
  development: boolean;
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
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: input.development,
    },
  };
}
