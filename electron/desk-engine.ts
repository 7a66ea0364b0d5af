import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../shared/clock';
import type { CredentialsStore } from './credentials/store';
import type { InstallIntegrity } from './integrity/install-integrity';
import { openLedger } from './ledger/ledger';
import type { Ledger } from './ledger/ledger';
import { startKiccSimulator } from './kicc/simulator';
import { LiveModeRefusedError, tlsEnvironmentProblem } from './kicc/tls-environment';
import type { KiccSimulator } from './kicc/simulator';
import type { ShellLog } from './log/shell-log';
import { createServices } from './services';
import type { Services } from './services';
import type { ModeDecision } from './settings/mode';
import type { StoredSettings } from './settings/schema';
import { trainingReceiptOf } from './training';
import type { FileDialogs, SlipPrinter } from './store-ops/ports';
import type { StoreIdentity } from './store-ops/slips';
import { createStoreOps } from './store-ops/store-ops';
import type { StoreOps, StoreOpsConfig } from './store-ops/store-ops';

/**
 * The engine for the mode decided at start (DESIGN.md "Modes"), without Electron, so the shell
 * tests start exactly what the app starts.
 *
 *  - live: the merchant's API domain, ids and credentials; data in <dataDir>/live.
 *  - training: the embedded KICC simulator on 127.0.0.1 (port chosen by the OS) with its own
 *    training credentials and sample receipts; data in <dataDir>/training, WIPED at every start:
 *    the simulator keeps its books in memory, so a training ledger from an earlier run would
 *    disagree with it. Training never touches the live ledger.
 */
export interface DeskEngine {
  services: Services;
  /**
   * The install-wide audit log (issue 11): the LIVE ledger in both modes. Live: the engine's
   * own; training: the live ledger opened beside the training one (training's is wiped at
   * every start, and what happens to the PIN, settings, credentials and mode must outlive it).
   */
  installLedger: Ledger;
  /** the terminal the services talk as */
  terminalId: string;
  simulator: KiccSimulator | null;
  /** the KICC codes the engine takes as "nothing happened" (issue 9), for the review screen too */
  confirmedRefusalCodes: () => readonly string[];
  close(): Promise<void>;
}

export interface DeskEngineDeps {
  mode: ModeDecision;
  settings: StoredSettings;
  /**
   * Live: the KICC codes a manager confirmed to mean "nothing happened" (settings), read at every
   * answer so a change applies at once; default the start's settings.
   */
  confirmedRefusalCodes?: () => readonly string[];
  credentials: CredentialsStore;
  dataDir: string;
  clock: Clock;
  random: () => number;
  log: ShellLog;
  /** the process environment (default process.env): live refuses TLS-weakening variables */
  environment?: Readonly<Record<string, string | undefined>>;
  /**
   * The seals checked at this start (electron/integrity/): until a manager confirms a lost seal,
   * the limits are no higher than the defaults. Absent: nothing is sealed.
   */
  integrity?: InstallIntegrity;
}

/** DESIGN.md is silent: a day, then a manager looks (needs_review). */
export const VERIFICATION_DEADLINE_MS = 24 * 60 * 60 * 1000;

export async function startDeskEngine(deps: DeskEngineDeps): Promise<DeskEngine> {
  const { log } = deps;
  const settings = deps.integrity?.effectiveSettings(deps.settings) ?? deps.settings;
  const sealHead = (ledger: Ledger) => deps.integrity?.sealAuditHead(ledger.audit.head());
  const common = {
    limits: {
      cashierMaxAmount: settings.limits.cashierMaxAmount,
      offlineMaxCount: settings.limits.offlineMaxCount,
      offlineMaxTotal: settings.limits.offlineMaxAmount,
    },
    verificationDeadlineMs: VERIFICATION_DEADLINE_MS,
    clock: deps.clock,
    random: deps.random,
    log: (event: string, fields: Record<string, unknown>) => log.info(event, fields),
  };

  if (deps.mode.mode === 'live') {
    const liveCodes = deps.confirmedRefusalCodes ?? (() => settings.confirmedRefusalCodes);
    const tls = tlsEnvironmentProblem(deps.environment ?? process.env);
    if (tls !== null) {
      log.error('engine: live refused, TLS environment variables are set');
      throw new LiveModeRefusedError(tls);
    }
    const services = createServices({
      ...common,
      dataDir: join(deps.dataDir, 'live'),
      kicc: {
        baseUrl: deps.mode.apiBaseUrl,
        // read at every request: credentials saved later apply without a restart
        credentials: () => {
          const stored = deps.credentials.read();
          return stored.ok ? stored.value : null;
        },
        confirmedRefusalCodes: liveCodes,
      },
      terminal: {
        tid: settings.terminalId,
        svcId: settings.serviceId,
        bizrNo: settings.businessNumber,
      },
    });
    log.info('engine: live', { terminal: settings.terminalId });
    return {
      services,
      confirmedRefusalCodes: liveCodes,
      installLedger: services.ledger,
      terminalId: settings.terminalId,
      simulator: null,
      close: async () => {
        sealHead(services.ledger);
        await services.close();
      },
    };
  }

  const simulator = await startKiccSimulator({ sampleReceipts: true, clock: deps.clock });
  // the simulator IS the KICC in training: its own "nothing happened" codes are confirmed
  const trainingCodes = (): readonly string[] => simulator.refusalCodes;
  const dataDir = join(deps.dataDir, 'training');
  rmSync(dataDir, { recursive: true, force: true });
  const services = createServices({
    ...common,
    dataDir,
    kicc: {
      baseUrl: simulator.url,
      credentials: () => simulator.credentials,
      confirmedRefusalCodes: trainingCodes,
    },
    terminal: simulator.merchant,
  });
  for (const sample of simulator.samples) {
    const added = services.addReceipt(trainingReceiptOf(sample.original), { source: 'training' });
    if (!added.ok)
      log.warn('training: sample receipt refused', { no: sample.no, code: added.error.code });
  }
  const liveDir = join(deps.dataDir, 'live');
  mkdirSync(liveDir, { recursive: true });
  const installLedger = openLedger(join(liveDir, 'ledger.sqlite'));
  log.info('engine: training', { simulator: simulator.url, samples: simulator.samples.length });
  return {
    services,
    confirmedRefusalCodes: trainingCodes,
    installLedger,
    terminalId: simulator.merchant.tid,
    simulator,
    close: async () => {
      sealHead(installLedger);
      installLedger.close();
      await services.close();
      await simulator.close();
    },
  };
}

/** Printed at the top of training slips: nobody can mistake one for a real refund. */
export const TRAINING_STORE_NAME = '교육용 가맹점 (TRAINING)';

/**
 * The training slip's store line: the store's own name when a manager set one, still marked as
 * training (a slip with only the real name could pass for a real refund); TRAINING_STORE_NAME
 * otherwise. Read at every slip, so a name saved in the settings applies at once.
 */
export function trainingStoreName(storeName: string): string {
  return storeName === '' ? TRAINING_STORE_NAME : `${storeName} (교육용 TRAINING)`;
}

/**
 * Who the slips and the end-of-day report name: live, the store's settings (an empty store
 * name prints an empty line); training, the simulator's merchant, marked as training.
 */
export function slipStoreIdentity(
  settings: Pick<StoredSettings, 'storeName' | 'businessNumber' | 'terminalId'>,
  simulator: Pick<KiccSimulator, 'merchant'> | null,
): StoreIdentity {
  return simulator === null
    ? {
        storeName: settings.storeName,
        businessNumber: settings.businessNumber,
        terminalId: settings.terminalId,
      }
    : {
        storeName: trainingStoreName(settings.storeName),
        businessNumber: simulator.merchant.bizrNo,
        terminalId: simulator.merchant.tid,
      };
}

export interface DeskStoreOpsDeps {
  engine: DeskEngine;
  mode: ModeDecision;
  settings: StoreOpsConfig['settings'];
  credentials: CredentialsStore;
  /** <userData>: the PIN file and the mode choice are the install's, shared by both modes */
  dataDir: string;
  clock: Clock;
  random: () => number;
  printer: SlipPrinter;
  dialogs: FileDialogs;
  restart?: () => void;
  /** closes the app once the person confirmed closing with unresolved items (issue 12) */
  quit?: () => void;
  /** tests: cheap scrypt, short idle time */
  manager?: StoreOpsConfig['manager'];
  /** the seals checked at this start (electron/integrity/start.ts) */
  integrity?: InstallIntegrity;
  /** the receipt import's worker (StoreOpsConfig['importWorker']) */
  importWorker?: StoreOpsConfig['importWorker'];
}

/**
 * The store's manager functions (./store-ops/) for the engine of this start: the cancellations'
 * audit is the engine ledger's (training's own, wiped with it); the manager PIN, the mode
 * choice, settings and credentials are the install's (`<dataDir>/manager-pin.json`,
 * `<dataDir>/mode.json`), and so is their audit: the live ledger's (issue 11).
 */
export function createDeskStoreOps(deps: DeskStoreOpsDeps): StoreOps {
  const { engine } = deps;
  const simulator = engine.simulator;
  return createStoreOps({
    ledger: engine.services.ledger,
    confirmedRefusalCodes: engine.confirmedRefusalCodes,
    installLedger: engine.installLedger,
    ...(deps.integrity ? { integrity: deps.integrity } : {}),
    settings: deps.settings,
    credentials: deps.credentials,
    mode: deps.mode,
    store: () => slipStoreIdentity(deps.settings.current(), simulator),
    managerPinFile: join(deps.dataDir, 'manager-pin.json'),
    modePreferenceFile: join(deps.dataDir, 'mode.json'),
    clock: deps.clock,
    random: deps.random,
    printer: deps.printer,
    dialogs: deps.dialogs,
    ...(deps.restart ? { restart: deps.restart } : {}),
    ...(deps.quit ? { quit: deps.quit } : {}),
    // settled-item notices follow the engine's cancellation updates (issue 12)
    cancellationUpdates: engineCancellationUpdates(engine.services),
    ...(deps.manager ? { manager: deps.manager } : {}),
    simulatorUrl: simulator?.url ?? null,
    ...(deps.importWorker ? { importWorker: deps.importWorker } : {}),
  });
}

/** The engine's cancellation updates, for the store operations (settled-item notices). */
export const engineCancellationUpdates =
  (services: Pick<Services, 'subscribe'>): NonNullable<StoreOpsConfig['cancellationUpdates']> =>
  (listener) =>
    services.subscribe((event) => {
      if (event.type === 'cancellation.updated') listener(event.cancellation);
    });
