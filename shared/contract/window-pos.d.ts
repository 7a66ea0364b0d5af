import type { PosApi } from './api';

/**
 * `window.pos`: the only thing the preload puts on the page (Electron security checklist 20).
 * The renderer gets the type from here; the preload's contextBridge call provides the value.
 */
declare global {
  interface Window {
    readonly pos: PosApi;
  }
}

export {};
