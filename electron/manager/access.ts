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
import type { LoadedPinFile, ManagerPinFile, PinStore } from './pin-file';
import { parseManagerPinFile } from './pin-file';
import type { ScryptParams } from './pin-hash';
import { DEFAULT_SCRYPT, PIN_SALT_BYTES, hashPin, isWeakerThan, pinMatches } from './pin-hash';
import { checkNewPin, isPinFormat } from './pin-policy';
import { checkRecoveryCode, issueRecoveryCode } from './recovery';
import type { RecoveryStore } from './recovery';
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
  /** well-formed, but not the file the app wrote (electron/integrity/): not used */
  | { state: 'changed' }
  | { state: 'locked'; lockedUntil: number }
  | { state: 'ready'; triesLeft: number; session: SessionView | null };

/** For the audit log: never a PIN, a hash or a salt (./../audit/secrets.ts refuses those keys). */
export interface ManagerEvent {
  kind:
    | 'manager.pin_set'
    | 'manager.pin_reset_after_loss'
    | 'manager.pin_reset_with_recovery_code'
    | 'manager.pin_changed'
    | 'manager.login'
    | 'manager.login_failed'
    | 'manager.locked_out'
    | 'manager.logout'
    | 'manager.session_expired'
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
  /** electron/integrity/: a PIN file the app did not write reads as 'changed' (not used) */
  trust?: (loaded: LoadedPinFile) => LoadedPinFile;
  /** where the recovery code's hash is kept (./recovery.ts); absent: no code is issued */
  recovery?: RecoveryStore;
  /**
   * A new PIN was set on the loss path WITHOUT the recovery code (issue 11): whoever did it
   * must not inherit the stored KICC credentials. Answers whether any were cleared.
   */
  onResetWithoutRecovery?: () => boolean;
}

/** What a new PIN comes with: the recovery code, shown once (null: none is kept on this PC). */
export interface NewPin {
  recoveryCode: string | null;
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

  const loaded = (deps.trust ?? ((l: LoadedPinFile) => l))(parseManagerPinFile(deps.store.load()));
  let file: ManagerPinFile | null = loaded.state === 'present' ? loaded.file : null;
  /** why the PIN cannot be used until a new one is set (the loss path), or null */
  let lost: Exclude<ManagerStatus['state'], 'not-set' | 'locked' | 'ready'> | null =
    loaded.state === 'corrupt' || loaded.state === 'changed'
      ? loaded.state
      : loaded.state === 'absent' && (deps.pinEverSet?.() ?? false)
        ? 'missing'
        : null;
  const corruptReason = loaded.state === 'corrupt' ? loaded.reason : '';
  let session: ManagerSession | null = null;
  let checking = false;

  const issueCode = async (): Promise<string | null> =>
    deps.recovery ? issueRecoveryCode(deps.recovery, params, random) : null;

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
    if (lost === 'corrupt') return refusals.corrupt();
    if (lost === 'changed') return refusals.changed();
    if (file === null) return lost === 'missing' ? refusals.missing() : refusals.notSet();
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

  /**
   * Which setup this is, before any PIN is looked at: the first, a reset by recovery code (any
   * state but a first run), or the loss path acknowledged without the code.
   */
  function setupPath(
    withCode: boolean,
    acknowledged: boolean,
  ): Result<'first' | 'recovery' | 'loss', ManagerRefusal> {
    if (file === null && lost === null) return ok('first');
    if (withCode) return ok('recovery');
    if (lost === null) return err(refusals.alreadySet());
    return acknowledged ? ok('loss') : err(refusals.lossNotAcknowledged());
  }

  function begin(): SessionView {
    session = startSession(clock.now());
    return viewSession(session, idleMs);
  }

  return {
    status(): ManagerStatus {
      if (lost === 'corrupt') return { state: 'corrupt', reason: corruptReason };
      if (lost === 'changed') return { state: 'changed' };
      if (file === null) return { state: lost === 'missing' ? 'missing' : 'not-set' };
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
     * First-run setup; after a lost, damaged or changed file, a visible reset (the loss path:
     * with the recovery code, or acknowledged and the KICC credentials cleared); and, with the
     * recovery code, a reset of a forgotten PIN. Starts manager mode: whoever just chose the PIN
     * knows it. Every new PIN comes with a new recovery code, shown once.
     */
    async setupPin(
      pin: unknown,
      confirmation: unknown,
      options: { acknowledgeLoss?: boolean; recoveryCode?: string } = {},
    ): Promise<Result<SessionView & NewPin, ManagerRefusal>> {
      const code = options.recoveryCode?.trim() ? options.recoveryCode : undefined;
      const path = setupPath(code !== undefined, options.acknowledgeLoss === true);
      if (!path.ok) return path;
      const checked = checkNewPin(pin, confirmation);
      if (!checked.ok) return err(policyRefusal(checked.error));
      if (checking) return err(refusals.busy());
      checking = true;
      const from = lost ?? (file === null ? 'not-set' : 'ready');
      let recoveryCode: string | null;
      try {
        if (path.value === 'recovery') {
          const matches = deps.recovery
            ? await checkRecoveryCode(deps.recovery, code ?? '')
            : err('no-code-kept' as const);
          if (!matches.ok) return err(refusals.wrongRecoveryCode());
        }
        const hashed = await hashPin(checked.value, params, random(PIN_SALT_BYTES));
        if (path.value === 'first' && file !== null) return err(refusals.alreadySet());
        save({ version: 1, pin: hashed, setAt: clock.now(), ...CLEAR_LOCKOUT });
        lost = null;
        recoveryCode = await issueCode();
      } finally {
        checking = false;
      }
      if (path.value === 'first') emit('manager.pin_set');
      else if (path.value === 'recovery') emit('manager.pin_reset_with_recovery_code', { from });
      else {
        const credentialsCleared = deps.onResetWithoutRecovery?.() ?? false;
        emit('manager.pin_reset_after_loss', { from, credentialsCleared });
      }
      return ok({ ...begin(), recoveryCode });
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
      // The approval's event is written with the cancellation it approved, in the same
      // transaction (electron/cancellations/approval.ts), not here: a PIN checked for a request
      // the engine then refuses, or answers with an earlier cancellation, approved nothing.
      return ok({ approvedBy: 'manager', at: clock.now() });
    },

    /** In manager mode, with the current PIN again (someone else may be at an open session). */
    async changePin(
      currentPin: unknown,
      newPin: unknown,
      confirmation: unknown,
    ): Promise<Result<NewPin, ManagerRefusal>> {
      if (liveSession() === null) return err(refusals.notManager());
      const checkedNew = checkNewPin(newPin, confirmation);
      if (!checkedNew.ok) return err(policyRefusal(checkedNew.error));
      const checked = await checkPin(currentPin, 'change');
      if (!checked.ok) return checked;
      const hashed = await hashPin(checkedNew.value, params, random(PIN_SALT_BYTES));
      save({ ...(file as ManagerPinFile), pin: hashed, setAt: clock.now() });
      // staff change: whoever knew the old recovery code must not be able to reset the new PIN
      const recoveryCode = await issueCode();
      emit('manager.pin_changed');
      return ok({ recoveryCode });
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
