// First, before any schema is built: zod must not probe for eval under the page's CSP.
import '../shared/contract/zod-jitless';
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { createPosApi } from '../shared/contract/api';

/**
 * The preload: ONE function per contract channel, on `window.pos` (DESIGN.md "The shape").
 * Electron security checklist 20: ipcRenderer itself, the channel names and the
 * IpcRendererEvent are never handed to the page; the page gets createPosApi's typed functions,
 * which validate every request before it leaves and every answer when it returns.
 *
 * Built by electron-vite into ONE self-contained CJS file (out/preload/preload.cjs), because a
 * sandboxed preload can require nothing but a few Electron modules.
 */

const pos = createPosApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe: (event, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
});

contextBridge.exposeInMainWorld('pos', pos);
