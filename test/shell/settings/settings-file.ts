import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openSettings, type SettingsStore } from '../../../electron/settings/settings-store';
import { confBackend, recordingLog } from '../fixtures/shell-stack';

/**
 * `open(fileContent?)` opens the settings from a fresh temporary folder, holding a settings file
 * with `fileContent` (a file as an earlier release wrote it) or none (a fresh install). Every
 * folder is removed after each test. Call once at the top of a test file.
 */
export function settingsFileOpener(): (fileContent?: string) => {
  file: string;
  settings: SettingsStore;
} {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  return (fileContent) => {
    const folder = mkdtempSync(join(tmpdir(), 'kicc-settings-'));
    folders.push(folder);
    const file = join(folder, 'settings.json');
    if (fileContent !== undefined) writeFileSync(file, fileContent);
    const opened = openSettings({
      file,
      createBackend: () => confBackend(folder),
      clock: { now: () => 1_700_000_000_000 },
      log: recordingLog(),
    });
    if (!opened.ok) throw new Error(`open: ${opened.error.kind}`);
    return { file, settings: opened.value };
  };
}
