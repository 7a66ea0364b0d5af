import { isWeakPin } from '../../../shared/manager/weak-pin';
import type { MessageKey } from '../../i18n/translate';

/**
 * The manager PIN as typed, checked in the page only for what the contract itself checks (4 to
 * 8 ASCII digits: shared/contract/manager-requests.ts managerPinSchema) and for the two entries
 * agreeing. A PIN too easy to guess is warned about as it is typed, with the shared rule
 * (shared/manager/weak-pin.ts); main enforces it (electron/manager/pin-policy.ts `weak-pin`) and
 * its refusal is shown as before.
 */
export const PIN_MIN = 4;
export const PIN_MAX = 8;

/** A PIN pad takes digits only: anything else typed is dropped, and it stops at 8. */
export const pinInput = (text: string): string => text.replace(/[^0-9]/g, '').slice(0, PIN_MAX);

export const isPinFormat = (pin: string): boolean =>
  /^[0-9]+$/.test(pin) && pin.length >= PIN_MIN && pin.length <= PIN_MAX;

/** The message for a PIN that cannot be sent yet, or null. */
export function pinProblem(pin: string): MessageKey | null {
  if (pin === '') return 'pin.required';
  return isPinFormat(pin) ? null : 'pin.format';
}

/** A new PIN of the right shape that main will refuse as too easy to guess: the warning, or null. */
export function weakPinWarning(pin: string): MessageKey | null {
  return isPinFormat(pin) && isWeakPin(pin) ? 'pin.weak' : null;
}

/** A new PIN and its confirmation: what to fix first, or null when both may be sent. */
export function newPinProblem(pin: string, confirmation: string): MessageKey | null {
  return pinProblem(pin) ?? (pin === confirmation ? null : 'pin.mismatch');
}
