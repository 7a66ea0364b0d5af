/**
 * The manager's one-time recovery code (issue 11: "a one-time recovery code shown once at PIN
 * setup for the manager to keep (the common pattern of authenticator apps)"). It is what the
 * loss path asks for that a cashier does not have: with it, a new PIN keeps the stored KICC
 * credentials; without it, a new PIN can still be set, but the credentials are cleared and must
 * be entered again from what KICC issued (docs/manager-guide.md "If the PIN is lost").
 *
 * 20 characters of Crockford's base32 (no I, L, O, U: nothing to misread on paper), in four
 * groups of five: 100 random bits, beyond any search, so no lock-out is needed for it. Only its
 * slow hash is kept (the sealed state, ./seal-file.ts); it is shown once and used once: every
 * use, and every PIN change, issues a new one.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_CODE_LENGTH = 20;

export function newRecoveryCode(randomBytes: (size: number) => Uint8Array): string {
  const bytes = randomBytes(RECOVERY_CODE_LENGTH);
  let code = '';
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i += 1) code += ALPHABET[(bytes[i] ?? 0) % 32];
  return formatRecoveryCode(code);
}

/** "K7QF2MZX9H…" → "K7QF2-MZX9H-…": how it is shown and printed. */
export function formatRecoveryCode(code: string): string {
  return (code.match(/.{1,5}/g) ?? []).join('-');
}

/**
 * What the manager typed, as compared: upper case, no spaces or dashes, and the letters people
 * write for the digits Crockford leaves out (O → 0, I and L → 1). Null when it cannot be a code.
 */
export function normalizeRecoveryCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== RECOVERY_CODE_LENGTH) return null;
  return [...code].every((char) => ALPHABET.includes(char)) ? code : null;
}
