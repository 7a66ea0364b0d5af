import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError, PosResult } from '../../shared/contract/errors';
import type { ManagerStatus } from '../../shared/contract/manager-models';

/**
 * Who is at the screen, as main says (issue 6 "Roles"). The role lives in MAIN
 * (electron/store-ops/manager-role.ts): the page is told through `manager.status` and the
 * `manager.changed` event, and never decides it. This store only mirrors it, and drives the PIN
 * dialog (first-run setup, login, change) whose every answer is main's.
 */
/**
 * 'forgot': a new PIN with the recovery code (the PIN is set but forgotten); 'recovery': the
 * one-time recovery code main handed out with a new PIN, shown until the manager says it is
 * written down (issue 11).
 */
export type PinDialog = 'closed' | 'pin' | 'change' | 'forgot' | 'recovery';

/** How a new PIN is being set: first time, or on the loss path / with the recovery code. */
export interface SetupOptions {
  acknowledgeLoss: boolean;
  recoveryCode?: string;
}

export interface ManagerState {
  status: ManagerStatus | null;
  dialog: PinDialog;
  busy: boolean;
  /** main's last refusal in the open dialog (wrong PIN with tries left, locked until, ...) */
  problem: PosError | null;
  /** manager mode ended while a manager screen was open (idle timeout, lock screen, logout) */
  ended: boolean;
  /** the recovery code of the PIN just set or changed: shown once, then forgotten */
  recoveryCode: string | null;
  load(): Promise<void>;
  /** a `manager.changed` push, or an answer that carries the status */
  apply(status: ManagerStatus): void;
  /** F10 / the status bar: the manager menu, asking for the PIN first when needed */
  open(): Promise<void>;
  openChangePin(): void;
  /** "PIN을 잊었습니다": a new PIN with the recovery code */
  openForgot(): void;
  close(): void;
  /** the manager wrote the recovery code down: it leaves the page */
  dismissRecoveryCode(): void;
  /** the person is typing again: main's last refusal no longer applies */
  clearProblem(): void;
  login(pin: string): Promise<boolean>;
  setup(pin: string, confirmation: string, options: SetupOptions): Promise<boolean>;
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

    /**
     * One PIN call: the answer's status (and, with a new PIN, its recovery code, shown at once),
     * or main's refusal shown in the dialog.
     */
    const pinCall = async (
      call: () => Promise<PosResult<ManagerStatus & { recoveryCode?: string | null }>>,
    ) => {
      if (get().busy) return false;
      set({ busy: true, problem: null });
      const answer = await call();
      set({ busy: false });
      if (answer.ok) {
        const { recoveryCode, ...status } = answer.value;
        settle(status, true);
        if (recoveryCode) set({ recoveryCode, dialog: 'recovery', problem: null });
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
      recoveryCode: null,

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

      openForgot: () => set({ dialog: 'forgot', problem: null }),

      close: () => {
        // the recovery code is dismissed only on purpose (./../screens/manager/RecoveryCode.tsx)
        if (get().dialog === 'recovery') return;
        set({ dialog: 'closed', problem: null, busy: false });
      },

      dismissRecoveryCode: () => set({ recoveryCode: null, dialog: 'closed', problem: null }),

      clearProblem: () => {
        if (get().problem !== null) set({ problem: null });
      },

      login: (pin) => pinCall(() => pos.manager.login({ pin })),

      setup: (pin, confirmation, { acknowledgeLoss, recoveryCode }) =>
        pinCall(() =>
          pos.manager.setupPin({
            pin,
            confirmation,
            acknowledgeLoss,
            ...(recoveryCode ? { recoveryCode } : {}),
          }),
        ),

      async changePin(currentPin, newPin, confirmation) {
        const changed = await pinCall(() =>
          pos.manager.changePin({ currentPin, newPin, confirmation }),
        );
        if (changed && get().dialog !== 'recovery') set({ dialog: 'closed' });
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
