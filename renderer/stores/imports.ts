import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError } from '../../shared/contract/errors';
import type { ImportProgress, ImportSummary } from '../../shared/contract/manager-models';

/**
 * Receipt import (issue 6): main shows its open dialog, reads the file in its import worker and
 * answers a preview (counts, header problems, conflicts, each row's errors); the import itself is
 * all or nothing and idempotent (main's). The page shows the progress main pushes while it reads
 * (issue 12 finding 8) with a cancel button, then the preview, and offers "import" only when
 * there is nothing to fix.
 */
export interface ImportDone {
  inserted: number;
  alreadyPresent: number;
  repeatedInFile: number;
}

export interface ImportsState {
  /** choosing: main's dialog is open, or the file is being read (`progress` says how far) */
  phase: 'idle' | 'choosing' | 'preview' | 'committing' | 'done';
  /** the last progress main pushed for the file being read; null before the first */
  progress: ImportProgress | null;
  /** the manager pressed cancel; main's answer to the preview is awaited */
  cancelling: boolean;
  summary: ImportSummary | null;
  done: ImportDone | null;
  error: PosError | null;
  choose(): Promise<void>;
  /** stops the file being read (main ends its worker; the preview answers `cancelled`) */
  cancel(): Promise<void>;
  /** main's `import.progress` push */
  applyProgress(progress: ImportProgress): void;
  commit(): Promise<void>;
  reset(): void;
}

/** The preview was stopped by the manager: said calmly, not as a failure. */
export const CANCELLED = 'cancelled';

export type ImportsStore = StoreApi<ImportsState>;

/** Nothing in the file stops the import (main says the same with `refusal: null`). */
export const canCommit = (summary: ImportSummary): boolean =>
  summary.refusal === null &&
  summary.errorRows === 0 &&
  summary.conflicts.length === 0 &&
  summary.headerProblems.length === 0 &&
  summary.validRows > 0;

type ImportsData = Pick<
  ImportsState,
  'phase' | 'progress' | 'cancelling' | 'summary' | 'done' | 'error'
>;

const START: ImportsData = {
  phase: 'idle',
  progress: null,
  cancelling: false,
  summary: null,
  done: null,
  error: null,
};

export function createImportsStore(pos: PosApi): ImportsStore {
  return createStore<ImportsState>()((set, get) => ({
    ...START,

    async choose() {
      if (get().phase === 'choosing' || get().phase === 'committing') return;
      const before = get();
      set({ phase: 'choosing', error: null, done: null, progress: null, cancelling: false });
      const answer = await pos.import.preview();
      set({ progress: null, cancelling: false });
      if (!answer.ok) {
        set({ phase: 'idle', summary: null, error: answer.error });
      } else if (!answer.value.picked) {
        // the dialog was closed: whatever was shown stays
        set({ phase: before.summary === null ? 'idle' : 'preview', done: before.done });
      } else {
        set({ phase: 'preview', summary: answer.value.summary });
      }
    },

    async cancel() {
      if (get().phase !== 'choosing' || get().progress === null) return;
      set({ cancelling: true });
      const answer = await pos.import.cancel();
      // nothing was running (it had just finished): the preview's own answer is on its way
      if (!answer.ok || !answer.value.cancelled) set({ cancelling: false });
    },

    applyProgress(progress) {
      if (get().phase === 'choosing') set({ progress });
    },

    async commit() {
      const { summary, phase } = get();
      if (summary === null || phase !== 'preview' || !canCommit(summary)) return;
      set({ phase: 'committing', error: null });
      const answer = await pos.import.commit({ token: summary.token });
      set(
        answer.ok
          ? { phase: 'done', done: answer.value }
          : { phase: 'preview', error: answer.error },
      );
    },

    reset: () => set(START),
  }));
}
