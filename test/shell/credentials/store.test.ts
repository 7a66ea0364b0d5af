import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCredentialsStore } from '../../../electron/credentials/store';
import type { SafeStorageLike } from '../../../electron/credentials/store';
import { fakeSafeStorage, recordingLog } from '../fixtures/shell-stack';

let dir = '';
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  dir = '';
});

const clock = { now: () => 1_700_000_000_000 };
const secrets = { channelId: 'CH-0001-ABCDEF', secretKey: 'sk-live-0123456789abcdef' };

function store(safeStorage: SafeStorageLike = fakeSafeStorage()) {
  dir ||= mkdtempSync(join(tmpdir(), 'kicc-cred-'));
  const log = recordingLog();
  const file = join(dir, 'credentials.json');
  return { credentials: createCredentialsStore({ file, safeStorage, clock, log }), file, log };
}

describe('credentials (safeStorage)', () => {
  it('stores encrypted values, reads them back in main, and reports only "set"', () => {
    const { credentials, file } = store();
    expect(credentials.status()).toEqual({
      set: false,
      encryptionAvailable: true,
      updatedAt: null,
    });
    expect(credentials.save(secrets)).toEqual({ ok: true, value: { updatedAt: clock.now() } });
    expect(credentials.status()).toEqual({
      set: true,
      encryptionAvailable: true,
      updatedAt: clock.now(),
    });
    expect(credentials.read()).toEqual({ ok: true, value: secrets });
    const onDisk = readFileSync(file, 'utf8');
    expect(onDisk).not.toContain(secrets.channelId);
    expect(onDisk).not.toContain(secrets.secretKey);
  });

  it('a second store on the same file (next start) reads what the first saved', () => {
    const first = store();
    first.credentials.save(secrets);
    const second = createCredentialsStore({
      file: first.file,
      safeStorage: fakeSafeStorage(),
      clock,
      log: recordingLog(),
    });
    expect(second.read()).toEqual({ ok: true, value: secrets });
  });

  it.each([
    ['encryption unavailable', fakeSafeStorage(false)],
    [
      'Linux basic_text backend (hard-coded key)',
      { ...fakeSafeStorage(), getSelectedStorageBackend: () => 'basic_text' },
    ],
    [
      'isEncryptionAvailable throws',
      {
        ...fakeSafeStorage(),
        isEncryptionAvailable: () => {
          throw new Error('not ready');
        },
      },
    ],
  ])('refuses to store when %s, with a clear message, writing nothing', (_name, safeStorage) => {
    const { credentials } = store(safeStorage as SafeStorageLike);
    const saved = credentials.save(secrets);
    expect(saved).toMatchObject({
      ok: false,
      error: {
        code: 'encryption-unavailable',
        message: { ko: expect.any(String), en: expect.stringContaining('encrypt') },
      },
    });
    expect(credentials.status()).toMatchObject({ set: false, encryptionAvailable: false });
  });

  it('clear removes them', () => {
    const { credentials } = store();
    credentials.save(secrets);
    expect(credentials.clear()).toEqual({ ok: true, value: null });
    expect(credentials.read()).toEqual({ ok: true, value: null });
    expect(credentials.status().set).toBe(false);
  });

  it.each([
    ['not JSON', 'not json'],
    ['the wrong shape', JSON.stringify({ version: 2, channelId: 'x' })],
    [
      'ciphertext from another machine',
      JSON.stringify({ version: 1, channelId: 'QUJD', secretKey: 'QUJD', updatedAt: 1 }),
    ],
  ])('a stored file with %s is "not set" and unreadable, never a crash', (_name, content) => {
    const { credentials, file, log } = store();
    writeFileSync(file, content);
    expect(credentials.status().set).toBe(false);
    expect(credentials.read()).toMatchObject({
      ok: false,
      error: { code: 'credentials-unreadable' },
    });
    expect(log.lines.some((l) => l.level === 'warn')).toBe(true);
  });

  it('never logs the values', () => {
    const { credentials, log } = store();
    credentials.save(secrets);
    credentials.read();
    credentials.clear();
    const text = JSON.stringify(log.lines);
    expect(text).not.toContain(secrets.channelId);
    expect(text).not.toContain(secrets.secretKey);
  });
});
