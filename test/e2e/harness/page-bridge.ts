// First: no schema may be built before zod is told not to use eval (see shared/contract/zod-jitless.ts).
import '../../../shared/contract/zod-jitless';
import { createPosApi } from '../../../shared/contract/api';

/**
 * Runs IN THE PAGE (bundled by ./build.ts, injected before the app's script): `window.pos` from
 * the SAME factory the preload uses (electron/preload.ts), over a transport made of Playwright
 * bindings instead of ipcRenderer. Calls go out through the exposed `__posInvoke` binding;
 * events come in through `__posEmit`, which the test process calls with page.evaluate.
 */

interface BridgeGlobal {
  __posInvoke(channel: string, payload: unknown): Promise<unknown>;
  __posEmit?: (event: string, payload: unknown) => void;
}

const page = globalThis as unknown as BridgeGlobal;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

page.__posEmit = (event, payload) => {
  listeners.get(event)?.forEach((listener) => listener(payload));
};

const pos = createPosApi({
  invoke: (channel, payload) => page.__posInvoke(channel, payload),
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  },
});

// Like contextBridge.exposeInMainWorld: a read-only property the page cannot replace.
Object.defineProperty(globalThis, 'pos', { value: pos, enumerable: true });
