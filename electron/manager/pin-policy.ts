import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';

/**
 * What a new manager PIN must be. The spec says only "PIN"; we decided (docs/manager.md):
 * 4 to 8 ASCII digits (a POS keypad, and what Korean staff expect of a 비밀번호), and not one of
 * the PINs an intruder tries first. With 5 tries before a lock-out (./lockout.ts) the guesses
 * that matter are the first few, so refusing the top of every published PIN list buys most of
 * the strength a short PIN can have.
 */

export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 8;

export type PinPolicyProblem = 'pin-format' | 'weak-pin' | 'pin-mismatch';

/**
 * Common PINs no rule below catches: 1004 (천사, "angel", among the commonest Korean PINs) and
 * straight lines on a phone or POS keypad (2580 is its middle column).
 */
const WELL_KNOWN = new Set([
  '1004',
  '2580',
  '0852',
  '1470',
  '0741',
  '3690',
  '0963',
  '1379',
  '7913',
]);

/** All the same digit: 0000, 777777. */
const sameDigit = (pin: string): boolean => /^(\d)\1*$/.test(pin);

/** Each digit one more (or one less) than the one before, wrapping 9-0: 1234, 987654, 7890. */
function straight(pin: string, step: 1 | -1): boolean {
  for (let i = 1; i < pin.length; i += 1) {
    if ((Number(pin[i - 1]) + step + 10) % 10 !== Number(pin[i])) return false;
  }
  return true;
}

/** The PIN is a shorter block repeated: 1212, 123123, 12341234. */
function repeatedBlock(pin: string): boolean {
  for (let size = 1; size <= pin.length / 2; size += 1) {
    if (pin.length % size === 0 && pin.slice(0, size).repeat(pin.length / size) === pin)
      return true;
  }
  return false;
}

export function isWeakPin(pin: string): boolean {
  return (
    sameDigit(pin) ||
    straight(pin, 1) ||
    straight(pin, -1) ||
    repeatedBlock(pin) ||
    WELL_KNOWN.has(pin)
  );
}

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
