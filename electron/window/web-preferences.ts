import type { WebPreferences } from 'electron';

/**
 * The webPreferences every window of the app shares, hardened per Electron's security checklist
 * (docs/tutorial/security.md):
 *  2  no Node.js integration for remote (or any) content
 *  3  context isolation
 *  4  process sandboxing (the preload is ONE bundled CJS file for this, electron.vite.config.ts)
 *  6  webSecurity never disabled
 *  8  no allowRunningInsecureContent
 *  9  no experimental features / Blink features
 *  10 no <webview>
 * One function for the app window (./options.ts) and the slip window (../printing/
 * slip-window-options.ts), so a hardening added here reaches both. Each caller says whether
 * DevTools are open to it, and adds its own preload or partition.
 */
export function hardenedWebPreferences(devTools: boolean): WebPreferences {
  return {
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
    spellcheck: false,
    devTools,
  };
}
