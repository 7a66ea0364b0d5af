import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError } from '../../shared/contract/errors';
import type { ManagerStatus } from '../../shared/contract/manager-models';

/**
 * Who is at the screen, as main says (issue 6 "Roles"). The role lives in MAIN
 * (electron/store-ops/manager-role.ts): the page is told through `manager.status` and the
 * `manager.changed` event, and never decides it. This store only mirrors it, and drives the PIN
 * dialog (first-run setup, login, change) whose every answer is main's.
 */
export type PinDialog = 'closed' | 'pin' | 'change';

export interface ManagerState {
  status: ManagerStatus | null;
  dialog: PinDialog;
  busy: boolean;
  /** main's last refusal in the open dialog (wrong PIN with tries left, locked until, ...) */
  problem: PosError | null;
  /** manager mode ended while a manager screen was open (idle timeout, lock screen, logout) */
  ended: boolean;
  load(): Promise<void>;
  /** a `manager.changed` push, or an answer that carries the status */
  apply(status: ManagerStatus): void;
  /** F10 / the status bar: the manager menu, asking for the PIN first when needed */
  open(): Promise<void>;
  openChangePin(): void;
  close(): void;
  /** the person is typing again: main's last refusal no longer applies */
  clearProblem(): void;
  login(pin: string): Promise<boolean>;
  setup(pin: string, confirmation: string, acknowledgeLoss: boolean): Promise<boolean>;
  changePin(currentPin: string, newPin: string, confirmation: string): Promise<boolean>;
  logout(): Promise<void>;
  dismissEnded(): void;
}

export type ManagerStore = StoreApi<ManagerState>;

export interface ManagerDeps {
  pos: PosApi;
  /** manager mode began (after a PIN): show the manager menu */
  onManager(): void;
  /** manager mode ended: the manager screens close themselves */
  onEnded(): void;
}

export const isManager = (status: ManagerStatus | null): boolean => status?.role === 'manager';

export function createManagerStore(deps: ManagerDeps): ManagerStore {
  const { pos } = deps;
  return createStore<ManagerState>()((set, get) => {
    /**
     * Main answered with a new status: mirror it, and open or close the manager side on a
     * change. The first status (the page starting, or reloading while main is in manager mode)
     * is only mirrored: nobody asked for the menu.
     */
    const settle = (status: ManagerStatus, byPin = false): void => {
      const before = get().status;
      set({ status });
      if (before === null && !byPin) return;
      if (!isManager(before) && isManager(status)) {
        set({ dialog: 'closed', problem: null, ended: false });
        deps.onManager();
      } else if (isManager(before) && !isManager(status)) {
        set({ ended: true, dialog: get().dialog === 'change' ? 'closed' : get().dialog });
        deps.onEnded();
      }
    };

    /** One PIN call: the answer's status, or main's refusal shown in the dialog. */
    const pinCall = async (call: () => ReturnType<PosApi['manager']['login']>) => {
      if (get().busy) return false;
      set({ busy: true, problem: null });
      const answer = await call();
      set({ busy: false });
      if (answer.ok) {
        settle(answer.value, true);
        return true;
      }
      set({ problem: answer.error });
      // tries left, a lock-out, a lost PIN file: the dialog shows main's current view of it
      await get().load();
      return false;
    };

    return {
      status: null,
      dialog: 'closed',
      busy: false,
      problem: null,
      ended: false,

      async load() {
        const answer = await pos.manager.status();
        if (answer.ok) settle(answer.value);
      },

      apply: settle,

      async open() {
        if (isManager(get().status)) {
          deps.onManager();
          return;
        }
        set({ dialog: 'pin', problem: null, ended: false });
        await get().load();
      },

      openChangePin: () => set({ dialog: 'change', problem: null }),

      close: () => set({ dialog: 'closed', problem: null, busy: false }),

      clearProblem: () => {
        if (get().problem !== null) set({ problem: null });
      },

      login: (pin) => pinCall(() => pos.manager.login({ pin })),

      setup: (pin, confirmation, acknowledgeLoss) =>
        pinCall(() => pos.manager.setupPin({ pin, confirmation, acknowledgeLoss })),

      async changePin(currentPin, newPin, confirmation) {
        const changed = await pinCall(() =>
          pos.manager.changePin({ currentPin, newPin, confirmation }),
        );
        if (changed) set({ dialog: 'closed' });
        return changed;
      },

      async logout() {
        const answer = await pos.manager.logout();
        if (answer.ok) settle(answer.value);
        // the person chose to leave: no "manager mode ended" notice for that
        set({ ended: false });
      },

      dismissEnded: () => set({ ended: false }),
    };
  });
}
