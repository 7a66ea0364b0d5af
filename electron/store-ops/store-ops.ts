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
} from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { JsonObject } from '../audit/canonical';
import { auditEventView } from '../audit/view';
import type { CancellationView } from '../cancellations/views';
import type { DeskEvent } from '../ipc/port';
import type { KiccCredentials } from '../kicc/signing';
import type { LockoutPolicy } from '../manager/lockout';
import { createPinFileStore } from '../manager/pin-file-store';
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
  settings: { current(): StoredSettings };
  credentials: { read(): Result<KiccCredentials | null, PosError> };
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
  /**
   * Whether a manager PIN was ever set, known outside this start's ledger (training: the live
   * ledger's audit log; the training ledger is wiped at every start).
   */
  pinEverSetElsewhere?: () => boolean;
  manager?: { scrypt?: ScryptParams; lockout?: LockoutPolicy; idleTimeoutMs?: number };
  /** default: a random UUID */
  newToken?: () => string;
  /** the app's own simulator (training): the one plain-http address "test connection" may use */
  simulatorUrl?: string | null;
  /** tests: a KICC client with short timeouts */
  createConnectionClient?: ConnectionCallDeps['createClient'];
}

const PIN_SET_KINDS = ['manager.pin_set', 'manager.pin_reset_after_loss'];

export function createStoreOps(config: StoreOpsConfig) {
  const { ledger, clock } = config;
  const files = config.files ?? nodeStoreFiles;
  const listeners = new Set<(event: DeskEvent) => void>();
  const emit = (event: DeskEvent): void => {
    for (const listener of [...listeners]) listener(event);
  };

  const role = createManagerRole({
    store: createPinFileStore(config.managerPinFile),
    clock,
    ...(config.manager?.scrypt ? { scrypt: config.manager.scrypt } : {}),
    ...(config.manager?.lockout ? { lockout: config.manager.lockout } : {}),
    ...(config.manager?.idleTimeoutMs ? { idleTimeoutMs: config.manager.idleTimeoutMs } : {}),
    pinEverSet: () =>
      PIN_SET_KINDS.some((kind) => ledger.audit.list({ kind, limit: 1 }).length > 0) ||
      (config.pinEverSetElsewhere?.() ?? false),
    audit: (event) => ledger.write(() => ledger.audit.record(event)),
  });
  role.subscribe((status) => emit({ event: 'manager.changed', payload: status }));

  const actor = (): string => (role.isManager() ? 'manager' : 'cashier');
  const language = (): Language => config.settings.current().language;
  const printerName = (): string => config.settings.current().printerName;
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
    const next = decideStartMode(config.settings.current(), config.credentials.read(), preference);
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
  const imports = createImportSession({
    ledger,
    clock,
    dialogs: config.dialogs,
    files,
    newToken: config.newToken ?? randomUUID,
    actor,
  });

  return {
    /** the role: main's own, checked by the IPC layer for every manager channel */
    manager: role,

    review: {
      get: (id: string) => getReview(ledger, id),
      resolve: (input: ReviewResolution) => changed(resolveReview(ledger, clock, input, actor())),
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
      record('connection.tested', 'settings', {
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
        record('mode.switched', 'mode', { from: before.preference, to: preference });
        return modeStatus();
      },
    },

    restart(): PosResult<{ restarting: boolean }> {
      if (!config.restart) return { ok: false, error: storeOpsErrors.restartUnavailable() };
      record('app.restart_requested', 'app', { mode: config.mode.mode });
      config.restart();
      return { ok: true, value: { restarting: true } };
    },

    reports,
    slips,
    import: imports,

    /** After settings.update succeeded: what changed, with old and new values. */
    settingsChanged(before: Settings, after: Settings): void {
      const changes = settingsChanges(before, after);
      if (Object.keys(changes).length > 0) record('settings.changed', 'settings', { changes });
    },

    /** After credentials were saved or cleared: that they changed, never what they are. */
    credentialsChanged(kind: 'set' | 'cleared'): void {
      record(`credentials.${kind}`, 'credentials', { changed: [...CREDENTIAL_NAMES] });
    },

    subscribe(listener: (event: DeskEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type StoreOps = ReturnType<typeof createStoreOps>;
