import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { BackupStatus } from '../../shared/contract/counter-models';
import type { PosError } from '../../shared/contract/errors';

/**
 * The daily backup in the settings (issue 12 finding 9): the folder the manager chose (in
 * main's own folder dialog: the page never names a path), the last backup, "back up now".
 * The close itself (printing the end-of-day summary) makes one; its outcome is a notice.
 */
export interface BackupState {
  status: BackupStatus | null;
  busy: boolean;
  error: PosError | null;
  load(): Promise<void>;
  choose(): Promise<void>;
  clear(): Promise<void>;
  run(): Promise<void>;
}

export type BackupStore = StoreApi<BackupState>;

export function createBackupStore(pos: PosApi): BackupStore {
  return createStore<BackupState>()((set, get) => {
    const folder = async (action: 'choose' | 'clear') => {
      if (get().busy) return;
      set({ busy: true, error: null });
      const answer = await pos.backup.folder({ action });
      set(answer.ok ? { busy: false, status: answer.value } : { busy: false, error: answer.error });
    };
    return {
      status: null,
      busy: false,
      error: null,
      async load() {
        const answer = await pos.backup.status({});
        set(answer.ok ? { status: answer.value, error: null } : { error: answer.error });
      },
      choose: () => folder('choose'),
      clear: () => folder('clear'),
      async run() {
        if (get().busy) return;
        set({ busy: true, error: null });
        const answer = await pos.backup.run({});
        if (!answer.ok) {
          set({ busy: false, error: answer.error });
          return;
        }
        set((state) => ({
          busy: false,
          status: { folder: state.status?.folder ?? '', last: answer.value },
        }));
      },
    };
  });
}
