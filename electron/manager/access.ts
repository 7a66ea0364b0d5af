import { randomBytes as nodeRandomBytes } from 'node:crypto';
import type { Clock } from '../../shared/clock';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { LockoutPolicy, LockoutState } from './lockout';
import {
  CLEAR_LOCKOUT,
  DEFAULT_LOCKOUT,
  isLocked,
  reserveTry,
  settleFailure,
  triesLeft,
} from './lockout';
import type { ManagerRefusal } from './messages';
import { refusals } from './messages';
import type { ManagerPinFile, PinStore } from './pin-file';
import { parseManagerPinFile } from './pin-file';
import type { ScryptParams } from './pin-hash';
import { DEFAULT_SCRYPT, PIN_SALT_BYTES, hashPin, isWeakerThan, pinMatches } from './pin-hash';
import { checkNewPin, isPinFormat } from './pin-policy';
import type { ManagerSession, SessionView } from './session';
import {
  DEFAULT_IDLE_TIMEOUT_MS,
  isSessionActive,
  startSession,
  touchSession,
  viewSession,
} from './session';

/**
 * Manager access: first-run PIN setup, login, approval by PIN on the cashier's screen, PIN
 * change, lock-out, and the manager session (issue 6 "Roles"). Plain Node: the PIN file, clock,
 * randomness and audit sink are passed in (docs/manager.md shows the wiring).
 *
 * The file is read once, at construction; afterwards memory is the truth and every change is
 * saved before it takes effect. Deleting or damaging the file while the app runs changes
 * nothing until the next start, and then it shows ('missing' / 'corrupt').
 */

export type ManagerStatus =
  | { state: 'not-set' }
  | { state: 'missing' }
  /** reason: zod paths and rules only, never a value; for the log and support */
  | { state: 'corrupt'; reason: string }
  | { state: 'locked'; lockedUntil: number }
  | { state: 'ready'; triesLeft: number; session: SessionView | null };

/** For the audit log: never a PIN, a hash or a salt (./../audit/secrets.ts refuses those keys). */
export interface ManagerEvent {
  kind:
    | 'manager.pin_set'
    | 'manager.pin_reset_after_loss'
    | 'manager.pin_changed'
    | 'manager.login'
    | 'manager.login_failed'
    | 'manager.locked_out'
    | 'manager.logout'
    | 'manager.session_expired'
    | 'manager.approved'
    | 'manager.approval_failed';
  details: { [key: string]: string | number | boolean | null };
}

export interface ManagerAccessDeps {
  store: PinStore;
  clock: Clock;
  /** default: node:crypto randomBytes */
  randomBytes?: (size: number) => Uint8Array;
  /** default DEFAULT_SCRYPT; tests pass a tiny N */
  scrypt?: ScryptParams;
  lockout?: LockoutPolicy;
  idleTimeoutMs?: number;
  /**
   * Whether a PIN was ever set on this install (e.g. the audit log holds a manager.pin_set
   * event). A missing file is then 'missing', not a first run.
   */
  pinEverSet?: () => boolean;
  onEvent?: (event: ManagerEvent) => void;
}

export interface Approval {
  approvedBy: 'manager';
  at: number;
}

type Purpose = 'login' | 'approval' | 'change';

export function createManagerAccess(deps: ManagerAccessDeps) {
  const clock = deps.clock;
  const params = deps.scrypt ?? DEFAULT_SCRYPT;
  const policy = deps.lockout ?? DEFAULT_LOCKOUT;
  const idleMs = deps.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const random = deps.randomBytes ?? ((size: number) => nodeRandomBytes(size));
  const emit = (kind: ManagerEvent['kind'], details: ManagerEvent['details'] = {}): void =>
    deps.onEvent?.({ kind, details });

  const loaded = parseManagerPinFile(deps.store.load());
  let file: ManagerPinFile | null = loaded.state === 'present' ? loaded.file : null;
  const corrupt = loaded.state === 'corrupt' ? loaded.reason : null;
  const missing = loaded.state === 'absent' && (deps.pinEverSet?.() ?? false);
  let session: ManagerSession | null = null;
  let checking = false;

  const save = (next: ManagerPinFile): void => {
    deps.store.save(next);
    file = next;
  };
  const lockoutOf = (f: ManagerPinFile): LockoutState => ({
    failures: f.failures,
    lockedUntil: f.lockedUntil,
  });

  /** The session, ended (and reported once) when it has been idle too long. */
  function liveSession(): ManagerSession | null {
    if (session !== null && !isSessionActive(session, clock.now(), idleMs)) {
      session = null;
      emit('manager.session_expired');
    }
    return session;
  }

  /** Why manager access is unavailable right now, before any PIN is looked at. */
  function unavailable(): ManagerRefusal | null {
    if (corrupt !== null) return refusals.corrupt();
    if (file === null) return missing ? refusals.missing() : refusals.notSet();
    if (isLocked(lockoutOf(file), clock.now())) return refusals.locked(file.lockedUntil ?? 0);
    return null;
  }

  /**
   * One PIN check, counted before it runs (./lockout.ts reserveTry). One at a time: a burst of
   * parallel tries gets 'busy', never extra guesses.
   */
  async function checkPin(pin: unknown, purpose: Purpose): Promise<Result<void, ManagerRefusal>> {
    const refusal = unavailable();
    if (refusal) return err(refusal);
    if (!isPinFormat(pin)) return err(refusals.pinFormat());
    if (checking) return err(refusals.busy());
    const current = file as ManagerPinFile;
    checking = true;
    try {
      save({ ...current, ...reserveTry(lockoutOf(current)) });
      const matches = await pinMatches(pin, current.pin);
      const now = clock.now();
      const reserved = file as ManagerPinFile;
      if (matches) {
        const upgraded = isWeakerThan(reserved.pin, params)
          ? await hashPin(pin, params, random(PIN_SALT_BYTES))
          : reserved.pin;
        save({ ...reserved, pin: upgraded, ...CLEAR_LOCKOUT });
        return ok(undefined);
      }
      const settled = settleFailure(lockoutOf(reserved), now, policy);
      save({ ...reserved, ...settled });
      emit(purpose === 'approval' ? 'manager.approval_failed' : 'manager.login_failed', {
        purpose,
        failures: settled.failures,
      });
      if (settled.lockedUntil !== null) {
        emit('manager.locked_out', {
          failures: settled.failures,
          lockedUntil: settled.lockedUntil,
        });
        return err(refusals.locked(settled.lockedUntil));
      }
      return err(refusals.wrongPin(triesLeft(settled, policy)));
    } finally {
      checking = false;
    }
  }

  function begin(): SessionView {
    session = startSession(clock.now());
    return viewSession(session, idleMs);
  }

  return {
    status(): ManagerStatus {
      if (corrupt !== null) return { state: 'corrupt', reason: corrupt };
      if (file === null) return { state: missing ? 'missing' : 'not-set' };
      const lockout = lockoutOf(file);
      if (isLocked(lockout, clock.now())) {
        return { state: 'locked', lockedUntil: file.lockedUntil ?? 0 };
      }
      const live = liveSession();
      return {
        state: 'ready',
        triesLeft: triesLeft(lockout, policy),
        session: live && viewSession(live, idleMs),
      };
    },

    /**
     * First-run setup (or, after a lost file, a visible reset). Starts manager mode: whoever
     * just chose the PIN knows it.
     */
    async setupPin(
      pin: unknown,
      confirmation: unknown,
      options: { acknowledgeLoss?: boolean } = {},
    ): Promise<Result<SessionView, ManagerRefusal>> {
      if (corrupt !== null) return err(refusals.corrupt());
      if (file !== null) return err(refusals.alreadySet());
      if (missing && options.acknowledgeLoss !== true) return err(refusals.lossNotAcknowledged());
      const checked = checkNewPin(pin, confirmation);
      if (!checked.ok) return err(policyRefusal(checked.error));
      if (checking) return err(refusals.busy());
      checking = true;
      try {
        const hashed = await hashPin(checked.value, params, random(PIN_SALT_BYTES));
        if (file !== null) return err(refusals.alreadySet());
        save({ version: 1, pin: hashed, setAt: clock.now(), ...CLEAR_LOCKOUT });
      } finally {
        checking = false;
      }
      emit(missing ? 'manager.pin_reset_after_loss' : 'manager.pin_set');
      return ok(begin());
    },

    async login(pin: unknown): Promise<Result<SessionView, ManagerRefusal>> {
      const checked = await checkPin(pin, 'login');
      if (!checked.ok) return checked;
      emit('manager.login');
      return ok(begin());
    },

    /**
     * A manager approves a cashier's over-limit cancellation on the cashier's screen (issue 6
     * "Approval"). Does not start manager mode; counts toward the lock-out like a login.
     */
    async approve(pin: unknown): Promise<Result<Approval, ManagerRefusal>> {
      const checked = await checkPin(pin, 'approval');
      if (!checked.ok) return checked;
      emit('manager.approved');
      return ok({ approvedBy: 'manager', at: clock.now() });
    },

    /** In manager mode, with the current PIN again (someone else may be at an open session). */
    async changePin(
      currentPin: unknown,
      newPin: unknown,
      confirmation: unknown,
    ): Promise<Result<void, ManagerRefusal>> {
      if (liveSession() === null) return err(refusals.notManager());
      const checkedNew = checkNewPin(newPin, confirmation);
      if (!checkedNew.ok) return err(policyRefusal(checkedNew.error));
      const checked = await checkPin(currentPin, 'change');
      if (!checked.ok) return checked;
      const hashed = await hashPin(checkedNew.value, params, random(PIN_SALT_BYTES));
      save({ ...(file as ManagerPinFile), pin: hashed, setAt: clock.now() });
      emit('manager.pin_changed');
      return ok(undefined);
    },

    /** Manager mode ends on demand. */
    logout(): void {
      if (liveSession() === null) return;
      session = null;
      emit('manager.logout');
    },

    /** Activity in manager mode: pushes the idle end back. Null when not (or no longer) manager. */
    touch(): SessionView | null {
      const live = liveSession();
      if (live === null) return null;
      session = touchSession(live, clock.now());
      return viewSession(session, idleMs);
    },

    isManager(): boolean {
      return liveSession() !== null;
    },
  };
}

export type ManagerAccess = ReturnType<typeof createManagerAccess>;

function policyRefusal(problem: 'pin-format' | 'weak-pin' | 'pin-mismatch'): ManagerRefusal {
  switch (problem) {
    case 'pin-format':
      return refusals.pinFormat();
    case 'weak-pin':
      return refusals.weakPin();
    case 'pin-mismatch':
      return refusals.pinMismatch();
  }
}
