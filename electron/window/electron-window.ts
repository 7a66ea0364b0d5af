import { readFile } from 'node:fs/promises';
import { BrowserWindow, protocol, shell } from 'electron';
import type { RendererRecovery, RecoveryReason } from './pos-shell';
import { createRendererRecovery, isBlockedShortcut } from './pos-shell';
import type { Session, WebContents } from 'electron';
import type { ShellLog } from '../log/shell-log';
import { PAGE_SECURITY_HEADERS } from './csp';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, contentTypeOf, resolveAppFile } from './app-protocol';
import { externalLinkDecision } from './navigation';
import { mainWindowOptions } from './options';

/**
 * The thin Electron adapters around the pure rules of this folder. Everything that decides
 * something (paths, links, options, CSP) is in the pure files and tested without Electron.
 */

/** Must run before app 'ready' (Electron: privileged schemes are fixed at start-up). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Serves `app://desk/...` from the built renderer folder, with the CSP on every response. */
export function serveAppFiles(session: Session, rendererDir: string, log: ShellLog): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
    const file = resolveAppFile(rendererDir, request.url);
    if (!file.ok) {
      log.warn('app protocol: refused', { url: request.url.slice(0, 200), why: file.error });
      return notFound();
    }
    const type = contentTypeOf(file.value);
    if (type === null) return notFound();
    try {
      const body = await readFile(file.value);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...PAGE_SECURITY_HEADERS, 'Content-Type': type },
      });
    } catch {
      return notFound();
    }
  });
}

const notFound = () =>
  new Response('Not found', { status: 404, headers: { ...PAGE_SECURITY_HEADERS } });

/**
 * Every permission request and check is denied (Electron checklist 5): the page needs no
 * camera, no notifications, no clipboard-read, no USB. Printing goes through main.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Navigation, redirects, sub-frame navigation, new windows and <webview> are refused for EVERY
 * WebContents (installed from app 'web-contents-created'). https links go to the browser.
 */
export function guardWebContents(contents: WebContents, log: ShellLog): void {
  const openOutside = (url: string): void => {
    if (externalLinkDecision(url) === 'open-in-browser') {
      void shell.openExternal(url).catch(() => undefined);
    } else {
      log.warn('navigation: refused', { url: url.slice(0, 200) });
    }
  };
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openOutside(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    log.warn('navigation: redirect refused', { url: event.url.slice(0, 200) });
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

export interface MainWindowInput {
  preloadPath: string;
  development: boolean;
  kiosk: boolean;
  url: string;
  log: ShellLog;
  /** the renderer keeps failing (./pos-shell.ts): tell the person at the till, then quit */
  giveUp: (reason: RecoveryReason) => void;
}

export interface MainWindow {
  window: BrowserWindow;
  recovery: RendererRecovery;
}

/**
 * The app window, as a POS program (./pos-shell.ts): maximized (or kiosk), browser shortcuts
 * swallowed, a crashed or hung renderer reloaded with a notice instead of a white window.
 */
export function createMainWindow(input: MainWindowInput): MainWindow {
  const window = new BrowserWindow(mainWindowOptions(input));
  const contents = window.webContents;
  window.once('ready-to-show', () => {
    if (!input.kiosk) window.maximize();
    window.show();
  });
  contents.on('before-input-event', (event, key) => {
    if (isBlockedShortcut(key)) event.preventDefault();
  });
  const recovery = createRendererRecovery({
    now: Date.now,
    reload: () => contents.reload(),
    crash: () => contents.forcefullyCrashRenderer(),
    giveUp: input.giveUp,
    log: (event, fields) => input.log.error(event, fields),
    setTimer: (ms, run) => {
      const timer = setTimeout(run, ms);
      return { cancel: () => clearTimeout(timer) };
    },
  });
  contents.on('render-process-gone', (_event, details) =>
    recovery.gone(details.reason, details.exitCode),
  );
  window.on('unresponsive', () => recovery.unresponsive());
  window.on('responsive', () => recovery.responsive());
  window.on('close', () => recovery.stop());
  void window.loadURL(input.url);
  return { window, recovery };
}
