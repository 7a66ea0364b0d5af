import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { canonicalJson } from '../audit/canonical';
import type { SafeStorageLike } from '../credentials/store';
import { writeFileAtomically } from '../files/atomic-write';
import { findingSchema } from './findings';

/**
 * `<userData>/integrity.json`: what the app itself last wrote, sealed with a key only this
 * Windows account's DPAPI opens (issue 11 "a key held by safeStorage MACs the settings, the PIN
 * file and the audit chain's head"). One file: the key (safeStorage ciphertext), the sealed
 * state, and an HMAC-SHA256 of the state under that key.
 *
 * The state holds the facts a cashier must not be able to change or remove without it showing:
 *  - the settings as a manager last saved them (a copy: a hand-edited settings.json is put back);
 *  - the manager PIN file's MAC ('absent' before any PIN, 'untrusted' when it cannot be
 *    vouched for), that a PIN was ever set, and the recovery code's slow hash;
 *  - the manager's choice of training (mode.json);
 *  - the live audit chain's head at the last seal;
 *  - the findings no manager has confirmed yet (they survive a restart).
 *
 * What DPAPI does and does not give (docs/shell.md "Threat model"): only a program running as
 * this Windows user can open the key, so Notepad, Explorer or an SQLite tool cannot forge a
 * MAC; a program written to call DPAPI as the same user can. The file itself can be deleted:
 * ./start.ts tells that from a first start by the live audit log.
 */
export const INTEGRITY_VERSION = 1;

const checkpointSchema = z.strictObject({
  seq: z.int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

const pinHashSchema = z.strictObject({
  algo: z.literal('scrypt'),
  N: z
    .int()
    .min(2)
    .max(2 ** 20),
  r: z.int().min(1).max(32),
  p: z.int().min(1).max(16),
  salt: z.string().max(64),
  hash: z.string().max(128),
});

export const sealedStateSchema = z.strictObject({
  /**
   * the settings a manager last saved, as the file held them (read through the settings
   * migrations, so a seal outlives a settings format change); null: none can be vouched for
   */
  settings: z.record(z.string(), z.unknown()).nullable(),
  /** MAC of the PIN file the app last wrote (hex), or what stands in for one */
  pinFile: z.union([z.string().regex(/^[0-9a-f]{64}$/), z.enum(['absent', 'untrusted'])]),
  /**
   * the MAC of the PIN file being replaced, while the new one is written (./sealed-pin-store.ts):
   * a crash between the two writes leaves either file vouched for, never a false 'changed'
   */
  pinFileBefore: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  pinEverSet: z.boolean(),
  /** scrypt hash of the one-time recovery code (./recovery-code.ts); null: none issued */
  recovery: pinHashSchema.nullable(),
  modePreference: z.enum(['auto', 'training']).nullable(),
  liveAuditHead: checkpointSchema.nullable(),
  pending: z.array(findingSchema).max(100),
});
export type SealedState = z.infer<typeof sealedStateSchema>;

const fileSchema = z.strictObject({
  version: z.literal(INTEGRITY_VERSION),
  key: z.base64(),
  state: z.unknown(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

/** HMAC-SHA256 hex of `label` and the canonical JSON of `value`: one rule for every seal. */
export function macOf(key: Buffer, label: string, value: unknown): string {
  return createHmac('sha256', key)
    .update(label)
    .update('\n')
    .update(canonicalJson(value))
    .digest('hex');
}

export const macMatches = (expected: string, actual: string): boolean =>
  expected.length === actual.length &&
  timingSafeEqual(Buffer.from(expected, 'utf8'), Buffer.from(actual, 'utf8'));

export type OpenedSeal =
  | { state: 'absent' }
  /** damaged, from another PC or Windows account, or its MAC does not match */
  | { state: 'unreadable'; why: string }
  | { state: 'sealed'; key: Buffer; sealed: SealedState };

export interface SealFile {
  open(): OpenedSeal;
  /** writes the state under `key` (temp file, fsync, rename) */
  write(key: Buffer, state: SealedState): Result<void, string>;
}

export function sealFile(path: string, safeStorage: SafeStorageLike): SealFile {
  return {
    open() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'absent' };
        return { state: 'unreadable', why: 'the file cannot be read' };
      }
      let parsed: z.infer<typeof fileSchema>;
      try {
        const checked = fileSchema.safeParse(JSON.parse(text));
        if (!checked.success) return { state: 'unreadable', why: 'the file is not a seal' };
        parsed = checked.data;
      } catch {
        return { state: 'unreadable', why: 'the file is not JSON' };
      }
      let key: Buffer;
      try {
        key = Buffer.from(safeStorage.decryptString(Buffer.from(parsed.key, 'base64')), 'base64');
      } catch {
        return { state: 'unreadable', why: 'the key does not open for this Windows account' };
      }
      if (key.length !== 32) return { state: 'unreadable', why: 'the key is not 32 bytes' };
      if (!macMatches(parsed.mac, macOf(key, 'state', parsed.state))) {
        return { state: 'unreadable', why: 'the seal does not match its content' };
      }
      const state = sealedStateSchema.safeParse(parsed.state);
      if (!state.success) return { state: 'unreadable', why: 'the sealed state has another shape' };
      return { state: 'sealed', key, sealed: state.data };
    },

    write(key, state) {
      try {
        const record = {
          version: INTEGRITY_VERSION,
          key: safeStorage.encryptString(key.toString('base64')).toString('base64'),
          state,
          mac: macOf(key, 'state', state),
        };
        writeFileAtomically(path, `${JSON.stringify(record, null, 2)}\n`);
        return ok(undefined);
      } catch (error) {
        return err(error instanceof Error ? error.message : 'not written');
      }
    },
  };
}
