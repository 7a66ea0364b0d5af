import { describe, expect, it, vi } from 'vitest';

/**
 * electron/main.ts's start-up failure path (docs/engine.md "createServices ... throws only when
 * the ledger cannot be opened ... the main process shows that as a fatal error"). A start that
 * throws must reach the fatal dialog and end the process: otherwise the app lives on without a
 * window, holding the single-instance lock, and every later start only "focuses" nothing.
 * Electron is replaced by a stand-in: the binary is not needed to check the wiring.
 */
const fake = vi.hoisted(() => {
  const calls = { errorBox: [] as string[], exitCodes: [] as number[] };
  const app = {
    isPackaged: true,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    on: () => app,
    quit: () => undefined,
    exit: (code: number) => {
      calls.exitCodes.push(code);
    },
    getVersion: () => '0.0.0',
    getPath: (): string => {
      throw new Error('the ledger is locked by another process');
    },
    setPath: () => undefined,
  };
  return {
    calls,
    electron: {
      app,
      dialog: {
        showErrorBox: (_title: string, text: string) => {
          calls.errorBox.push(text);
        },
        showMessageBoxSync: () => 1,
      },
      protocol: { registerSchemesAsPrivileged: () => undefined },
      ipcMain: { handle: () => undefined, removeHandler: () => undefined },
      net: { isOnline: () => true },
      powerMonitor: { on: () => undefined, off: () => undefined },
      safeStorage: {},
      session: {},
      shell: {},
      BrowserWindow: class {},
    },
  };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
// electron-store loads the real `electron` module from node_modules, which needs the binary
vi.mock('../../electron/settings/electron-settings', () => ({
  electronSettingsBackend: () => {
    throw new Error('not used');
  },
}));

describe('main.ts start-up', () => {
  it('a start that throws shows the fatal dialog and exits with code 1', async () => {
    await import('../../electron/main');
    await vi.waitFor(() => expect(fake.calls.exitCodes).toEqual([1]));
    expect(fake.calls.errorBox).toHaveLength(1);
    expect(fake.calls.errorBox[0]).toContain('the ledger is locked by another process');
  });
});
