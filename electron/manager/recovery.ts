import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { newRecoveryCode, normalizeRecoveryCode } from '../integrity/recovery-code';
import type { PinHash, ScryptParams } from './pin-hash';
import { PIN_SALT_BYTES, hashPin, pinMatches } from './pin-hash';

/**
 * The manager's recovery code (../integrity/recovery-code.ts) on the PIN's side: issued at PIN
 * setup and at every PIN change or reset (shown once, then only its slow hash is kept, sealed:
 * ../integrity/), and checked on the loss path. Where the hash is kept is the caller's
 * (`RecoveryStore`); null store: this PC keeps no seal, so no code is issued.
 */
export interface RecoveryStore {
  current(): PinHash | null;
  replace(hash: PinHash): void;
}

/** A new code: its hash replaces the old one (which stops working), the code is returned once. */
export async function issueRecoveryCode(
  store: RecoveryStore,
  params: ScryptParams,
  random: (size: number) => Uint8Array,
): Promise<string> {
  const code = newRecoveryCode(random);
  const normalized = normalizeRecoveryCode(code) as string;
  store.replace(await hashPin(normalized, params, random(PIN_SALT_BYTES)));
  return code;
}

export type RecoveryProblem = 'no-code-kept' | 'wrong-code';

/** The typed code against the kept hash (the same slow hash as the PIN, constant-time). */
export async function checkRecoveryCode(
  store: RecoveryStore,
  typed: string,
): Promise<Result<void, RecoveryProblem>> {
  const kept = store.current();
  if (kept === null) return err('no-code-kept');
  const normalized = normalizeRecoveryCode(typed);
  if (normalized === null) return err('wrong-code');
  return (await pinMatches(normalized, kept)) ? ok(undefined) : err('wrong-code');
}
