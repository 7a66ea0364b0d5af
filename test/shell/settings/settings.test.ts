import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSettings } from '../../../electron/settings/migrations';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../electron/settings/schema';
import { openSettings, setAsideSettingsFile } from '../../../electron/settings/settings-store';
import { confBackend, recordingLog } from '../fixtures/shell-stack';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const clock = { now: () => 1_700_000_000_000 };

function open(fileContent?: string) {
  dir = mkdtempSync(join(tmpdir(), 'kicc-settings-'));
  const file = join(dir, 'settings.json');
  if (fileContent !== undefined) writeFileSync(file, fileContent);
  const log = recordingLog();
  return {
    file,
    log,
    opened: openSettings({ file, createBackend: () => confBackend(dir), clock, log }),
  };
}

describe('settings: first start and updates', () => {
  it('starts from the defaults and writes them', () => {
    const { opened, file } = open();
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.current()).toEqual(DEFAULT_SETTINGS);
    expect(opened.value.get()).not.toHaveProperty('schemaVersion');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      schemaVersion: SETTINGS_VERSION,
    });
  });

  it('saves a valid update and reads it back at the next start', () => {
    const { opened } = open();
    if (!opened.ok) throw new Error('open');
    const updated = opened.value.update({
      apiBaseUrl: 'https://pay.example.co.kr',
      terminalId: 'T123456789',
      limits: { cashierMaxAmount: 50_000 },
      language: 'en',
    });
    expect(updated).toMatchObject({
      ok: true,
      value: { language: 'en', limits: { cashierMaxAmount: 50_000, offlineMaxCount: 20 } },
    });
    const again = openSettings({
      file: join(dir, 'settings.json'),
      createBackend: () => confBackend(dir),
      clock,
      log: recordingLog(),
    });
    expect(again.ok && again.value.current().apiBaseUrl).toBe('https://pay.example.co.kr');
  });

  it('tells onChange about an update (start-at-login is applied there)', () => {
    dir = mkdtempSync(join(tmpdir(), 'kicc-settings-'));
    const changes: boolean[] = [];
    const opened = openSettings({
      file: join(dir, 'settings.json'),
      createBackend: () => confBackend(dir),
      clock,
      log: recordingLog(),
      onChange: (next) => changes.push(next.startAtLogin),
    });
    if (!opened.ok) throw new Error('open');
    opened.value.update({ startAtLogin: true });
    expect(changes).toEqual([true]);
  });
});

describe('settings: what is refused', () => {
  it.each([
    ['a terminal id longer than 10 bytes', { terminalId: 'T1234567890X' }],
    ['a business number with letters', { businessNumber: '12345abcde' }],
    ['a 9-digit business number', { businessNumber: '123456789' }],
    ['a Korean terminal id', { terminalId: '단말기' }],
    ['an http API address (other than 127.0.0.1)', { apiBaseUrl: 'http://pay.example.co.kr' }],
    ['an API address with a path', { apiBaseUrl: 'https://pay.example.co.kr/smpy' }],
    ['an API address with credentials', { apiBaseUrl: 'https://u:p@pay.example.co.kr' }],
    ['a negative limit', { limits: { cashierMaxAmount: -1 } }],
    ['an unknown language', { language: 'jp' }],
  ])('refuses %s (update leaves the file as it was)', (_name, patch) => {
    const { opened, file } = open();
    if (!opened.ok) throw new Error('open');
    const before = readFileSync(file, 'utf8');
    // updates arrive through the contract, which checks the patch first; the store checks again
    const answer = opened.value.update(patch as never);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-settings' } });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(opened.value.current()).toEqual(DEFAULT_SETTINGS);
  });

  it('accepts http://127.0.0.1 (a simulator for training)', () => {
    const { opened } = open();
    if (!opened.ok) throw new Error('open');
    expect(opened.value.update({ apiBaseUrl: 'http://127.0.0.1:8080' }).ok).toBe(true);
  });
});

describe('settings on disk that cannot be used are never silently replaced', () => {
  it.each([
    ['not JSON', '{ nope', 'not valid JSON'],
    ['an array', '[1,2]', 'not a settings object'],
    [
      'a schema violation',
      JSON.stringify({
        ...DEFAULT_SETTINGS,
        limits: { ...DEFAULT_SETTINGS.limits, offlineMaxCount: -3 },
      }),
      'offlineMaxCount',
    ],
    [
      'an invalid KICC value',
      JSON.stringify({ ...DEFAULT_SETTINGS, businessNumber: '12345' }),
      'businessNumber',
    ],
    [
      'a file from a newer app',
      JSON.stringify({ ...DEFAULT_SETTINGS, schemaVersion: 99 }),
      'newer',
    ],
  ])('%s: a problem naming the file, and the file untouched', (_name, content, detail) => {
    const { opened, file } = open(content);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.error.file).toBe(file);
    expect(opened.error.detail).toContain(detail);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('the bad file can be set aside (kept) and a fresh start made', () => {
    const { file } = open('{ nope');
    const aside = setAsideSettingsFile(file, clock);
    expect(readFileSync(aside, 'utf8')).toBe('{ nope');
    expect(existsSync(file)).toBe(false);
    const fresh = openSettings({
      file,
      createBackend: () => confBackend(dir),
      clock,
      log: recordingLog(),
    });
    expect(fresh.ok && fresh.value.current()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings migrations', () => {
  it('brings an unversioned file to the current version, keeping known values and a copy', () => {
    const old = {
      terminalId: 'T123456789',
      language: 'en',
      limits: { cashierMaxAmount: 1000 },
      legacy: 1,
    };
    const { opened, file, log } = open(JSON.stringify(old));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.current()).toEqual({
      ...DEFAULT_SETTINGS,
      terminalId: 'T123456789',
      language: 'en',
      limits: { ...DEFAULT_SETTINGS.limits, cashierMaxAmount: 1000 },
    });
    expect(JSON.parse(readFileSync(file.replace('.json', '.v0.json'), 'utf8'))).toEqual(old);
    expect(log.lines.map((l) => l.message)).toContain('settings: migrated');
  });

  it.each([
    ['the current version', { ...DEFAULT_SETTINGS }, 'current'],
    ['no version', {}, 'migrated'],
    ['a newer version', { schemaVersion: SETTINGS_VERSION + 1 }, 'too-new'],
    ['a version that is not a number', { schemaVersion: '1' }, 'not-an-object'],
    ['null', null, 'not-an-object'],
  ])('classifies %s', (_name, raw, kind) => {
    expect(migrateSettings(raw).kind).toBe(kind);
  });
});

describe('the JSON Schema electron-store enforces (generated from the zod schema)', () => {
  it('makes electron-store itself refuse a file that breaks it', () => {
    dir = mkdtempSync(join(tmpdir(), 'kicc-settings-'));
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ ...DEFAULT_SETTINGS, language: 'fr', startAtLogin: 'yes' }),
    );
    expect(() => confBackend(dir)).toThrow(/Config schema violation: .*language.*startAtLogin/);
  });
});
