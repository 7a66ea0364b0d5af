/* eslint-disable */
// @ts-nocheck
'use strict';
/**
 * A stand-in for the `electron` module, faithful to Electron 45's documented behaviour in what
 * electron/main.ts (and what it imports, electron-store included) uses. Loaded with
 * `node --require` in front of the BUILT main process (out/main/main.js), so the test runs the
 * real start-up code exactly as bundled (DESIGN.md "Testing without the Electron binary").
 *
 * Faithful where it matters to the start-up:
 *  - 'ready' comes after the main script ran; privileged schemes only before it, windows and the
 *    default session only after it (Electron throws otherwise, and so does this);
 *  - ipcMain.handle refuses a second handler for a channel;
 *  - app.quit(): 'before-quit' (preventable), windows closed, 'will-quit' (preventable), 'quit',
 *    then the process ends; app.exit(code) ends it at once without those events;
 *  - every new WebContents is announced by app 'web-contents-created';
 *  - safeStorage really transforms the bytes (AES, a key of this "machine").
 * After 'quit' the IPC channel to the test is closed and the process must end by itself within
 * a few seconds: a server, socket or timer left open keeps it alive, and that is reported
 * (what "quit closes the ledger and the simulator" means for a process).
 *
 * The test drives it over the fork IPC channel: { op, id, ... } -> { id, value | error }.
 */
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const env = process.env;
const facts = {
  privilegedSchemes: [],
  protocolHandlers: [],
  permissionHandlers: [],
  menu: 'default',
  errorBoxes: [],
  messageBoxes: [],
  loginItem: null,
  relaunched: false,
  singleInstanceLock: null,
  sent: {},
  openedExternally: [],
  quitEvents: [],
  log: [],
};
const note = (line) => facts.log.push(line);
const reply = (message) => process.send && process.connected && process.send(message);

let ready = false;
let quitting = false;
// Electron's own message loop keeps the app alive until it quits or exits; so does this
const keepAlive = setInterval(() => undefined, 1 << 30);
const readyWaiters = [];

// ---------------------------------------------------------------- app
const app = new EventEmitter();
const paths = {};
const appData = env.STANDIN_APPDATA;
const productName = env.STANDIN_PRODUCT_NAME || 'KICC Cancel Desk';
paths.appData = appData;
paths.userData = path.join(appData, productName);
paths.temp = path.join(appData, 'Temp');
paths.home = appData;
paths.documents = path.join(appData, 'Documents');
paths.desktop = path.join(appData, 'Desktop');
paths.downloads = path.join(appData, 'Downloads');
Object.assign(app, {
  isPackaged: env.STANDIN_PACKAGED === '1',
  commandLine: {
    hasSwitch: (name) => process.argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`)),
    getSwitchValue: () => '',
    appendSwitch: () => undefined,
    appendArgument: () => undefined,
    removeSwitch: () => undefined,
  },
  getName: () => productName,
  getVersion: () => env.STANDIN_APP_VERSION || '0.0.0',
  getLocale: () => 'ko',
  getAppPath: () => path.dirname(require.main ? require.main.filename : process.argv[1]),
  getPath(name) {
    if (name === 'logs') return path.join(paths.userData, 'logs');
    if (!(name in paths)) throw new Error(`Failed to get '${name}' path`);
    return paths[name];
  },
  setPath(name, value) {
    if (ready && name === 'userData') note('setPath(userData) after ready');
    paths[name] = value;
  },
  isReady: () => ready,
  whenReady: () =>
    ready ? Promise.resolve() : new Promise((resolve) => readyWaiters.push(resolve)),
  requestSingleInstanceLock() {
    // one lock per userData folder, across processes: a file created exclusively
    const lock = path.join(
      env.STANDIN_LOCKS,
      crypto.createHash('sha1').update(paths.userData).digest('hex'),
    );
    try {
      fs.mkdirSync(env.STANDIN_LOCKS, { recursive: true });
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      process.on('exit', () => fs.rmSync(lock, { force: true }));
      facts.singleInstanceLock = true;
    } catch {
      facts.singleInstanceLock = false;
    }
    return facts.singleInstanceLock;
  },
  setLoginItemSettings(settings) {
    facts.loginItem = settings;
  },
  relaunch() {
    facts.relaunched = true;
  },
  quit() {
    if (quitting) return;
    setImmediate(runQuit);
  },
  exit(code = 0) {
    facts.quitEvents.push(`exit(${code})`);
    process.exit(code);
  },
  focus: () => undefined,
});

function preventable(name) {
  let prevented = false;
  const event = {
    preventDefault: () => (prevented = true),
    get defaultPrevented() {
      return prevented;
    },
  };
  facts.quitEvents.push(name);
  app.emit(name, event);
  return prevented;
}

function runQuit() {
  if (quitting) return;
  if (preventable('before-quit')) return; // main closes the engine, then calls quit() again
  quitting = true;
  for (const window of [...windows]) window.destroy();
  if (preventable('will-quit')) {
    quitting = false;
    return;
  }
  facts.quitEvents.push('quit');
  app.emit('quit', { preventDefault() {} }, 0);
  reply({ type: 'quit', facts: plainFacts() });
  clearInterval(keepAlive);
  // From here the process must end by itself: nothing may be left running.
  if (process.connected) process.disconnect();
  setTimeout(() => {
    const open = process
      .getActiveResourcesInfo()
      .filter((kind) => kind !== 'TTYWrap' && kind !== 'Timeout');
    process.stderr.write(`[stand-in] still running 5 s after quit: ${JSON.stringify(open)}\n`);
    process.exit(3);
  }, 5_000).unref();
}

// ---------------------------------------------------------------- windows and web contents
const windows = [];
let nextWebContentsId = 1;

class WebContents extends EventEmitter {
  constructor(window) {
    super();
    this.id = nextWebContentsId++;
    this.window = window;
    this.url = '';
    this.destroyed = false;
    this.reloads = 0;
    this.crashes = 0;
    this.windowOpenHandler = null;
    this.session = defaultSessionObject();
  }
  send(channel, ...args) {
    if (this.destroyed) throw new Error('Object has been destroyed');
    facts.sent[channel] = (facts.sent[channel] || 0) + 1;
    JSON.stringify(args); // must be serialisable (structured clone is stricter still)
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  reload() {
    this.reloads += 1;
    setImmediate(() => this.emit('did-finish-load'));
  }
  forcefullyCrashRenderer() {
    this.crashes += 1;
    setImmediate(() => this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 0 }));
  }
  isDestroyed() {
    return this.destroyed;
  }
  getURL() {
    return this.url;
  }
  openDevTools() {}
  isDevToolsOpened() {
    return false;
  }
  async getPrintersAsync() {
    return [];
  }
  print(_options, callback) {
    if (callback) setImmediate(() => callback(true, ''));
  }
  async printToPDF() {
    return Buffer.from('%PDF-1.4\n%stand-in\n');
  }
}

class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return [...windows];
  }
  static getFocusedWindow() {
    return windows[0] || null;
  }
  constructor(options = {}) {
    super();
    if (!ready) throw new Error('Cannot create BrowserWindow before app is ready');
    this.options = options;
    this.visible = options.show !== false;
    this.maximized = false;
    this.kiosk = options.kiosk === true;
    this.destroyed = false;
    this.webContents = new WebContents(this);
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.webContents.url = url;
    return new Promise((resolve) => {
      setImmediate(() => {
        if (this.destroyed) return resolve();
        this.webContents.emit('did-finish-load');
        this.emit('ready-to-show');
        reply({ type: 'window-loaded', url, webContentsId: this.webContents.id });
        resolve();
      });
    });
  }
  loadFile(file) {
    return this.loadURL(`file://${file}`);
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  setKiosk(on) {
    this.kiosk = on;
  }
  isKiosk() {
    return this.kiosk;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    windows.splice(windows.indexOf(this), 1);
    this.emit('closed');
    if (windows.length === 0 && !quitting) app.emit('window-all-closed');
  }
}

// ---------------------------------------------------------------- session, protocol, ipc
let sessionObject = null;
function defaultSessionObject() {
  if (!ready) throw new Error('Session can only be received when app is ready');
  if (sessionObject) return sessionObject;
  const handlers = new Map();
  sessionObject = {
    protocol: {
      handle(scheme, handler) {
        if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
        handlers.set(scheme, handler);
        facts.protocolHandlers.push(scheme);
      },
      unhandle: (scheme) => handlers.delete(scheme),
      isProtocolHandled: (scheme) => handlers.has(scheme),
    },
    handlers,
    setPermissionRequestHandler: (fn) => facts.permissionHandlers.push(['request', fn]),
    setPermissionCheckHandler: (fn) => facts.permissionHandlers.push(['check', fn]),
    setDevicePermissionHandler: (fn) => facts.permissionHandlers.push(['device', fn]),
    webRequest: { onHeadersReceived: () => undefined, onBeforeRequest: () => undefined },
    setSpellCheckerEnabled: () => undefined,
  };
  return sessionObject;
}

const ipcHandlers = new Map();
const ipcMain = new EventEmitter();
ipcMain.handle = (channel, listener) => {
  if (ipcHandlers.has(channel))
    throw new Error(`Attempted to register a second handler for '${channel}'`);
  ipcHandlers.set(channel, listener);
};
ipcMain.handleOnce = ipcMain.handle;
ipcMain.removeHandler = (channel) => ipcHandlers.delete(channel);

// ---------------------------------------------------------------- the rest
const machineKey = crypto.createHash('sha256').update(`stand-in:${appData}`).digest();
const safeStorage = {
  isEncryptionAvailable: () => ready,
  getSelectedStorageBackend: () => 'dpapi',
  encryptString(text) {
    if (!ready) throw new Error('safeStorage cannot be used before app is ready');
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', machineKey, iv);
    const body = Buffer.concat([cipher.update(String(text), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from('v10'), iv, cipher.getAuthTag(), body]);
  },
  decryptString(buffer) {
    const b = Buffer.from(buffer);
    if (b.subarray(0, 3).toString() !== 'v10')
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
      );
    const decipher = crypto.createDecipheriv('aes-256-gcm', machineKey, b.subarray(3, 15));
    decipher.setAuthTag(b.subarray(15, 31));
    try {
      return Buffer.concat([decipher.update(b.subarray(31)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
      );
    }
  },
};

const electron = {
  app,
  BrowserWindow,
  ipcMain,
  safeStorage,
  powerMonitor: Object.assign(new EventEmitter(), {
    getSystemIdleTime: () => 0,
    isOnBatteryPower: () => false,
  }),
  net: { isOnline: () => true },
  protocol: {
    registerSchemesAsPrivileged(schemes) {
      if (ready)
        throw new Error(
          'protocol.registerSchemesAsPrivileged should be called before app is ready',
        );
      facts.privilegedSchemes.push(
        ...schemes.map((s) => ({ scheme: s.scheme, privileges: s.privileges })),
      );
    },
  },
  get session() {
    return {
      get defaultSession() {
        return defaultSessionObject();
      },
      fromPartition: () => defaultSessionObject(),
    };
  },
  dialog: {
    showErrorBox(title, content) {
      facts.errorBoxes.push({ title, content });
      process.stderr.write(`[stand-in] error box: ${content}\n`);
    },
    showMessageBoxSync(_window, options) {
      const o = options || _window;
      facts.messageBoxes.push({ message: o.message });
      return Number(env.STANDIN_MESSAGE_BOX_ANSWER ?? o.cancelId ?? 0);
    },
    async showMessageBox(_window, options) {
      return {
        response: electron.dialog.showMessageBoxSync(_window, options),
        checkboxChecked: false,
      };
    },
    async showOpenDialog() {
      // STANDIN_OPEN_FILE: the file "the manager picks" (the receipt import's journey)
      const file = env.STANDIN_OPEN_FILE;
      return file ? { canceled: false, filePaths: [file] } : { canceled: true, filePaths: [] };
    },
    async showSaveDialog() {
      return { canceled: true };
    },
  },
  shell: {
    openExternal: async (url) => void facts.openedExternally.push(url),
    openPath: async () => '',
    showItemInFolder: () => undefined,
  },
  Menu: {
    setApplicationMenu(menu) {
      facts.menu = menu === null ? null : 'custom';
    },
    getApplicationMenu: () => (facts.menu === null ? null : {}),
    buildFromTemplate: (template) => ({ items: template }),
  },
  screen: {
    getPrimaryDisplay: () => ({ workAreaSize: { width: 1024, height: 768 }, scaleFactor: 1 }),
  },
  contextBridge: undefined,
  ipcRenderer: undefined,
};

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'electron' || request === 'electron/main') return electron;
  return originalLoad.call(this, request, parent, isMain);
};

// 'ready' after the main script has run (Electron emits it once the app is initialised)
setImmediate(() => {
  ready = true;
  app.emit('will-finish-launching');
  app.emit('ready', {}, {});
  readyWaiters.splice(0).forEach((resolve) => resolve());
});

// ---------------------------------------------------------------- the test's remote control
function plainFacts() {
  return JSON.parse(
    JSON.stringify({
      ...facts,
      permissionHandlers: facts.permissionHandlers.map(([kind, fn]) => {
        let answer = null;
        if (kind === 'request') fn(null, 'media', (allowed) => (answer = allowed), {});
        else answer = fn(null, 'media', 'app://desk', {});
        return { kind, answersForMedia: answer };
      }),
      ipcHandlers: [...ipcHandlers.keys()],
      windows: windows.map((w) => ({
        options: w.options,
        url: w.webContents.url,
        visible: w.visible,
        maximized: w.maximized,
        kiosk: w.kiosk,
        webContentsId: w.webContents.id,
        reloads: w.webContents.reloads,
        crashes: w.webContents.crashes,
        listeners: {
          beforeInputEvent: w.webContents.listenerCount('before-input-event'),
          renderProcessGone: w.webContents.listenerCount('render-process-gone'),
          willNavigate: w.webContents.listenerCount('will-navigate'),
          windowOpenHandler: w.webContents.windowOpenHandler !== null,
          unresponsive: w.listenerCount('unresponsive'),
        },
      })),
      ready,
    }),
  );
}

const operations = {
  facts: () => plainFacts(),
  async invoke({ channel, args, frameUrl, senderId }) {
    const handler = ipcHandlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const window = windows[0];
    const event = {
      sender: { id: senderId ?? (window ? window.webContents.id : -1) },
      senderFrame: { url: frameUrl ?? (window ? window.webContents.url : ''), parent: null },
    };
    return JSON.parse(JSON.stringify(await handler(event, ...(args ?? []))));
  },
  async fetch({ url }) {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = defaultSessionObject().handlers.get(scheme);
    if (!handler) throw new Error(`no protocol handler for ${scheme}`);
    const response = await handler(new Request(url));
    const body = Buffer.from(await response.arrayBuffer());
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      length: body.length,
      start: body.subarray(0, 200).toString('utf8'),
    };
  },
  key({ input }) {
    let prevented = false;
    windows[0].webContents.emit(
      'before-input-event',
      { preventDefault: () => (prevented = true) },
      input,
    );
    return { prevented };
  },
  async crash({ reason }) {
    const contents = windows[0].webContents;
    const before = contents.reloads;
    contents.emit('render-process-gone', {}, { reason, exitCode: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    return { reloaded: contents.reloads - before };
  },
  emit({ target, name }) {
    if (target === 'powerMonitor') electron.powerMonitor.emit(name);
    else if (target === 'window') windows[0].emit(name);
    return true;
  },
  quit() {
    app.quit();
    return true;
  },
};

process.on('message', (message) => {
  if (!message || typeof message !== 'object' || !(message.op in operations)) return;
  Promise.resolve()
    .then(() => operations[message.op](message))
    .then(
      (value) => reply({ id: message.id, value }),
      (error) =>
        reply({ id: message.id, error: String(error && error.message ? error.message : error) }),
    );
});
// The control channel must not hold the process open on its own: the app decides when it ends.
if (process.channel) process.channel.unref();
