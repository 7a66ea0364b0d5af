import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type {
  BackupResult,
  QuitWarning,
  SettledNotice,
} from '../../shared/contract/counter-models';
import type { PosError } from '../../shared/contract/errors';
import type { PrintResult } from '../../shared/contract/manager-models';
import type { Language } from '../i18n/translate';

/**
 * What main tells the cashier wherever they are (issue 12 finding 1): a cancellation they were
 * waiting for became final (settled notices, with a one-key print of the final slip), the app
 * is being closed while cancellations are unresolved (the quit warning), a backup ended.
 * Main keeps the notices until the cashier dismisses them (`settlements.list` after a reload).
 */
export interface NoticeState {
  notices: readonly SettledNotice[];
  /** the slip being printed from a notice (its cancellation id) */
  printing: string | null;
  /** a print from a notice that failed, by cancellation id */
  printProblems: Readonly<Record<string, PrintResult['problem']>>;
  error: PosError | null;
  /** closing the app was held: the list to show, or null */
  quit: QuitWarning | null;
  quitting: boolean;
  /** the app was asked to close and did not */
  quitFailed: boolean;
  /** the last backup's outcome, until dismissed */
  backup: BackupResult | null;
  load(): Promise<void>;
  apply(notice: SettledNotice): void;
  /** prints the notice's final slip; a printed slip's notice is dismissed */
  print(id: string, language: Language): Promise<void>;
  dismiss(id: string): Promise<void>;
  askQuit(warning: QuitWarning): void;
  keepWorking(): void;
  confirmQuit(): Promise<void>;
  showBackup(result: BackupResult): void;
  dismissBackup(): void;
}

export type NoticeStore = StoreApi<NoticeState>;

/**
 * A notice whose final slip is still to print: only a final one (needs_review's would still
 * say "확인 중"), and not one main already printed by itself.
 */
export const printable = (notice: SettledNotice): boolean =>
  (notice.cancellation.state === 'cancelled' || notice.cancellation.state === 'rejected') &&
  notice.autoPrint?.printed !== true;

export function createNoticeStore(pos: PosApi): NoticeStore {
  return createStore<NoticeState>()((set, get) => ({
    notices: [],
    printing: null,
    printProblems: {},
    error: null,
    quit: null,
    quitting: false,
    quitFailed: false,
    backup: null,

    async load() {
      const answer = await pos.settlements.list({});
      if (answer.ok) set({ notices: answer.value.notices });
    },

    apply: (notice) =>
      set((state) => {
        const others = state.notices.filter((n) => n.cancellation.id !== notice.cancellation.id);
        const { [notice.cancellation.id]: _old, ...problems } = state.printProblems;
        return {
          notices: [...others, notice].sort((a, b) => a.settledAt - b.settledAt),
          printProblems: problems,
        };
      }),

    async print(id, language) {
      if (get().printing !== null) return;
      set({ printing: id, error: null });
      const answer = await pos.slips.print({ id, language });
      set({ printing: null });
      if (!answer.ok) {
        set({ error: answer.error });
        return;
      }
      if (answer.value.printed) {
        await get().dismiss(id);
        return;
      }
      set((state) => ({ printProblems: { ...state.printProblems, [id]: answer.value.problem } }));
    },

    async dismiss(id) {
      // gone from the screen at once; main's answer is the list as it now stands
      set((state) => ({ notices: state.notices.filter((n) => n.cancellation.id !== id) }));
      const answer = await pos.settlements.dismiss({ id });
      if (answer.ok) set({ notices: answer.value.notices });
    },

    askQuit: (warning) => set({ quit: warning, quitting: false, quitFailed: false }),
    keepWorking: () => set({ quit: null, quitting: false, quitFailed: false }),
    async confirmQuit() {
      if (get().quitting) return;
      set({ quitting: true, quitFailed: false });
      const answer = await pos.app.quit({});
      // main closes the window; if it cannot (or did not answer), the dialog stays to say so
      if (!answer.ok || !answer.value.quitting) set({ quitting: false, quitFailed: true });
    },

    showBackup: (result) => set({ backup: result }),
    dismissBackup: () => set({ backup: null }),
  }));
}
