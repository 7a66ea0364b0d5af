import { z } from 'zod';
import type { PinHash } from './pin-hash';
import { PIN_HASH_BYTES, PIN_SALT_BYTES } from './pin-hash';

/**
 * The manager PIN file: the PIN's hash and the lock-out state, one JSON document. The lock-out
 * state lives with the hash so that restarting the app does not give an intruder 5 new tries.
 *
 * Read through `parseManagerPinFile`, never trusted (STYLE.md: settings on disk are untrusted
 * input). Bounds on N, r and p are there so that a crafted file cannot make one check allocate
 * gigabytes; weak parameters cannot be refused (whoever can write this file can replace the
 * hash anyway), they are upgraded after the next good login (./access.ts).
 */

const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

function base64Of(bytes: number) {
  return z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((text) => Buffer.from(text, 'base64').length === bytes, `must be ${bytes} bytes`);
}

const pinHashSchema: z.ZodType<PinHash> = z
  .object({
    algo: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64Of(PIN_SALT_BYTES),
    hash: base64Of(PIN_HASH_BYTES),
  })
  .strict()
  .refine((h) => 128 * h.N * h.r * h.p <= MAX_SCRYPT_MEMORY, 'scrypt parameters too large');

const epochMs = z.number().int().nonnegative();

export const managerPinFileSchema = z
  .object({
    version: z.literal(1),
    pin: pinHashSchema,
    /** when the PIN was set (epoch ms) */
    setAt: epochMs,
    /** wrong PINs since the last good one (./lockout.ts) */
    failures: z.number().int().nonnegative(),
    lockedUntil: epochMs.nullable(),
  })
  .strict();

export type ManagerPinFile = z.infer<typeof managerPinFileSchema>;

/** Where the file lives is the caller's business (the shell: the app's data folder). */
export interface PinStore {
  /** `undefined` when there is no file; anything else is parsed and checked here */
  load(): unknown;
  save(file: ManagerPinFile): void;
}

/**
 * 'absent' is the only state that allows a first-run setup. Anything else that does not
 * parse is 'corrupt', and never read as "no PIN" (docs/manager.md: deleting or damaging the
 * file must not silently hand out a fresh manager PIN).
 */
export type LoadedPinFile =
  | { state: 'absent' }
  | { state: 'corrupt'; reason: string }
  /** well-formed, but not the file the app last wrote (electron/integrity/: its MAC differs) */
  | { state: 'changed' }
  | { state: 'present'; file: ManagerPinFile };

export function parseManagerPinFile(raw: unknown): LoadedPinFile {
  if (raw === undefined) return { state: 'absent' };
  const parsed = managerPinFileSchema.safeParse(raw);
  if (parsed.success) return { state: 'present', file: parsed.data };
  // The reason names paths and rules only: it is for a support engineer, and holds no value.
  const reason = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  return { state: 'corrupt', reason };
}
