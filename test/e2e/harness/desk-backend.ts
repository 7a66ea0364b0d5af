import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../shared/clock';
import { systemClock } from '../../../shared/clock';
import type { EventName } from '../../../shared/contract/channels';
import type { Language, Settings } from '../../../shared/contract/models';
import { createCredentialsStore } from '../../../electron/credentials/store';
import type { CredentialsStore } from '../../../electron/credentials/store';
import { createDeskStoreOps, startDeskEngine } from '../../../electron/desk-engine';
import type { DeskEngine } from '../../../electron/desk-engine';
import { createDeskIpc } from '../../../electron/ipc/desk-ipc';
import type { DeskIpc } from '../../../electron/ipc/desk-ipc';
import { forwardEvents } from '../../../electron/ipc/register';
import { deskServicesOf } from '../../../electron/ipc/services-adapter';
import type { InstallIntegrity } from '../../../electron/integrity/install-integrity';
import type { KiccSimulator } from '../../../electron/kicc/simulator';
import type { Ledger } from '../../../electron/ledger/ledger';
import { createServices, type Services, type ServicesConfig } from '../../../electron/services';
import { decideMode } from '../../../electron/settings/mode';
import type { ModeDecision } from '../../../electron/settings/mode';
import { openSettings } from '../../../electron/settings/settings-store';
import type { SettingsStore } from '../../../electron/settings/settings-store';
import type { StoreOps, StoreOpsConfig } from '../../../electron/store-ops/store-ops';
import { APP_HOST } from '../../../electron/window/app-protocol';
import {
  TEST_SCRYPT,
  appMainFrame,
  confBackend,
  fakeSafeStorage,
  recordingLog,
  recordingPrinter,
  scriptedDialogs,
  startTestIntegrity,
} from '../../shell/fixtures/shell-stack';
import type { RecordingPrinter, ScriptedDialogs } from '../../shell/fixtures/shell-stack';
import { SOURCE_IMPORT_WORKER } from '../../fixtures/import-worker';
import type { DeskBackend } from './pos-bridge';

/**
 * What the main process does for the page, done in the test process by the SAME stack the app
 * builds in electron/main.ts: the real engine (createServices) on a temporary data folder, the
 * store operations (createDeskStoreOps: manager role and PIN, approval, review, audit, reports,
 * slips, import, mode), and the IPC layer (createDeskIpc). Every call from the page goes through
 * `dispatch` exactly as ipcMain hands it over (sender check, request schema, role check for the
 * manager channels, response schema, secret net), and the engine's and the store operations'
 * events are forwarded through the contract's event schemas (forwardEvents).
 *
 * Only what needs Electron is replaced: the settings file is conf (what electron-store extends),
 * safeStorage a reversible stand-in, the receipt printer records the HTML it is given (the
 * journeys render it to PDF in Chromium), and the file dialogs answer what the journey set.
 */
export interface BackendOptions {
  sim: KiccSimulator;
  limits?: Partial<ServicesConfig['limits']>;
  language?: Language;
  /** short, so a lost answer turns into "in doubt" within a test's patience */
  readTimeoutMs?: number;
  /** in_doubt for longer than this -> needs_review (the app: a day) */
  verificationDeadlineMs?: number;
  clock?: Clock;
  /** the manager role's idle time, lock-out policy (scrypt is always the cheap test one) */
  manager?: Omit<NonNullable<StoreOpsConfig['manager']>, 'scrypt'>;
}

export interface E2eBackend extends DeskBackend {
  services: Services;
  /** the install-wide audit log's ledger (the live one, also in training: issue 11) */
  installLedger: Ledger;
  /** the KICC simulator the engine talks to (always one: these are training stacks) */
  simulator: KiccSimulator;
  storeOps: StoreOps;
  ipc: DeskIpc;
  /** the settings as main holds them now */
  readonly settings: Settings;
  settingsStore: SettingsStore;
  credentials: CredentialsStore;
  /** every slip and end-of-day summary main printed, as the HTML sent to the printer */
  printer: RecordingPrinter;
  /** the manager's file choices: set `importFile` / `csvDestination` before the page asks */
  dialogs: ScriptedDialogs;
  /** how many times the page asked main to restart */
  restarts(): number;
  /**
   * The window's close button, as main's `close` handler sees it (electron/counter/
   * electron-quit.ts): true when the window would close now, false when it was held and the
   * page was asked (`app.quitRequested`).
   */
  closeWindow(): boolean;
  /** how many times main was told to quit (the page confirmed) */
  quits(): number;
  dataDir: string;
  close(): Promise<void>;
}

/** The journeys' desk: its own simulator, the engine configured for it, the IPC stack. */
export function createE2eBackend(options: BackendOptions): E2eBackend {
  const { sim } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'kicc-desk-e2e-'));
  const clock = options.clock ?? systemClock;
  const limits = {
    cashierMaxAmount: 500_000,
    offlineMaxCount: 20,
    offlineMaxTotal: 5_000_000,
    ...options.limits,
  };
  const services = createServices({
    dataDir: join(dataDir, 'training'),
    kicc: {
      baseUrl: sim.url,
      credentials: () => sim.credentials,
      connectTimeoutMs: 1_000,
      readTimeoutMs: options.readTimeoutMs ?? 2_000,
      // training's engine: the simulator's "nothing happened" codes are confirmed (desk-engine.ts)
      confirmedRefusalCodes: () => sim.refusalCodes,
    },
    terminal: sim.merchant,
    limits,
    verificationDeadlineMs: options.verificationDeadlineMs ?? 10 * 60_000,
    clock,
    random: Math.random,
    queue: { retryBaseMs: 300, retryMaxMs: 2_000 },
  });
  const settingsStore = openSettingsStore(dataDir, clock);
  // what the page reads is what the engine was started with (main reads both at start)
  const configured = settingsStore.update({
    apiBaseUrl: sim.url,
    terminalId: sim.merchant.tid,
    serviceId: sim.merchant.svcId,
    businessNumber: sim.merchant.bizrNo,
    limits: {
      cashierMaxAmount: limits.cashierMaxAmount,
      offlineMaxCount: limits.offlineMaxCount,
      offlineMaxAmount: limits.offlineMaxTotal,
    },
    language: options.language ?? 'ko',
  });
  if (!configured.ok) throw new Error(`e2e settings refused: ${configured.error.code}`);
  const engine: DeskEngine = {
    services,
    confirmedRefusalCodes: () => sim.refusalCodes,
    // a journey's desk has one ledger: the install-wide events go there too
    installLedger: services.ledger,
    terminalId: sim.merchant.tid,
    simulator: sim,
    close: () => services.close(),
  };
  return wireDesk({ engine, settingsStore, dataDir, clock, manager: options.manager });
}

/**
 * A first start (issue 6 "training-mode first start with no configuration"): default settings,
 * no credentials, no PIN; the app's own training engine with its embedded simulator and sample
 * receipts (electron/desk-engine.ts startDeskEngine), exactly as main.ts starts it.
 */
export async function createFirstStartBackend(
  options: Pick<BackendOptions, 'clock' | 'manager'> = {},
): Promise<E2eBackend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kicc-first-start-'));
  const clock = options.clock ?? systemClock;
  const settingsStore = openSettingsStore(dataDir, clock);
  const log = recordingLog();
  const credentials = credentialsIn(dataDir, clock);
  // as main does: the seals first, then the mode, then the engine (electron/main.ts)
  const integrity = startTestIntegrity(dataDir, settingsStore, clock);
  const engine = await startDeskEngine({
    mode: decideMode(settingsStore.current(), credentials.read()),
    settings: settingsStore.current(),
    credentials,
    dataDir,
    clock,
    random: Math.random,
    log,
    integrity,
  });
  return wireDesk({
    engine,
    settingsStore,
    dataDir,
    clock,
    manager: options.manager,
    credentials,
    integrity,
  });
}

function openSettingsStore(dataDir: string, clock: Clock): SettingsStore {
  const opened = openSettings({
    file: join(dataDir, 'settings.json'),
    createBackend: () => confBackend(dataDir),
    clock,
    log: recordingLog(),
  });
  if (!opened.ok) throw new Error(`e2e settings: ${opened.error.detail}`);
  return opened.value;
}

const credentialsIn = (dataDir: string, clock: Clock): CredentialsStore =>
  createCredentialsStore({
    file: join(dataDir, 'credentials.json'),
    safeStorage: fakeSafeStorage(),
    clock,
    log: recordingLog(),
  });

interface WireInput {
  engine: DeskEngine;
  settingsStore: SettingsStore;
  dataDir: string;
  clock: Clock;
  manager: BackendOptions['manager'];
  credentials?: CredentialsStore;
  /** the seals of this start (default: checked here, on the journey's data folder) */
  integrity?: InstallIntegrity;
}

/** electron/main.ts's wiring, minus Electron. */
function wireDesk(input: WireInput): E2eBackend {
  const { engine, settingsStore, dataDir, clock } = input;
  const simulator = engine.simulator;
  if (simulator === null) throw new Error('the e2e desk runs in training mode, on a simulator');
  const log = recordingLog();
  const credentials = input.credentials ?? credentialsIn(dataDir, clock);
  const mode: ModeDecision = decideMode(settingsStore.current(), credentials.read());
  const printer = recordingPrinter();
  const dialogs = scriptedDialogs();
  let restarts = 0;
  let quits = 0;
  const storeOps = createDeskStoreOps({
    engine,
    mode,
    settings: settingsStore,
    credentials,
    dataDir,
    clock,
    random: Math.random,
    printer,
    dialogs,
    restart: () => {
      restarts += 1;
    },
    quit: () => {
      quits += 1;
    },
    manager: { ...input.manager, scrypt: TEST_SCRYPT },
    integrity: input.integrity ?? startTestIntegrity(dataDir, settingsStore, clock),
    importWorker: { file: SOURCE_IMPORT_WORKER },
  });
  const desk = deskServicesOf(engine.services);
  const ipc = createDeskIpc({
    services: desk,
    storeOps,
    settings: settingsStore,
    credentials,
    mode,
    terminalId: engine.terminalId,
    version: 'e2e',
    trustedOrigin: { protocol: 'app:', host: APP_HOST },
    log,
  });
  // main.ts ends an idle manager session on a timer; a short one here, for the journeys
  const idle = setInterval(() => storeOps.manager.checkIdle(), 250);
  idle.unref();

  return {
    services: engine.services,
    installLedger: engine.installLedger,
    simulator,
    storeOps,
    ipc,
    get settings() {
      return settingsStore.get();
    },
    settingsStore,
    credentials,
    printer,
    dialogs,
    restarts: () => restarts,
    closeWindow: () => storeOps.counter.quit.closeRequested(),
    quits: () => quits,
    dataDir,
    invoke: (channel, payload) => ipc.dispatch(channel, appMainFrame, [payload]),
    subscribe(listener: (event: EventName, payload: unknown) => void) {
      const sink = () => ({
        send: (event: EventName, payload: unknown) => listener(event, payload),
      });
      const stops = [
        forwardEvents((l) => desk.subscribe(l), sink, log),
        forwardEvents((l) => storeOps.subscribe(l), sink, log),
      ];
      return () => stops.forEach((stop) => stop());
    },
    async close() {
      clearInterval(idle);
      await engine.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
