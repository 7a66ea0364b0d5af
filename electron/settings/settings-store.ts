import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Clock } from '../../shared/clock';
import { SHELL_ERROR, fieldErrorsFrom, posError } from '../../shared/contract';
import type { PosError, PosResult, Settings, SettingsPatch } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { ShellLog } from '../log/shell-log';
import type { SettingsPort } from '../ipc/port';
import { migrateSettings } from './migrations';
import {
  DEFAULT_SETTINGS,
  publicSettings,
  settingsJsonSchema,
  storedSettingsSchema,
} from './schema';
import type { StoredSettings } from './schema';

/**
 * Settings in main: opened once at start, changed through `update` (IPC settings.update).
 *
 * Decision (the spec is silent; docs/shell.md "Settings"): a settings file that cannot be read
 * (not JSON, fails the schema, written by a NEWER app) is NEVER silently replaced by defaults.
 * `openSettings` answers a SettingsProblem; main shows it to the person at the till and offers
 * either to quit, or to start with defaults after moving the bad file aside
 * (`settings.damaged-<time>.json`), so nothing is lost.
 */

/** What electron-store (and its base, conf) offer; tests hand in conf itself. */
export interface SettingsFileBackend {
  readonly path: string;
  /** reads and validates the file (throws "Config schema violation: ..." when invalid) */
  store: Record<string, unknown>;
}

/** electron-store options for the settings file (JSON Schema generated from the zod schema). */
export function settingsStoreOptions(dataDir: string) {
  return {
    name: 'settings',
    cwd: dataDir,
    ...settingsJsonSchema(),
    defaults: DEFAULT_SETTINGS,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
  };
}

export interface SettingsProblem {
  kind: 'damaged' | 'too-new';
  file: string;
  /** what is wrong, in the schema's words (key paths, no values) */
  detail: string;
}

export interface SettingsStore extends SettingsPort {
  /** The full stored record, for main's own use (mode decision, services config). */
  current(): StoredSettings;
  /**
   * The backup folder, from main's own folder dialog only (issue 12): not in the page's
   * settings.update patch, so the page can never name a path.
   */
  setBackupFolder(folder: string): PosResult<Settings>;
}

export interface OpenSettingsDeps {
  /** <userData>/settings.json: must be the file the backend uses */
  file: string;
  createBackend: () => SettingsFileBackend;
  clock: Clock;
  log: ShellLog;
  /** told after each successful update (e.g. to apply start-at-login) */
  onChange?: (next: StoredSettings, previous: StoredSettings) => void;
}

export function openSettings(deps: OpenSettingsDeps): Result<SettingsStore, SettingsProblem> {
  const { file, log, clock } = deps;
  const problem = (kind: SettingsProblem['kind'], detail: string) =>
    err<SettingsProblem>({ kind, file, detail: detail.slice(0, 500) });

  if (existsSync(file)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return problem('damaged', 'the file is not valid JSON');
    }
    const migrated = migrateSettings(raw);
    if (migrated.kind === 'not-an-object')
      return problem('damaged', 'the file is not a settings object');
    if (migrated.kind === 'too-new') {
      return problem(
        'too-new',
        `written by a newer version of the app (format ${migrated.version})`,
      );
    }
    if (migrated.kind === 'migrated') {
      // Keep the original beside it, then replace in one rename.
      copyFileSync(file, file.replace(/\.json$/, `.v${migrated.from}.json`));
      writeFileSync(`${file}.tmp`, JSON.stringify(migrated.value, null, '\t'));
      renameSync(`${file}.tmp`, file);
      log.info('settings: migrated', { from: migrated.from, at: clock.now() });
    }
  }

  let backend: SettingsFileBackend;
  let stored: StoredSettings;
  try {
    backend = deps.createBackend();
    const parsed = storedSettingsSchema.safeParse(backend.store);
    if (!parsed.success) {
      return problem('damaged', parsed.error.issues.map((i) => i.path.join('.')).join(', '));
    }
    stored = parsed.data;
  } catch (error) {
    // conf's "Config schema violation: `limits/offlineMaxCount` must be >= 0" names keys only.
    return problem('damaged', error instanceof Error ? error.message : 'unreadable');
  }

  const store: SettingsStore = {
    current: () => stored,
    get: (): Settings => publicSettings(stored),
    update(patch: SettingsPatch): PosResult<Settings> {
      const next = {
        ...stored,
        ...patch,
        limits: { ...stored.limits, ...patch.limits },
      };
      const checked = storedSettingsSchema.safeParse(next);
      if (!checked.success) return err(invalidSettings(checked.error));
      try {
        backend.store = checked.data;
      } catch {
        log.error('settings: could not write the settings file');
        return err(notWritten());
      }
      const previous = stored;
      stored = checked.data;
      deps.onChange?.(stored, previous);
      return ok(publicSettings(stored));
    },
    setBackupFolder(folder: string): PosResult<Settings> {
      // the same checked write; the key is one the page's patch schema does not have
      const patch: SettingsPatch & Pick<StoredSettings, 'backupFolder'> = { backupFolder: folder };
      return store.update(patch);
    },
  };
  return ok(store);
}

/** Moves a bad settings file aside (kept for the manager), so a fresh one can be started. */
export function setAsideSettingsFile(file: string, clock: Clock): string {
  const aside = file.replace(/\.json$/, `.damaged-${clock.now()}.json`);
  renameSync(file, aside);
  return aside;
}

const invalidSettings = (error: Parameters<typeof fieldErrorsFrom>[0]): PosError =>
  posError(
    SHELL_ERROR.invalidSettings,
    '설정값이 올바르지 않아 저장하지 않았습니다.',
    'The settings are not valid and were not saved.',
    fieldErrorsFrom(error),
  );

const notWritten = (): PosError =>
  posError(
    'settings-not-saved',
    '설정을 저장하지 못했습니다. 디스크 공간과 권한을 확인하세요.',
    'The settings could not be saved. Check disk space and permissions.',
  );
