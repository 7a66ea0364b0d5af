import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError } from '../../shared/contract/errors';
import type { IntegrityStatus } from '../../shared/contract/manager-models';

/**
 * Files changed outside the app (issue 11 tamper evidence, electron/integrity/): what main found
 * at start and what waits for a manager. Everyone sees that something waits (the status bar),
 * the manager confirms it on the manager menu. Main decides everything; this mirrors it.
 */
export interface IntegrityState {
  status: IntegrityStatus | null;
  /** the finding being confirmed */
  busy: string | null;
  problem: PosError | null;
  load(): Promise<void>;
  confirm(id: string, apply: boolean): Promise<boolean>;
}

export type IntegrityStore = StoreApi<IntegrityState>;

export function createIntegrityStore(pos: PosApi): IntegrityStore {
  return createStore<IntegrityState>()((set, get) => ({
    status: null,
    busy: null,
    problem: null,
    async load() {
      const answer = await pos.integrity.status();
      if (answer.ok) set({ status: answer.value });
    },
    async confirm(id, apply) {
      if (get().busy !== null) return false;
      set({ busy: id, problem: null });
      const answer = await pos.integrity.confirm({ id, apply });
      set({ busy: null });
      if (!answer.ok) {
        set({ problem: answer.error });
        return false;
      }
      set({ status: answer.value });
      return true;
    },
  }));
}
