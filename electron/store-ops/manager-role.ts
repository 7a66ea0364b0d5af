import type { Clock } from '../../shared/clock';
import type { ManagerStatus, PosError, PosResult } from '../../shared/contract';
import type { ManagerNewPin } from '../../shared/contract/manager-models';
import type { JsonObject } from '../audit/canonical';
import { createManagerAccess } from '../manager/access';
import type { ManagerAccessDeps, ManagerEvent, NewPin } from '../manager/access';
import type { ManagerRefusal } from '../manager/messages';

/**
 * Who is at the screen: cashier (default) or manager (issue 6 "Roles"). The role lives HERE, in
 * main; the page is told (manager.status, the `manager.changed` event), never asked.
 *
 * Built on electron/manager's createManagerAccess (PIN hash, lock-out, idle session); this adds
 * what the app around it needs: every manager event into the audit log, the contract's status
 * view, a change stream, and the reasons manager mode ends (on demand, idle, lock screen,
 * sleep).
 */
export type LogoutReason = 'on-demand' | 'lock-screen' | 'suspend';

/** One audit event (the caller appends it to the ledger's chain, in its own transaction). */
export interface ManagerAuditEvent {
  at: number;
  actor: 'manager' | 'cashier';
  kind: ManagerEvent['kind'];
  subject: 'manager';
  details: JsonObject;
}

export interface ManagerRoleDeps extends Omit<ManagerAccessDeps, 'onEvent'> {
  clock: Clock;
  audit: (event: ManagerAuditEvent) => void;
}

/** Events that a person in manager mode caused; the others come from whoever is at the till. */
const BY_MANAGER: ReadonlySet<ManagerEvent['kind']> = new Set([
  'manager.pin_set',
  'manager.pin_reset_after_loss',
  'manager.pin_reset_with_recovery_code',
  'manager.pin_changed',
  'manager.login',
  'manager.logout',
  'manager.session_expired',
]);

export const refusalError = (refusal: ManagerRefusal): PosError => ({
  code: refusal.code,
  message: refusal.message,
});

export function createManagerRole(deps: ManagerRoleDeps) {
  const listeners = new Set<(status: ManagerStatus) => void>();
  let logoutReason: LogoutReason = 'on-demand';
  let lastSent = '';

  const access = createManagerAccess({
    ...deps,
    onEvent: (event) => {
      const details: JsonObject =
        event.kind === 'manager.logout'
          ? { ...event.details, reason: logoutReason }
          : event.details;
      deps.audit({
        at: deps.clock.now(),
        actor: BY_MANAGER.has(event.kind) ? 'manager' : 'cashier',
        kind: event.kind,
        subject: 'manager',
        details,
      });
    },
  });

  function status(): ManagerStatus {
    const s = access.status();
    switch (s.state) {
      case 'ready':
        return {
          pin: 'ready',
          role: s.session === null ? 'cashier' : 'manager',
          lockedUntil: null,
          triesLeft: s.triesLeft,
          sessionExpiresAt: s.session?.expiresAt ?? null,
        };
      case 'locked':
        return {
          pin: 'locked',
          role: 'cashier',
          lockedUntil: s.lockedUntil,
          triesLeft: null,
          sessionExpiresAt: null,
        };
      default:
        return {
          pin: s.state,
          role: 'cashier',
          lockedUntil: null,
          triesLeft: null,
          sessionExpiresAt: null,
        };
    }
  }

  /** Tells the listeners when what they show changed (role, PIN state, lock, session end). */
  function announce(): ManagerStatus {
    const now = status();
    const key = JSON.stringify(now);
    if (key !== lastSent) {
      lastSent = key;
      for (const listener of [...listeners]) listener(now);
    }
    return now;
  }
  lastSent = JSON.stringify(status());

  const answer = (result: { ok: true } | { ok: false; error: ManagerRefusal }) =>
    result.ok
      ? { ok: true as const, value: announce() }
      : (announce(), { ok: false as const, error: refusalError(result.error) });

  /** A new PIN's answer: the status, and the recovery code shown once (never in an event). */
  const newPinAnswer = (
    result: { ok: true; value: NewPin } | { ok: false; error: ManagerRefusal },
  ): PosResult<ManagerNewPin> =>
    result.ok
      ? { ok: true, value: { ...announce(), recoveryCode: result.value.recoveryCode } }
      : (announce(), { ok: false, error: refusalError(result.error) });

  return {
    status,

    async setupPin(input: {
      pin: string;
      confirmation: string;
      acknowledgeLoss: boolean;
      recoveryCode?: string | undefined;
    }): Promise<PosResult<ManagerNewPin>> {
      return newPinAnswer(
        await access.setupPin(input.pin, input.confirmation, {
          acknowledgeLoss: input.acknowledgeLoss,
          ...(input.recoveryCode === undefined ? {} : { recoveryCode: input.recoveryCode }),
        }),
      );
    },

    async login(input: { pin: string }): Promise<PosResult<ManagerStatus>> {
      return answer(await access.login(input.pin));
    },

    /** Manager mode ends: on demand, or because Windows locked the screen or went to sleep. */
    logout(reason: LogoutReason = 'on-demand'): ManagerStatus {
      logoutReason = reason;
      try {
        access.logout();
      } finally {
        logoutReason = 'on-demand';
      }
      return announce();
    },

    async changePin(input: {
      currentPin: string;
      newPin: string;
      confirmation: string;
    }): Promise<PosResult<ManagerNewPin>> {
      return newPinAnswer(
        await access.changePin(input.currentPin, input.newPin, input.confirmation),
      );
    },

    /** A manager's PIN typed on the cashier's screen, for one over-limit cancellation. */
    async approve(pin: string): Promise<PosResult<{ approvedBy: 'manager'; at: number }>> {
      const approved = await access.approve(pin);
      announce();
      return approved.ok ? approved : { ok: false, error: refusalError(approved.error) };
    },

    isManager: (): boolean => {
      const manager = access.isManager();
      announce(); // an idle end found here is pushed at once
      return manager;
    },

    /** Manager activity: pushes the idle end back. */
    touch(): void {
      access.touch();
      announce();
    },

    /** Called on a timer by the shell: ends an idle session and tells the page. */
    checkIdle(): void {
      access.isManager();
      announce();
    },

    subscribe(listener: (status: ManagerStatus) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type ManagerRole = ReturnType<typeof createManagerRole>;
