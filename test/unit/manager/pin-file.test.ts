import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ManagerPinFile } from '../../../electron/manager/pin-file';
import { parseManagerPinFile } from '../../../electron/manager/pin-file';
import { createPinFileStore } from '../../../electron/manager/pin-file-store';

const GOOD: ManagerPinFile = {
  version: 1,
  pin: {
    algo: 'scrypt',
    N: 32768,
    r: 8,
    p: 1,
    salt: Buffer.alloc(16, 1).toString('base64'),
    hash: Buffer.alloc(32, 2).toString('base64'),
  },
  setAt: 1_700_000_000_000,
  failures: 0,
  lockedUntil: null,
};

const withPin = (pin: Partial<ManagerPinFile['pin']>): unknown => ({
  ...GOOD,
  pin: { ...GOOD.pin, ...pin },
});

describe('parseManagerPinFile', () => {
  it('reads a good file', () => {
    expect(parseManagerPinFile(GOOD)).toEqual({ state: 'present', file: GOOD });
  });

  it('reads "no file" as absent, and only that', () => {
    expect(parseManagerPinFile(undefined)).toEqual({ state: 'absent' });
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['an empty object', {}],
    ['text that was not JSON', '{"version":1,'],
    ['an unreadable file', { unreadable: 'EACCES' }],
    ['another version', { ...GOOD, version: 2 }],
    ['another algorithm', withPin({ algo: 'sha256' as 'scrypt' })],
    ['N not a power of two', withPin({ N: 30000 })],
    ['N so large one check would need gigabytes', withPin({ N: 2 ** 20, r: 32 })],
    ['a short salt', withPin({ salt: Buffer.alloc(8).toString('base64') })],
    ['a hash that is not base64', withPin({ hash: '!!!' })],
    ['a missing hash', { ...GOOD, pin: { ...GOOD.pin, hash: undefined } }],
    ['negative failures', { ...GOOD, failures: -1 }],
    ['an extra key', { ...GOOD, pinPlain: '9137' }],
  ])('reads %s as corrupt, never as absent', (_name, raw) => {
    const loaded = parseManagerPinFile(raw);
    expect(loaded.state).toBe('corrupt');
  });

  it('never puts a value from the file into the reason', () => {
    const loaded = parseManagerPinFile({ ...GOOD, pinPlain: '7391' });
    expect(loaded.state === 'corrupt' && loaded.reason).not.toContain('7391');
  });
});

describe('createPinFileStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pin-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads undefined when there is no file, and reads back what it saved', () => {
    const store = createPinFileStore(join(dir, 'manager-pin.json'));
    expect(store.load()).toBeUndefined();
    store.save(GOOD);
    expect(store.load()).toEqual(GOOD);
    expect(parseManagerPinFile(store.load()).state).toBe('present');
  });

  it('replaces the file whole (no temporary file left behind)', () => {
    const path = join(dir, 'manager-pin.json');
    const store = createPinFileStore(path);
    store.save(GOOD);
    store.save({ ...GOOD, failures: 3 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ failures: 3 });
    expect(() => statSync(`${path}.tmp`)).toThrow();
  });

  it.each<[string, (path: string) => void]>([
    ['a truncated file', (path) => writeFileSync(path, '{"version":1,"pin":')],
    ['an empty file', (path) => writeFileSync(path, '')],
    ['a folder where the file should be', (path) => mkdirSync(path)],
  ])('shows %s as corrupt', (_name, damage) => {
    const path = join(dir, 'manager-pin.json');
    damage(path);
    expect(parseManagerPinFile(createPinFileStore(path).load()).state).toBe('corrupt');
  });
});
