import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, ipcMain, Menu, net, powerMonitor, safeStorage, session } from 'electron';
import { systemClock } from '../shared/clock';
import { watchConnectivity } from './connectivity';
import { createCredentialsStore } from './credentials/store';
import { guardWindowClose } from './counter/electron-quit';
import { createDeskStoreOps, startDeskEngine } from './desk-engine';
import { electronFileDialogs } from './dialogs/file-dialogs';
import { createElectronSlipPrinter } from './printing/print-window';
import { createModePreferenceStore, decideStartMode } from './store-ops/mode';
import type { StoreOps } from './store-ops/store-ops';
import type { DeskEngine } from './desk-engine';
import { createDeskIpc } from './ipc/desk-ipc';
import { forwardEvents, registerIpc } from './ipc/register';
import { originOf } from './ipc/sender';
import { deskServicesOf } from './ipc/services-adapter';
import { createShellLog } from './log/logger';
import { startIntegrity } from './integrity/start';
import { createKnownSecrets } from './log/known-secrets';
import { createRedactor, redact as redactPlain } from './log/redact';
import type { ShellLog } from './log/shell-log';
import { electronSettingsBackend } from './settings/electron-settings';
import { openSettings, setAsideSettingsFile } from './settings/settings-store';
import type { SettingsStore } from './settings/settings-store';
import { APP_ENTRY_URL, APP_HOST } from './window/app-protocol';
import { remoteDebuggingSwitch, type RendererRecovery } from './window/pos-shell';
import {
  createMainWindow,
  denyAllPermissions,
  guardWebContents,
  registerAppScheme,
  serveAppFiles,
} from './window/electron-window';

/**
 * The composition root (DESIGN.md "electron/ main process (composition root: main.ts)"):
 * single instance, settings, credentials, mode, engine, IPC, window, connectivity, clean quit.
 * Everything that decides something lives in the modules it wires; see docs/shell.md.
 */
const development = !app.isPackaged && process.env.NODE_ENV !== 'production';

// No fuse covers remote debugging, and it would hand anyone on the PC the page and window.pos
// (docs/shell.md). The installed app refuses it; an unpackaged build allows it, because that is
// how Playwright's _electron test and a developer's debugger attach.
const debugSwitch = app.isPackaged ? remoteDebuggingSwitch(process.argv) : null;
if (debugSwitch !== null) {
  dialog.showErrorBox(
    'KICC Cancel Desk',
    `원격 디버깅 옵션으로는 시작할 수 없습니다.\nThe app does not start with remote debugging.\n\n${debugSwitch.split('=')[0]}`,
  );
  app.exit(1);
}
// The e2e run gives each launch of the built (unpackaged) app its own data folder; an installed
// app always uses its own.
if (!app.isPackaged && process.env.KICC_DESK_USER_DATA) {
  app.setPath('userData', process.env.KICC_DESK_USER_DATA);
}

registerAppScheme(); // privileged schemes must be registered before 'ready'

let mainWindow: BrowserWindow | null = null;
let engine: DeskEngine | null = null;

// One writer of the ledger (DESIGN.md "Data"): a second start focuses the first window.
if (debugSwitch !== null) {
  // refused above; app.exit ends the process
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // .catch, not then's second argument: a start that throws (a locked or newer ledger, a broken
  // disk) must reach the fatal dialog too, or the app lives on windowless holding the lock.
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const credentialsFile = join(userData, 'credentials.json');
  let credentialsStore: ReturnType<typeof createCredentialsStore> | null = null;
  // every secret value main knows, for the log and the IPC's last net (issue 11)
  const knownSecrets = createKnownSecrets();
  knownSecrets.add(() => {
    const stored = credentialsStore?.read();
    return stored?.ok && stored.value ? [stored.value.channelId, stored.value.secretKey] : [];
  });
  const redact = createRedactor(knownSecrets.values);
  const log = createShellLog({ logsDir: app.getPath('logs'), development, redact });
  log.info('app: start', { version: app.getVersion(), packaged: app.isPackaged });

  const settings = openSettingsOrAsk(userData, log);
  if (!settings) return app.quit();
  // A POS program has no menu: Alt shows nothing, and the menu's accelerators (Ctrl+W, Ctrl+R)
  // are gone with it (the window swallows the rest: ./window/pos-shell.ts).
  Menu.setApplicationMenu(null);
  const credentials = createCredentialsStore({
    file: credentialsFile,
    safeStorage,
    clock: systemClock,
    log,
  });
  credentialsStore = credentials;
  app.setLoginItemSettings({ openAtLogin: settings.current().startAtLogin });

  // files changed outside the app: found, put back, audited, shown (electron/integrity/)
  const integrity = startIntegrity({
    dataDir: userData,
    safeStorage,
    settings,
    clock: systemClock,
    log,
  });
  knownSecrets.add(integrity.secrets);
  // training until live is configured, or while a manager has chosen training (store-ops/mode.ts)
  const mode = decideStartMode(
    settings.current(),
    credentials.read(),
    createModePreferenceStore(join(userData, 'mode.json')).load(),
    integrity.liveBlockedBy(),
  );
  engine = await startDeskEngine({
    mode,
    settings: settings.current(),
    confirmedRefusalCodes: () => settings.current().confirmedRefusalCodes,
    credentials,
    dataDir: userData,
    clock: systemClock,
    random: Math.random,
    log,
    integrity,
  });
  const desk = deskServicesOf(engine.services);
  const storeOps: StoreOps = createDeskStoreOps({
    engine,
    mode,
    settings,
    credentials,
    dataDir: userData,
    clock: systemClock,
    random: Math.random,
    printer: createElectronSlipPrinter(log),
    dialogs: electronFileDialogs(() => mainWindow),
    integrity,
    // electron-vite builds the import worker as its own entry next to main.js; in the packaged
    // app both are inside app.asar, which Electron's worker threads read (docs/manager.md)
    importWorker: { file: join(__dirname, 'import-worker.js') },
    // a mode switch or new settings take effect at the next start: close cleanly, start again
    restart: () => {
      app.relaunch();
      app.quit();
    },
    // the person confirmed closing with unresolved cancellations (issue 12)
    quit: () => app.quit(),
  });

  // The page: app://desk in production, the dev server in development only.
  const devUrl = development ? process.env.ELECTRON_RENDERER_URL : undefined;
  const pageUrl = devUrl ?? APP_ENTRY_URL;
  const trustedOrigin = originOf(pageUrl) ?? { protocol: 'app:', host: APP_HOST };
  let recovery: RendererRecovery | null = null;
  const ipc = createDeskIpc({
    services: desk,
    storeOps,
    settings,
    credentials,
    mode,
    terminalId: engine.terminalId,
    version: app.getVersion(),
    trustedOrigin,
    log,
    screenRecovery: () => recovery?.takeNotice() ?? null,
    knownSecrets,
  });

  denyAllPermissions(session.defaultSession);
  serveAppFiles(session.defaultSession, join(__dirname, '../renderer'), log);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));

  const created = createMainWindow({
    preloadPath: join(__dirname, '../preload/preload.cjs'),
    development,
    kiosk: settings.current().kiosk,
    url: pageUrl,
    log,
    giveUp: () => {
      dialog.showErrorBox(
        'KICC Cancel Desk',
        '화면을 표시하지 못해 프로그램을 종료합니다. 진행 중이던 취소는 모두 기록되어 있으며 다시 시작하면 이어집니다.\n' +
          'The screen cannot be shown and the app will quit. Every cancellation in progress is recorded and continues at the next start.',
      );
      storeOps.counter.quit.allow();
      app.quit();
    },
  });
  const window = created.window;
  recovery = created.recovery;
  mainWindow = window;
  window.on('closed', () => (mainWindow = null));
  // closing with unresolved cancellations asks first (issue 12; electron/counter/)
  guardWindowClose(window, storeOps.counter.quit, () => settings.current().language, log);

  registerIpc(ipcMain, ipc.dispatch, (id) => !window.isDestroyed() && id === window.webContents.id);
  forwardEvents(
    (listener) => desk.subscribe(listener),
    () =>
      window.isDestroyed()
        ? null
        : { send: (event, payload) => window.webContents.send(event, payload) },
    log,
  );
  forwardEvents(
    (listener) => storeOps.subscribe(listener),
    () =>
      window.isDestroyed()
        ? null
        : { send: (event, payload) => window.webContents.send(event, payload) },
    log,
  );
  // Manager mode ends when Windows locks the screen or sleeps, and after idle time (issue 6).
  powerMonitor.on('lock-screen', () => storeOps.manager.logout('lock-screen'));
  powerMonitor.on('suspend', () => storeOps.manager.logout('suspend'));
  setInterval(() => storeOps.manager.checkIdle(), 5_000).unref();

  watchConnectivity(
    {
      isOnline: () => net.isOnline(),
      onResume: (listener) => {
        powerMonitor.on('resume', listener);
        powerMonitor.on('unlock-screen', listener);
        return () => {
          powerMonitor.off('resume', listener);
          powerMonitor.off('unlock-screen', listener);
        };
      },
      onFocus: (listener) => {
        window.on('focus', listener);
        return () => window.off('focus', listener);
      },
      every: (ms, tick) => {
        const timer = setInterval(tick, ms);
        timer.unref();
        return () => clearInterval(timer);
      },
    },
    {
      pollMs: 5_000,
      focusQuietMs: 30_000,
      clock: systemClock,
      signal: (s) => desk.queue.signal(s),
    },
  );

  app.on('window-all-closed', () => app.quit());
  // Clean quit: the queue stops, exchanges in flight are recorded, the ledger closes. Nothing in
  // flight is lost either way: every step is written before it is acted on (DESIGN.md).
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !engine) return;
    event.preventDefault();
    closing = true;
    const stopping = engine;
    engine = null;
    stopping
      .close()
      .catch((error: unknown) => log.error('app: engine did not close cleanly', { error }))
      .finally(() => app.quit());
  });
}

/**
 * A settings file that cannot be used is never silently replaced (docs/shell.md "Settings"):
 * the person at the till chooses between quitting and starting fresh with the bad file kept.
 */
function openSettingsOrAsk(userData: string, log: ShellLog): SettingsStore | null {
  const file = join(userData, 'settings.json');
  const open = () =>
    openSettings({
      file,
      createBackend: () => electronSettingsBackend(userData),
      clock: systemClock,
      log,
      onChange: (next, previous) => {
        if (next.startAtLogin !== previous.startAtLogin) {
          app.setLoginItemSettings({ openAtLogin: next.startAtLogin });
        }
        if (next.kiosk !== previous.kiosk && mainWindow && !mainWindow.isDestroyed()) {
          mainWindow.setKiosk(next.kiosk);
          if (!next.kiosk) mainWindow.maximize();
        }
      },
    });
  const first = open();
  if (first.ok) return first.value;
  log.error('settings: cannot be used', { kind: first.error.kind, detail: first.error.detail });
  const choice = dialog.showMessageBoxSync({
    type: 'error',
    title: 'KICC Cancel Desk',
    message: '설정 파일을 사용할 수 없습니다.\nThe settings file cannot be used.',
    detail: `${first.error.file}\n${first.error.detail}\n\n기본 설정으로 시작하면 이 파일은 옆에 보관됩니다.\nStarting with default settings keeps this file beside the new one.`,
    buttons: ['기본 설정으로 시작 / Start with defaults', '종료 / Quit'],
    defaultId: 1,
    cancelId: 1,
  });
  if (choice !== 0) return null;
  const aside = setAsideSettingsFile(file, systemClock);
  log.warn('settings: bad file set aside', { aside });
  const second = open();
  return second.ok ? second.value : null;
}

function fail(error: unknown): void {
  const why = String(redactPlain(error instanceof Error ? error.message : String(error)));
  dialog.showErrorBox(
    'KICC Cancel Desk',
    `프로그램을 시작하지 못했습니다.\nThe app could not start.\n\n${why}`,
  );
  app.exit(1);
}
