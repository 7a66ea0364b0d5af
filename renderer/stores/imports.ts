import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError } from '../../shared/contract/errors';
import type { ImportSummary } from '../../shared/contract/manager-models';

/**
 * Receipt import (issue 6): main shows its open dialog, reads the file and answers a preview
 * (counts, header problems, conflicts, each row's errors); the import itself is all or nothing
 * and idempotent (main's). The page only shows the preview and offers "import" when there is
 * nothing to fix.
 */
export interface ImportDone {
  inserted: number;
  alreadyPresent: number;
  repeatedInFile: number;
}

export interface ImportsState {
  phase: 'idle' | 'choosing' | 'preview' | 'committing' | 'done';
  summary: ImportSummary | null;
  done: ImportDone | null;
  error: PosError | null;
  choose(): Promise<void>;
  commit(): Promise<void>;
  reset(): void;
}

export type ImportsStore = StoreApi<ImportsState>;

/** Nothing in the file stops the import (main says the same with `refusal: null`). */
export const canCommit = (summary: ImportSummary): boolean =>
  summary.refusal === null &&
  summary.errorRows === 0 &&
  summary.conflicts.length === 0 &&
  summary.headerProblems.length === 0 &&
  summary.validRows > 0;

export function createImportsStore(pos: PosApi): ImportsStore {
  return createStore<ImportsState>()((set, get) => ({
    phase: 'idle',
    summary: null,
    done: null,
    error: null,

    async choose() {
      if (get().phase === 'choosing' || get().phase === 'committing') return;
      const before = get();
      set({ phase: 'choosing', error: null, done: null });
      const answer = await pos.import.preview();
      if (!answer.ok) {
        set({ phase: 'idle', summary: null, error: answer.error });
      } else if (!answer.value.picked) {
        // the dialog was closed: whatever was shown stays
        set({ phase: before.summary === null ? 'idle' : 'preview', done: before.done });
      } else {
        set({ phase: 'preview', summary: answer.value.summary });
      }
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

    reset: () => set({ phase: 'idle', summary: null, done: null, error: null }),
  }));
}
