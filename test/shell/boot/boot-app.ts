import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TLS_ENVIRONMENT_VARIABLES } from '../../../electron/kicc/tls-environment';

/**
 * Starts the BUILT main process (out/main/main.js, what Electron runs) in a child Node, with
 * ./electron-stand-in.cjs answering `require('electron')`, and drives it over the fork channel.
 */
export const ROOT = resolve(import.meta.dirname, '../../..');
export const MAIN_JS = join(ROOT, 'out/main/main.js');
const STAND_IN = join(import.meta.dirname, 'electron-stand-in.cjs');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** `npm test` builds before Vitest; a lone run builds when out/ is missing or older than the code. */
export function ensureBuilt(): void {
  const built = existsSync(MAIN_JS) ? statSync(MAIN_JS).mtimeMs : 0;
  const sources = Math.max(...['electron', 'shared', 'renderer'].map((d) => newest(join(ROOT, d))));
  if (built >= sources) return;
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`electron-vite build failed:\n${r.stdout}\n${r.stderr}`);
}

export interface WindowFacts {
  options: {
    show?: boolean;
    kiosk?: boolean;
    width?: number;
    height?: number;
    webPreferences: Record<string, unknown>;
  };
  url: string;
  visible: boolean;
  maximized: boolean;
  kiosk: boolean;
  webContentsId: number;
  reloads: number;
  crashes: number;
  listeners: Record<string, number | boolean>;
}

export interface AppFacts {
  ready: boolean;
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocolHandlers: string[];
  permissionHandlers: { kind: string; answersForMedia: unknown }[];
  menu: null | 'default' | 'custom';
  errorBoxes: { title: string; content: string }[];
  messageBoxes: { message: string }[];
  loginItem: unknown;
  relaunched: boolean;
  singleInstanceLock: boolean | null;
  sent: Record<string, number>;
  quitEvents: string[];
  ipcHandlers: string[];
  windows: WindowFacts[];
  log: string[];
}

export interface BootedApp {
  child: ChildProcess;
  /** what the process printed on stderr so far */
  stderr: () => string;
  loaded: Promise<{ url: string }>;
  exited: Promise<number | null>;
  call<T = unknown>(op: string, payload?: Record<string, unknown>): Promise<T>;
  invoke<T = unknown>(
    channel: string,
    request?: unknown,
    frame?: { frameUrl?: string; senderId?: number },
  ): Promise<T>;
  facts(): Promise<AppFacts>;
}

export interface BootOptions {
  /** the "machine": %APPDATA% of the stand-in */
  appData: string;
  packaged?: boolean;
  argv?: string[];
  env?: Record<string, string>;
}

export function bootApp(options: BootOptions): BootedApp {
  const version = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version;
  // A POS PC's environment: the variables that change TLS trust (set on some CI machines) make
  // live mode refuse to start (electron/kicc/tls-environment.ts); a test that wants them says so.
  const environment = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !TLS_ENVIRONMENT_VARIABLES.includes(name)),
  );
  const child = fork(MAIN_JS, options.argv ?? [], {
    cwd: join(ROOT, 'out/main'),
    execArgv: ['--require', STAND_IN],
    env: {
      ...environment,
      NODE_ENV: 'production',
      STANDIN_APPDATA: options.appData,
      STANDIN_LOCKS: join(options.appData, '.locks'),
      STANDIN_PACKAGED: options.packaged ? '1' : '0',
      STANDIN_APP_VERSION: version,
      KICC_DESK_USER_DATA: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdout?.resume();
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let onLoaded: (v: { url: string }) => void = () => undefined;
  const loaded = new Promise<{ url: string }>((resolve) => (onLoaded = resolve));
  child.on(
    'message',
    (message: { id?: number; type?: string; value?: unknown; error?: string; url?: string }) => {
      if (message.type === 'window-loaded') onLoaded({ url: message.url ?? '' });
      if (message.id === undefined) return;
      const w = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error !== undefined) w?.reject(new Error(message.error));
      else w?.resolve(message.value);
    },
  );
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      for (const w of waiting.values()) w.reject(new Error(`the app exited (${code}): ${stderr}`));
      resolve(code);
    });
  });
  const call = <T>(op: string, payload: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ op, id, ...payload });
    });
  return {
    child,
    stderr: () => stderr,
    loaded,
    exited,
    call,
    invoke: (channel, request = {}, frame = {}) =>
      call('invoke', { channel, args: [request], ...frame }),
    facts: () => call<AppFacts>('facts'),
  };
}
