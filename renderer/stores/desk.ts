import type { PosApi } from '../../shared/contract/api';
import type { Language } from '../i18n/translate';
import { createAuditStore, type AuditStore } from './audit';
import { createCancelStore, type CancelStore } from './cancel';
import { createHistoryStore, type HistoryStore } from './history';
import { createImportsStore, type ImportsStore } from './imports';
import { createIntegrityStore, type IntegrityStore } from './integrity';
import { createLookupStore, type LookupStore } from './lookup';
import { createManagerStore, type ManagerStore } from './manager';
import { createNavStore, type NavStore } from './nav';
import { createPaperStore, type PaperStore } from './paper';
import { createQueueStore, type QueueStore } from './queue';
import { createReportsStore, type ReportsStore } from './reports';
import { createReviewStore, type ReviewStore } from './review';
import { createSettingsScreenStore, type SettingsScreenStore } from './settings';
import { createNoticeStore, type NoticeStore } from './settlements';
import { createPrintersStore, type PrintersStore } from './printers';
import { createBackupStore, type BackupStore } from './backup';
import { createCorrectionStore, type CorrectionStore } from './correction';
import { createSlipStore, type SlipStore } from './slip';
import { createStatusStore, type StatusStore } from './status';

/**
 * Every store of the desk, built around one `window.pos` (the only way out of the page:
 * DESIGN.md "The shape"). Tests build a desk around a fake PosApi.
 */
export interface Desk {
  pos: PosApi;
  nav: NavStore;
  status: StatusStore;
  lookup: LookupStore;
  paper: PaperStore;
  cancel: CancelStore;
  queue: QueueStore;
  history: HistoryStore;
  slip: SlipStore;
  /** settled-item notices, the quit warning, the backup's outcome (issue 12) */
  notices: NoticeStore;
  /** a manager's correction of a paper receipt's amounts (issue 12) */
  correction: CorrectionStore;
  // the manager's (issue 6)
  manager: ManagerStore;
  review: ReviewStore;
  audit: AuditStore;
  settings: SettingsScreenStore;
  /** the settings' printer list and test print, and the backup panel (issue 12) */
  printers: PrintersStore;
  backup: BackupStore;
  reports: ReportsStore;
  imports: ImportsStore;
  /** files changed outside the app, waiting for a manager (issue 11) */
  integrity: IntegrityStore;
  /** the page's clock (epoch ms): lock-out countdowns, today's date for reports */
  now(): number;
  /** loads the first state and listens to main; returns the function that stops listening */
  start(): () => void;
}

export interface DeskOptions {
  language?: Language;
  newId?: () => string;
  now?: () => number;
}

export function createDesk(pos: PosApi, options: DeskOptions = {}): Desk {
  /** the cashier switched the language (F7) since start: main's saved one no longer applies */
  let languageChosen = false;
  const nav = createNavStore(options.language ?? 'ko', (language) => {
    languageChosen = true;
    // Best effort: the switch works now even if saving it fails; the next start says ko again.
    void pos.settings.update({ language });
  });
  const now = options.now ?? (() => Date.now());
  const status = createStatusStore(pos);
  const lookup = createLookupStore(pos, now);
  const paper = createPaperStore(pos);
  const queue = createQueueStore(pos);
  const history = createHistoryStore(pos);
  const slip = createSlipStore(pos);
  const manager = createManagerStore({
    pos,
    onManager: () => nav.getState().go('manager'),
    onEnded: () => nav.getState().closeManagerScreens(),
  });
  const cancel = createCancelStore({
    pos,
    limits: () => status.getState().settings?.limits ?? null,
    cashiers: () => status.getState().settings?.cashiers ?? null,
    newId: options.newId ?? (() => crypto.randomUUID()),
    onOutcome: () => nav.getState().replace('outcome'),
    role: () => manager.getState().status?.role ?? null,
  });
  const notices = createNoticeStore(pos);
  const correction = createCorrectionStore({
    pos,
    onCorrected: (receipt) => {
      cancel.getState().receiptCorrected(receipt);
      lookup.getState().updateReceipt(receipt);
    },
  });
  const review = createReviewStore(pos);
  const audit = createAuditStore(pos);
  const settings = createSettingsScreenStore({
    pos,
    now,
    onSaved: (saved) => {
      status.setState({ settings: saved });
      if (saved.language !== nav.getState().language) nav.setState({ language: saved.language });
    },
  });
  const reports = createReportsStore(pos, now);
  const printers = createPrintersStore(pos);
  const backup = createBackupStore(pos);
  const imports = createImportsStore(pos);
  const integrity = createIntegrityStore(pos);

  const start = (): (() => void) => {
    const stopStatus = status.getState().listen();
    const stops = [
      stopStatus,
      pos.on('cancellation.updated', (cancellation) => {
        cancel.getState().applyUpdate(cancellation);
        queue.getState().applyUpdate(cancellation);
        history.getState().applyUpdate(cancellation);
        review.getState().applyUpdate(cancellation);
        const receipt = lookup.getState().results.find((r) => r.id === cancellation.receiptId);
        if (receipt) {
          lookup.getState().updateReceipt({
            ...receipt,
            cancellation: { id: cancellation.id, state: cancellation.state },
          });
        }
      }),
      pos.on('queue.summary', (summary) => {
        queue.getState().setSummary(summary);
        // A missed push must not leave an amber screen stale: any queue movement re-reads it.
        const shown = cancel.getState().cancellation;
        if (shown && shown.state !== 'cancelled' && shown.state !== 'rejected') {
          void cancel.getState().refresh();
        }
      }),
      // manager mode began or ended in main (login, logout, idle timeout, lock screen)
      pos.on('manager.changed', (managerStatus) => manager.getState().apply(managerStatus)),
      // how far main's import worker has read the file the manager picked
      pos.on('import.progress', (progress) => imports.getState().applyProgress(progress)),
      // issue 12: what was waited for settled; closing is held; a backup ended
      pos.on('cancellation.settled', (notice) => notices.getState().apply(notice)),
      pos.on('app.quitRequested', (warning) => notices.getState().askQuit(warning)),
      pos.on('backup.finished', (result) => notices.getState().showBackup(result)),
    ];
    void notices.getState().load();
    void manager.getState().load();
    void integrity.getState().load();
    void status
      .getState()
      .load()
      .then(() => {
        // a switch made while main was still answering (F7 at once) is the cashier's: it stands
        const saved = status.getState().info?.language;
        if (saved && options.language === undefined && !languageChosen) {
          nav.setState({ language: saved });
        }
      });
    return () => stops.forEach((stop) => stop());
  };

  return {
    pos,
    nav,
    status,
    lookup,
    paper,
    cancel,
    queue,
    history,
    slip,
    notices,
    correction,
    manager,
    review,
    audit,
    settings,
    printers,
    backup,
    reports,
    imports,
    integrity,
    now,
    start,
  };
}
