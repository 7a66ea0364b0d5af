import { randomUUID } from 'node:crypto';
import type { Clock } from '../../shared/clock';
import type {
  AuditVerification,
  ChannelRequest,
  ConnectionTest,
  Language,
  ModeStatus,
  PosError,
  PosResult,
  Settings,
  SettingsPatch,
} from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { JsonObject } from '../audit/canonical';
import { auditEventView } from '../audit/view';
import type { CancellationView } from '../cancellations/views';
import type { DeskEvent } from '../ipc/port';
import type { ImportLimits } from '../import/limits';
import { importLimits } from '../import/limits';
import type { KiccCredentials } from '../kicc/signing';
import type { LockoutPolicy } from '../manager/lockout';
import { createPinFileStore } from '../manager/pin-file-store';
import { sealedPinStore } from '../integrity/sealed-pin-store';
import { unavailableIntegrity } from '../integrity/install-integrity';
import type { InstallIntegrity } from '../integrity/install-integrity';
import type { RecordedAuditEvent } from '../ledger/audit';
import { publicSettings } from '../settings/schema';
import { createIntegrityOps } from './integrity-ops';
import type { ScryptParams } from '../manager/pin-hash';
import type { Ledger } from '../ledger/ledger';
import type { Cancellation } from '../ledger/types';
import type { ModeDecision } from '../settings/mode';
import type { StoredSettings } from '../settings/schema';
import { testConnection } from './connection-call';
import type { ConnectionCallDeps } from './connection-call';
import { storeOpsErrors } from './errors';
import { nodeStoreFiles } from './files';
import { createImportSession } from './import-session';
import { createManagerRole } from './manager-role';
import { createModePreferenceStore, decideStartMode, modeStatusOf } from './mode';
import type { FileDialogs, SlipPrinter, StoreFiles } from './ports';
import { createReports } from './reports';
import { getReview, viewOf } from './review';
import { reopenReview, resolveReview } from './review-resolution';
import type { ReviewReopening, ReviewResolution } from './review-resolution';
import { CREDENTIAL_NAMES, settingsChanges } from './settings-audit';
import { createSlips } from './slips';
import { createCounterOps } from '../counter/counter-ops';
import type { StoreIdentity } from './slips';

/**
 * Everything around the cancel button that a store needs to run for real (issue 6), built from
 * plain config like createServices: roles and approval, needs_review resolution, the audit
 * log's check, reports, slips, receipt import, "test connection", the mode switch. No electron
 * import here or below: main.ts passes Electron's printer and dialogs (./ports.ts) and the shell
 * tests pass fakes. docs/manager.md "Store operations" shows the wiring.
 */
export interface StoreOpsConfig {
  /** the ledger of this start (createServices' `ledger`): it holds the audit log */
  ledger: Ledger;
  /**
   * The install-wide audit log (issue 11 "install-wide state and its audit outlive training"):
   * events about the PIN, settings, credentials, the mode and the files' integrity. The LIVE
   * ledger in both modes (training's is wiped at every start). Default: `ledger`.
   */
  installLedger?: Ledger;
  /** the seals of the install's files (electron/integrity/); absent: nothing is sealed */
  integrity?: InstallIntegrity;
  /**
   * The KICC codes the engine takes as "nothing happened" (desk-engine.ts: settings live, the
   * simulator's own in training): the review screen reads a refusal the same way (issue 9).
   * Default none.
   */
  confirmedRefusalCodes?: () => readonly string[];
  settings: {
    current(): StoredSettings;
    /** for a manager applying a file's changed values (integrity.confirm) */
    update?(patch: SettingsPatch): PosResult<Settings>;
    /** the backup folder, from main's own dialog (issue 12); absent where it cannot be saved */
    setBackupFolder?(folder: string): PosResult<Settings>;
  };
  credentials: {
    read(): Result<KiccCredentials | null, PosError>;
    /** a PIN reset without the recovery code clears them (issue 11) */
    clear?(): Result<null, PosError>;
  };
  /** what this start decided (training or live) */
  mode: ModeDecision;
  /** who the slips name (the training merchant in training) */
  store: () => StoreIdentity;
  /** <userData>/manager-pin.json: one manager PIN for the install, whatever the mode */
  managerPinFile: string;
  /** <userData>/mode.json: the manager's choice of training */
  modePreferenceFile: string;
  clock: Clock;
  random: () => number;
  printer: SlipPrinter;
  dialogs: FileDialogs;
  files?: StoreFiles;
  /** closes the app cleanly and starts it again; absent where that cannot be done */
  restart?: () => void;
  manager?: { scrypt?: ScryptParams; lockout?: LockoutPolicy; idleTimeoutMs?: number };
  /** default: a random UUID */
  newToken?: () => string;
  /** the app's own simulator (training): the one plain-http address "test connection" may use */
  simulatorUrl?: string | null;
  /** tests: a KICC client with short timeouts */
  createConnectionClient?: ConnectionCallDeps['createClient'];
  /**
   * The receipt import's worker: the built out/main/import-worker.js (main.ts), or the source
   * under tsx (tests); absent, import.preview answers `import-unavailable`. `limits` default to
   * ../import/limits.ts DEFAULT_IMPORT_LIMITS (tests make them small).
   */
  importWorker?: { file: string | URL; limits?: Partial<ImportLimits> };
  /** the engine's cancellation updates (settled-item notices, issue 12) */
  cancellationUpdates?: (listener: (cancellation: CancellationView) => void) => () => void;
  /** closes the app (the page confirmed closing with unresolved items); absent in tests */
  quit?: () => void;
}

const PIN_SET_KINDS = ['manager.pin_set', 'manager.pin_reset_after_loss'];

export function createStoreOps(config: StoreOpsConfig) {
  const { ledger, clock } = config;
  const confirmedCodes = config.confirmedRefusalCodes ?? ((): readonly string[] => []);
  const installLedger = config.installLedger ?? ledger;
  const integrity = config.integrity ?? unavailableIntegrity();
  const files = config.files ?? nodeStoreFiles;
  const listeners = new Set<(event: DeskEvent) => void>();
  const emit = (event: DeskEvent): void => {
    // a manager's resolution settles what the cashier waited for, like the engine's updates
    if (event.event === 'cancellation.updated') counter.settlements.observe(event.payload);
    for (const listener of [...listeners]) listener(event);
  };

  /** An install-wide event: into the live log, whose head is sealed again at once. */
  const recordInstall = (event: RecordedAuditEvent): void => {
    installLedger.write(() => installLedger.audit.record(event));
    integrity.sealAuditHead(installLedger.audit.head());
  };
  for (const started of integrity.takeStartEvents()) {
    recordInstall({
      at: clock.now(),
      actor: 'app',
      kind: started.kind,
      subject: 'integrity',
      details: started.details,
    });
  }

  const role = createManagerRole({
    store: sealedPinStore(createPinFileStore(config.managerPinFile), integrity),
    clock,
    ...(config.manager?.scrypt ? { scrypt: config.manager.scrypt } : {}),
    ...(config.manager?.lockout ? { lockout: config.manager.lockout } : {}),
    ...(config.manager?.idleTimeoutMs ? { idleTimeoutMs: config.manager.idleTimeoutMs } : {}),
    // "a PIN was ever set" (issue 11): the seal, or either audit log, remembers it
    pinEverSet: () =>
      integrity.pin.everSet() ||
      [installLedger, ledger].some((log) =>
        PIN_SET_KINDS.some((kind) => log.audit.list({ kind, limit: 1 }).length > 0),
      ),
    trust: integrity.pin.trust,
    ...(integrity.state === 'sealed'
      ? { recovery: { current: integrity.pin.recovery, replace: integrity.pin.setRecovery } }
      : {}),
    onResetWithoutRecovery: () => clearCredentialsAfterReset(),
    audit: recordInstall,
  });
  role.subscribe((status) => emit({ event: 'manager.changed', payload: status }));

  const actor = (): string => (role.isManager() ? 'manager' : 'cashier');
  const language = (): Language => config.settings.current().language;
  const printerName = (): string => config.settings.current().printerName;
  /** An event of this start's ledger (training's own in training). */
  const record = (kind: string, subject: string, details: JsonObject) =>
    ledger.write(() =>
      ledger.audit.record({
        at: clock.now(),
        actor: actor(),
        kind,
        subject,
        details,
      }),
    );
  /** An event about the install (PIN, settings, credentials, mode, connection, integrity). */
  const recordForInstall = (kind: string, subject: string, details: JsonObject) =>
    recordInstall({ at: clock.now(), actor: actor(), kind, subject, details });

  /** A new PIN without the recovery code: whoever set it must enter KICC's credentials again. */
  function clearCredentialsAfterReset(): boolean {
    const stored = config.credentials.read();
    const present = !stored.ok || stored.value !== null;
    if (!present || !config.credentials.clear) return false;
    if (!config.credentials.clear().ok) return false;
    recordForInstall('credentials.cleared', 'credentials', {
      changed: [...CREDENTIAL_NAMES],
      because: 'pin-reset-without-recovery-code',
    });
    return true;
  }

  /** a manager's change to a cancellation, pushed to the page like any other change */
  const changed = (result: PosResult<Cancellation>): PosResult<CancellationView> => {
    if (!result.ok) return result;
    const view = viewOf(ledger, result.value);
    emit({ event: 'cancellation.updated', payload: view });
    return { ok: true, value: view };
  };

  const modeStore = createModePreferenceStore(config.modePreferenceFile);
  const modeStatus = (): ModeStatus => {
    const preference = modeStore.load();
    const next = decideStartMode(
      config.settings.current(),
      config.credentials.read(),
      preference,
      integrity.liveBlockedBy(),
    );
    return modeStatusOf(config.mode, next, preference.preference);
  };

  const slips = createSlips({
    ledger,
    now: clock.now,
    store: config.store,
    language,
    printerName,
    printer: config.printer,
    actor,
  });
  const reports = createReports({
    ledger,
    now: clock.now,
    store: config.store,
    language,
    printerName,
    printer: config.printer,
    dialogs: config.dialogs,
    files,
    actor,
  });
  const counter = createCounterOps({
    ledger,
    clock,
    printer: config.printer,
    store: config.store,
    language,
    actor,
    settings: config.settings,
    dialogs: config.dialogs,
    mode: config.mode.mode,
    printSlip: (id) => slips.print(id),
    record,
    recordForInstall,
    emit,
    ...(config.quit ? { quit: config.quit } : {}),
  });
  config.cancellationUpdates?.((cancellation) => counter.settlements.observe(cancellation));

  const imports = createImportSession({
    ledger,
    clock,
    dialogs: config.dialogs,
    files,
    newToken: config.newToken ?? randomUUID,
    actor,
    worker: config.importWorker
      ? { file: config.importWorker.file, limits: importLimits(config.importWorker.limits) }
      : null,
    progress: (payload) => emit({ event: 'import.progress', payload }),
  });

  function settingsChanged(before: Settings, after: Settings): void {
    integrity.sealSettings(config.settings.current());
    const changes = settingsChanges(before, after);
    if (Object.keys(changes).length > 0)
      recordForInstall('settings.changed', 'settings', { changes });
  }

  const integrityOps = createIntegrityOps({
    integrity,
    settings: config.settings,
    record: recordForInstall,
    settingsChanged,
    getSettings: () => publicSettings(config.settings.current()),
  });

  return {
    /** files changed outside the app, and the manager's confirmation (issue 11) */
    integrity: integrityOps,

    /** the role: main's own, checked by the IPC layer for every manager channel */
    manager: role,

    review: {
      get: (id: string) => getReview(ledger, id, confirmedCodes()),
      resolve: (input: ReviewResolution) =>
        changed(resolveReview(ledger, clock, input, actor(), confirmedCodes())),
      reopen: (input: ReviewReopening) => changed(reopenReview(ledger, clock, input, actor())),
    },

    audit: {
      verify(input: ChannelRequest<'audit.verify'>): AuditVerification {
        const checked = ledger.audit.verify(
          input.checkpoint === undefined ? {} : { checkpoint: input.checkpoint },
        );
        const verification: AuditVerification = checked.ok
          ? { intact: true, count: checked.count, head: checked.head, problem: null }
          : {
              intact: false,
              count: ledger.audit.head()?.seq ?? 0,
              head: ledger.audit.head(),
              problem: { at: checked.at, kind: checked.problem, message: checked.message },
            };
        record('audit.verified', 'audit', {
          intact: verification.intact,
          problemAt: verification.problem?.at ?? null,
          withCheckpoint: input.checkpoint !== undefined,
        });
        return verification;
      },
      list(input: ChannelRequest<'audit.list'>) {
        return {
          events: ledger.audit
            .list({
              afterSeq: input.afterSeq,
              limit: input.limit,
              ...(input.subject === undefined ? {} : { subject: input.subject }),
            })
            .map(auditEventView),
          head: ledger.audit.head(),
        };
      },
    },

    async testConnection(): Promise<ConnectionTest> {
      const stored = config.credentials.read();
      const tested = await testConnection({
        settings: config.settings.current(),
        credentials: stored.ok ? stored.value : null,
        clock,
        random: config.random,
        simulatorUrl: config.simulatorUrl ?? null,
        ...(config.createConnectionClient ? { createClient: config.createConnectionClient } : {}),
      });
      recordForInstall('connection.tested', 'settings', {
        result: tested.result,
        httpStatus: tested.httpStatus,
        respCd: tested.respCd,
      });
      return tested;
    },

    mode: {
      status: modeStatus,
      switchTo(to: 'training' | 'live'): ModeStatus {
        const before = modeStore.load();
        const preference = to === 'training' ? 'training' : 'auto';
        modeStore.save(preference);
        integrity.sealMode(preference);
        recordForInstall('mode.switched', 'mode', { from: before.preference, to: preference });
        return modeStatus();
      },
    },

    restart(): PosResult<{ restarting: boolean }> {
      if (!config.restart) return { ok: false, error: storeOpsErrors.restartUnavailable() };
      recordForInstall('app.restart_requested', 'app', { mode: config.mode.mode });
      // asked for by the manager: closing for the restart needs no question (issue 12)
      counter.quit.allow();
      config.restart();
      return { ok: true, value: { restarting: true } };
    },

    reports: {
      ...reports,
      /**
       * The day's close is the end-of-day summary printed: the ledger is then backed up to the
       * manager's folder (issue 12 finding 9); the outcome arrives as `backup.finished`.
       */
      async printEndOfDay(...args: Parameters<typeof reports.printEndOfDay>) {
        const printed = await reports.printEndOfDay(...args);
        void counter.backup.atClose().catch(() => null);
        return printed;
      },
    },
    slips,
    import: imports,
    /** the counter's day (issue 12): corrections, printers, notices, the quit guard */
    counter,

    /** After settings.update succeeded: what changed, with old and new values; sealed again. */
    settingsChanged,

    /**
     * After credentials were saved or cleared: that they changed (and why, when the app cleared
     * them itself), never what they are.
     */
    credentialsChanged(kind: 'set' | 'cleared', because?: 'api-address-changed'): void {
      recordForInstall(`credentials.${kind}`, 'credentials', {
        changed: [...CREDENTIAL_NAMES],
        ...(because === undefined ? {} : { because }),
      });
    },

    subscribe(listener: (event: DeskEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type StoreOps = ReturnType<typeof createStoreOps>;
