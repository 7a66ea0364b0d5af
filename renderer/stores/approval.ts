import type { PosError } from '../../shared/contract/errors';

/**
 * Over-limit approval on the cashier's own confirmation (issue 6 "Approval"; docs/shell.md
 * "Over-limit approval on the same screen"): the pieces of ./cancel.ts that are about the
 * manager's PIN, as plain data and functions.
 */

/** The manager's PIN asked on the confirmation, for an amount over the cashier's limit. */
export interface Approval {
  /** the limit exceeded, when known (settings); null: main said so (`needs-manager`) */
  limit: number | null;
  pin: string;
  /** "confirm" was pressed: a PIN of the wrong shape is pointed out */
  tried: boolean;
  /** main's refusal of the last PIN (wrong, with tries left; locked until ...) */
  problem: PosError | null;
}

/** Refusals of the manager's PIN itself (electron/manager/messages.ts): nothing was written. */
const PIN_REFUSALS: ReadonlySet<string> = new Set([
  'wrong-pin',
  'locked',
  'pin-format',
  'not-set',
  'missing',
  'corrupt',
  'changed',
  'busy',
]);

export const isPinRefusal = (error: PosError): boolean =>
  PIN_REFUSALS.has(error.code) || (error.fields ?? []).some((f) => f.field === 'managerPin');
