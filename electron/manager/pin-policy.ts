import type { Result } from '../../shared/result';
import { isWeakPin } from '../../shared/manager/weak-pin';
import { err, ok } from '../../shared/result';

/**
 * What a new manager PIN must be. The spec says only "PIN"; we decided (docs/manager.md):
 * 4 to 8 ASCII digits (a POS keypad, and what Korean staff expect of a 비밀번호), and not one of
 * the PINs an intruder tries first (shared/manager/weak-pin.ts, which says why). The page warns
 * with the same rule as the manager types; this module is where it is enforced.
 */

export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 8;

export type PinPolicyProblem = 'pin-format' | 'weak-pin' | 'pin-mismatch';

// The weak-PIN rule is shared so the page can warn as the manager types; main still refuses.
export { isWeakPin };

export function isPinFormat(pin: unknown): pin is string {
  return (
    typeof pin === 'string' &&
    pin.length >= PIN_MIN_LENGTH &&
    pin.length <= PIN_MAX_LENGTH &&
    /^[0-9]+$/.test(pin)
  );
}

/** A new PIN as typed twice. Never echoes the PIN in the problem (it is a secret). */
export function checkNewPin(pin: unknown, confirmation: unknown): Result<string, PinPolicyProblem> {
  if (!isPinFormat(pin)) return err('pin-format');
  if (isWeakPin(pin)) return err('weak-pin');
  if (confirmation !== pin) return err('pin-mismatch');
  return ok(pin);
}
