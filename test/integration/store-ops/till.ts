import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { afterEach } from 'vitest';
import { join } from 'node:path';
import type { Clock } from '../../../shared/clock';
import type { ChannelName, PosResult } from '../../../shared/contract';
import type { SafeStorageLike } from '../../../electron/credentials/store';
import { createCredentialsStore } from '../../../electron/credentials/store';
import { createDeskStoreOps, startDeskEngine } from '../../../electron/desk-engine';
import type { DeskEngine } from '../../../electron/desk-engine';
import { startIntegrity } from '../../../electron/integrity/start';
import type { InstallIntegrity } from '../../../electron/integrity/install-integrity';
import { createDeskIpc } from '../../../electron/ipc/desk-ipc';
import { deskServicesOf } from '../../../electron/ipc/services-adapter';
import { openLedger } from '../../../electron/ledger/ledger';
import type { AuditEventRow } from '../../../electron/audit/chain';
import { openSettings } from '../../../electron/settings/settings-store';
import type { SettingsStore } from '../../../electron/settings/settings-store';
import { createModePreferenceStore, decideStartMode } from '../../../electron/store-ops/mode';
import type { StoreOps } from '../../../electron/store-ops/store-ops';
import { APP_HOST } from '../../../electron/window/app-protocol';
import {
  TEST_SCRYPT,
  appMainFrame,
  confBackend,
  fakeSafeStorage,
  recordingLog,
  recordingPrinter,
  scriptedDialogs,
} from '../../shell/fixtures/shell-stack';
import type { RecordingLog } from '../../shell/fixtures/shell-stack';

/**
 * One till's data folder, started and stopped as electron/main.ts does it (settings,
 * credentials, the seals, the mode decision, the engine, the store operations, the IPC), with
 * Electron's parts replaced: conf for electron-store, a safeStorage stand-in, no window. Issue
 * 11's attacks happen to the folder BETWEEN two starts, as a cashier with the till's Windows
 * account would do them.
 */
export interface TillStart {
  dataDir: string;
  engine: DeskEngine;
  storeOps: StoreOps;
  settings: SettingsStore;
  integrity: InstallIntegrity;
  log: RecordingLog;
  call(channel: ChannelName, payload: unknown): Promise<PosResult<unknown>>;
  /** manager mode with this PIN (login) */
  login(pin: string): Promise<void>;
  stop(): Promise<void>;
}

export interface Till {
  dataDir: string;
  start(options?: { safeStorage?: SafeStorageLike }): Promise<TillStart>;
  /** the live ledger's audit log, read with the app stopped */
  liveAudit(): AuditEventRow[];
  remove(): void;
}

export function newTill(clock: Clock): Till {
  const dataDir = mkdtempSync(join(tmpdir(), 'kicc-till-'));
  const safeStorage = fakeSafeStorage();
  return {
    dataDir,
    async start(options = {}) {
      const log = recordingLog();
      const opened = openSettings({
        file: join(dataDir, 'settings.json'),
        createBackend: () => confBackend(dataDir),
        clock,
        log,
      });
      if (!opened.ok) throw new Error(`settings: ${opened.error.detail}`);
      const settings = opened.value;
      const storage = options.safeStorage ?? safeStorage;
      const credentials = createCredentialsStore({
        file: join(dataDir, 'credentials.json'),
        safeStorage: storage,
        clock,
        log,
      });
      const integrity = startIntegrity({ dataDir, safeStorage: storage, settings, clock, log });
      const mode = decideStartMode(
        settings.current(),
        credentials.read(),
        createModePreferenceStore(join(dataDir, 'mode.json')).load(),
        integrity.liveBlockedBy(),
      );
      const engine = await startDeskEngine({
        mode,
        settings: settings.current(),
        credentials,
        dataDir,
        clock,
        random: Math.random,
        log,
        environment: {},
        integrity,
      });
      const storeOps = createDeskStoreOps({
        engine,
        mode,
        settings,
        credentials,
        dataDir,
        clock,
        random: Math.random,
        printer: recordingPrinter(),
        dialogs: scriptedDialogs(),
        restart: () => undefined,
        manager: { scrypt: TEST_SCRYPT },
        integrity,
      });
      const ipc = createDeskIpc({
        services: deskServicesOf(engine.services),
        storeOps,
        settings,
        credentials,
        mode,
        terminalId: engine.terminalId,
        version: 'till',
        trustedOrigin: { protocol: 'app:', host: APP_HOST },
        log,
      });
      const call = (channel: ChannelName, payload: unknown) =>
        ipc.dispatch(channel, appMainFrame, [payload]);
      return {
        dataDir,
        engine,
        storeOps,
        settings,
        integrity,
        log,
        call,
        async login(pin) {
          const answer = await call('manager.login', { pin });
          if (!answer.ok) throw new Error(`login: ${answer.error.code}`);
        },
        stop: () => engine.close(),
      };
    },
    liveAudit() {
      const ledger = openLedger(join(dataDir, 'live', 'ledger.sqlite'));
      try {
        return ledger.audit.list({ limit: 10_000 });
      } finally {
        ledger.close();
      }
    },
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** An https address on loopback where nothing listens: live mode without reaching anyone. */
export async function deadHttpsAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `https://127.0.0.1:${port}`;
}

export const LIVE_IDS = {
  terminalId: 'T987654321',
  serviceId: 'SVC0000001',
  businessNumber: '2208162517',
};

export const LIVE_CREDENTIALS = {
  channelId: 'LIVE-CHANNEL-01',
  secretKey: 'live-secret-key-0001',
};

export const PIN = '4821';

/**
 * A test's till: one data folder, at most one start running at a time (a second start of the
 * same till waits for the first to stop, as the single-instance lock makes it), all of it gone
 * after the test.
 */
export interface TillSession {
  /** a new till (a fresh data folder), removed after the test */
  create(): Till;
  /** stops the running start, if any, and starts `till` again */
  restart(till: Till, options?: Parameters<Till['start']>[0]): Promise<TillStart>;
  stop(): Promise<void>;
}

export function useTills(clock: Clock): TillSession {
  const tills: Till[] = [];
  let running: TillStart | undefined;
  const stop = async (): Promise<void> => {
    await running?.stop();
    running = undefined;
  };
  afterEach(async () => {
    await stop();
    for (const till of tills.splice(0)) till.remove();
  });
  return {
    create() {
      const till = newTill(clock);
      tills.push(till);
      return till;
    },
    async restart(till, options = {}) {
      await stop();
      running = await till.start(options);
      return running;
    },
    stop,
  };
}
