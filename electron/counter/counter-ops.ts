import type { Clock } from '../../shared/clock';
import type {
  BackupResult,
  BackupStatus,
  Language,
  PosResult,
  PrintResult,
  ReceiptCorrection,
  Settings,
  SettledNotice,
} from '../../shared/contract';
import type { JsonObject } from '../audit/canonical';
import type { CancellationView } from '../cancellations/views';
import type { DeskEvent } from '../ipc/port';
import type { Ledger } from '../ledger/ledger';
import type { CancellationState } from '../ledger/types';
import type { StoredSettings } from '../settings/schema';
import type { FileDialogs, SlipPrinter } from '../store-ops/ports';
import { viewOf } from '../store-ops/review';
import type { StoreIdentity } from '../store-ops/slips';
import { createBackups } from './backup';
import { createPrinterOps } from './printers';
import { createQuitGuard, UNRESOLVED_STATES } from './quit';
import { correctPaperReceipt } from './receipt-correction';
import { createSettlements, WAITING_STATES } from './settlements';

/**
 * The counter's day (issue 12), built like the other store operations from plain config: the
 * paper receipt's amount correction, the printer list and test print, the settled-item notices,
 * and the quit guard. No electron import: electron/counter/electron-quit.ts wires the guard to
 * the window, electron/printing/ gives the printer.
 */
export interface CounterOpsDeps {
  ledger: Ledger;
  clock: Clock;
  printer: SlipPrinter;
  store: () => StoreIdentity;
  language: () => Language;
  /** who is at the screen, as main knows it */
  actor: () => string;
  settings: {
    current(): StoredSettings;
    /** the backup folder is main's own setting (its dialog); absent where it cannot be saved */
    setBackupFolder?(folder: string): PosResult<Settings>;
  };
  dialogs: FileDialogs;
  /** the ledger this start runs on */
  mode: 'live' | 'training';
  printSlip: (id: string) => Promise<PosResult<PrintResult>>;
  /** an event of this start's ledger (a backup of it) */
  record: (kind: string, subject: string, details: JsonObject) => void;
  /**
   * an event about the install (the printer and backup folder settings, closing the app): into
   * the live log, which training never wipes (issue 11); default `record`
   */
  recordForInstall?: (kind: string, subject: string, details: JsonObject) => void;
  emit: (event: DeskEvent) => void;
  /** closes the app (Electron's app.quit); absent where there is no app to close */
  quit?: () => void;
}

export function createCounterOps(deps: CounterOpsDeps) {
  const { ledger } = deps;
  const recordForInstall = deps.recordForInstall ?? deps.record;
  const inStates = (states: readonly CancellationState[]): CancellationView[] =>
    ledger.cancellations.list({ states, limit: 100_000, offset: 0 }).map((c) => viewOf(ledger, c));

  const settlements = createSettlements({
    waiting: () => inStates(WAITING_STATES),
    now: deps.clock.now,
    autoPrint: () => deps.settings.current().autoPrintSettled,
    printSlip: deps.printSlip,
    notify: (notice: SettledNotice) =>
      deps.emit({ event: 'cancellation.settled', payload: notice }),
  });

  const quit = createQuitGuard({
    unresolved: () => inStates(UNRESOLVED_STATES),
    ask: (warning) => deps.emit({ event: 'app.quitRequested', payload: warning }),
    quit: () => deps.quit?.(),
  });

  const backups = createBackups({
    ledger,
    mode: deps.mode,
    folder: () => deps.settings.current().backupFolder,
    clock: deps.clock,
    record: deps.record,
  });
  const backupStatus = (): BackupStatus => ({
    folder: deps.settings.current().backupFolder,
    last: backups.last(),
  });
  const runBackup = async (trigger: BackupResult['trigger']): Promise<BackupResult> => {
    const result = await backups.run(trigger);
    deps.emit({ event: 'backup.finished', payload: result });
    return result;
  };

  return {
    correctReceipt: (input: ReceiptCorrection) =>
      correctPaperReceipt(ledger, deps.clock, input, deps.actor()),
    printers: createPrinterOps({
      printer: deps.printer,
      store: deps.store,
      language: deps.language,
      now: deps.clock.now,
      record: recordForInstall,
    }),
    settlements,
    quit,
    backup: {
      status: backupStatus,
      /** The manager chooses the folder in main's dialog (or stops backing up). */
      async folder(action: 'choose' | 'clear'): Promise<PosResult<BackupStatus>> {
        const before = deps.settings.current().backupFolder;
        const chosen = action === 'clear' ? '' : await deps.dialogs.chooseBackupFolder();
        if (chosen === null || chosen === before) return { ok: true, value: backupStatus() };
        const saved = deps.settings.setBackupFolder?.(chosen);
        if (saved === undefined) {
          return {
            ok: false,
            error: {
              code: 'settings-not-saved',
              message: {
                ko: '백업 폴더를 저장할 수 없습니다.',
                en: 'The backup folder cannot be saved.',
              },
            },
          };
        }
        if (!saved.ok) return saved;
        recordForInstall('backup.folder_changed', 'settings', { from: before, to: chosen });
        return { ok: true, value: backupStatus() };
      },
      run: runBackup,
      /** The day's close (the end-of-day summary printed): a backup when a folder is chosen. */
      async atClose(): Promise<BackupResult | null> {
        if (deps.settings.current().backupFolder === '') return null;
        return runBackup('close');
      },
    },
    /** the page confirmed closing the app */
    confirmQuit(): { quitting: boolean } {
      if (deps.quit === undefined) return { quitting: false };
      recordForInstall('app.quit_confirmed', 'app', { unresolved: quit.warning().count });
      quit.confirm();
      return { quitting: true };
    },
  };
}

export type CounterOps = ReturnType<typeof createCounterOps>;
