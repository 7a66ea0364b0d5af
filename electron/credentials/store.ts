import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../../shared/clock';
import { SHELL_ERROR, posError } from '../../shared/contract';
import type { CredentialsInput, PosError } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { KiccCredentials } from '../kicc/signing';
import type { ShellLog } from '../log/shell-log';

/**
 * The merchant's KICC ChannelId and SecretKey, encrypted with the OS through Electron's
 * safeStorage (DPAPI on Windows), in one file in userData. Modelled on Signal-Desktop's
 * `getSQLKey` (STYLE.md): never fall back to plain text; if the OS cannot encrypt, refuse.
 *
 * Write-only towards the page: the IPC port (../ipc/port.ts) offers status/save/clear; `read`
 * is for the main process's KICC client only.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only; 'basic_text' means "obfuscated with a hard-coded key": refused too. */
  getSelectedStorageBackend?(): string;
}

/**
 * Whether the OS can keep a secret for this Windows account: safeStorage available, and not
 * Linux's 'basic_text' (a hard-coded key). The credentials and the integrity key (electron/
 * integrity/) are kept only when it can.
 */
export function canEncrypt(safeStorage: SafeStorageLike): boolean {
  try {
    if (!safeStorage.isEncryptionAvailable()) return false;
    return safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
  } catch {
    return false;
  }
}

export interface CredentialsStore {
  status(): { set: boolean; encryptionAvailable: boolean; updatedAt: number | null };
  save(input: CredentialsInput): Result<{ updatedAt: number }, PosError>;
  clear(): Result<null, PosError>;
  /** Main process only. null when none are stored. */
  read(): Result<KiccCredentials | null, PosError>;
}

const fileSchema = z.object({
  version: z.literal(1),
  channelId: z.base64(),
  secretKey: z.base64(),
  updatedAt: z.number().int().nonnegative(),
});

export const encryptionUnavailable = (): PosError =>
  posError(
    SHELL_ERROR.encryptionUnavailable,
    '이 PC에서는 인증 정보를 안전하게 암호화할 수 없어 저장하지 않았습니다. Windows 사용자 계정으로 로그인했는지 확인하세요.',
    'Credentials were not saved: this PC cannot encrypt them safely. Check that you are signed in to a Windows user account.',
  );

const unreadable = (): PosError =>
  posError(
    'credentials-unreadable',
    '저장된 인증 정보를 읽을 수 없습니다. 다시 입력해 주세요.',
    'The stored credentials cannot be read. Please enter them again.',
  );

const notWritten = (): PosError =>
  posError(
    'credentials-not-saved',
    '인증 정보를 저장하지 못했습니다. 디스크 공간과 권한을 확인하세요.',
    'The credentials could not be saved. Check disk space and permissions.',
  );

export interface CredentialsStoreDeps {
  /** e.g. <userData>/credentials.json */
  file: string;
  safeStorage: SafeStorageLike;
  clock: Clock;
  log: ShellLog;
}

export function createCredentialsStore(deps: CredentialsStoreDeps): CredentialsStore {
  const { file, safeStorage, clock, log } = deps;

  const encryptionAvailable = (): boolean => canEncrypt(safeStorage);

  const load = (): Result<z.infer<typeof fileSchema> | null, PosError> => {
    if (!existsSync(file)) return ok(null);
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) return ok(parsed.data);
    } catch {
      // fall through: a damaged file is "unreadable", not a crash
    }
    log.warn('credentials: stored file is damaged');
    return err(unreadable());
  };

  // The decrypted values, kept in main's memory only, so the IPC's last-net check
  // (../ipc/dispatch.ts) does not decrypt the file on every call. Reset by save and clear.
  let cached: Result<KiccCredentials | null, PosError> | undefined;
  const read = (): Result<KiccCredentials | null, PosError> => {
    cached ??= decrypt();
    return cached;
  };

  const decrypt = (): Result<KiccCredentials | null, PosError> => {
    const stored = load();
    if (!stored.ok || stored.value === null) return stored.ok ? ok(null) : stored;
    if (!encryptionAvailable()) return err(encryptionUnavailable());
    try {
      return ok({
        channelId: safeStorage.decryptString(Buffer.from(stored.value.channelId, 'base64')),
        secretKey: safeStorage.decryptString(Buffer.from(stored.value.secretKey, 'base64')),
      });
    } catch {
      // e.g. the folder was copied to another Windows account: DPAPI cannot decrypt there.
      log.warn('credentials: cannot decrypt the stored credentials');
      return err(unreadable());
    }
  };

  return {
    status() {
      // "Set" means usable: a file that no longer decrypts must be entered again.
      const stored = load();
      const usable = read();
      const set = usable.ok && usable.value !== null;
      return {
        set,
        encryptionAvailable: encryptionAvailable(),
        updatedAt: set && stored.ok && stored.value !== null ? stored.value.updatedAt : null,
      };
    },

    save(input) {
      if (!encryptionAvailable()) {
        log.warn('credentials: refused to save, OS encryption unavailable');
        return err(encryptionUnavailable());
      }
      const updatedAt = clock.now();
      const record = {
        version: 1 as const,
        channelId: safeStorage.encryptString(input.channelId).toString('base64'),
        secretKey: safeStorage.encryptString(input.secretKey).toString('base64'),
        updatedAt,
      };
      try {
        mkdirSync(dirname(file), { recursive: true });
        // Write then rename: a crash leaves the old file or the new one, never half of one.
        const temp = `${file}.tmp`;
        writeFileSync(temp, JSON.stringify(record), { mode: 0o600 });
        renameSync(temp, file);
      } catch {
        log.error('credentials: could not write the credentials file');
        return err(notWritten());
      }
      cached = undefined;
      log.info('credentials: saved');
      return ok({ updatedAt });
    },

    clear() {
      try {
        rmSync(file, { force: true });
      } catch {
        return err(notWritten());
      }
      cached = undefined;
      log.info('credentials: cleared');
      return ok(null);
    },

    read,
  };
}
