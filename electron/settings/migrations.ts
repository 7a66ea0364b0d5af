import type { StoredSettings } from './schema';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from './schema';

/**
 * Settings file migrations: migration N turns a version-N file into version N+1. They run at
 * start, before the file is validated, and the original is kept beside it
 * (settings.v<N>.json) so a manager can always go back.
 *
 * Why not electron-store's own `migrations`: those are keyed by the APP's semver, which ties the
 * file format to release numbers and runs on first install too; an integer format version is
 * explicit, and these functions are testable without Electron.
 *
 * Version 0: any file without `schemaVersion` (written before the format was versioned, or by
 * hand): known keys are kept, missing ones take the defaults, unknown ones are dropped.
 * Version 2 added `storeName` (the slip's store line), '' until a manager sets it.
 * Version 3 added `kiosk` (full-screen window), off until a manager turns it on.
 * Version 4 added `cashiers` (who may be named as the requester at the till), none at first.
 * Version 5 added `confirmedRefusalCodes` (issue 9): none until a manager confirms codes with KICC.
 * Version 6 added `autoPrintSettled` (off) and `backupFolder` ('': no backup yet), issue 12.
 */
type Migration = (previous: Record<string, unknown>) => Record<string, unknown>;

export const SETTINGS_MIGRATIONS: readonly Migration[] = [
  // 0 -> 1
  (previous) => {
    const next: Record<string, unknown> = { ...DEFAULT_SETTINGS, schemaVersion: 1 };
    for (const key of Object.keys(DEFAULT_SETTINGS)) {
      if (key !== 'schemaVersion' && Object.hasOwn(previous, key)) next[key] = previous[key];
    }
    if (typeof previous.limits === 'object' && previous.limits !== null) {
      next.limits = { ...DEFAULT_SETTINGS.limits, ...(previous.limits as object) };
    }
    return next;
  },
  // 1 -> 2: the store's name for the slips (storeName), not set yet. A file that went through
  // 0 -> 1 just now may already carry one (0 -> 1 keeps every key the app knows today).
  (previous) => ({
    ...previous,
    schemaVersion: 2,
    storeName: typeof previous.storeName === 'string' ? previous.storeName : '',
  }),
  // 2 -> 3: kiosk mode, off (a maximized window, as before)
  (previous) => ({
    ...previous,
    schemaVersion: 3,
    kiosk: typeof previous.kiosk === 'boolean' ? previous.kiosk : false,
  }),
  // 3 -> 4: the store's cashiers; none: a one-person store, recorded as "계산원" as before
  (previous) => ({
    ...previous,
    schemaVersion: 4,
    cashiers: Array.isArray(previous.cashiers) ? previous.cashiers : [],
  }),
  // 4 -> 5: the KICC codes confirmed to mean "nothing happened" (issue 9): none yet. A file that
  // went through 0 -> 1 just now may already carry a list.
  (previous) => ({
    ...previous,
    schemaVersion: 5,
    confirmedRefusalCodes: Array.isArray(previous.confirmedRefusalCodes)
      ? previous.confirmedRefusalCodes
      : [],
  }),
  // 5 -> 6: automatic printing of settled slips (off until a manager turns it on) and the
  // backup folder (none until a manager chooses one). Kept when 0 -> 1 already carried them.
  (previous) => ({
    ...previous,
    schemaVersion: 6,
    autoPrintSettled:
      typeof previous.autoPrintSettled === 'boolean' ? previous.autoPrintSettled : false,
    backupFolder: typeof previous.backupFolder === 'string' ? previous.backupFolder : '',
  }),
];

export type MigrationOutcome =
  | { kind: 'current'; value: Record<string, unknown> }
  | { kind: 'migrated'; from: number; value: Record<string, unknown> }
  | { kind: 'too-new'; version: number }
  | { kind: 'not-an-object' };

/** Brings a parsed settings file to SETTINGS_VERSION. Does not validate: the caller does. */
export function migrateSettings(raw: unknown): MigrationOutcome {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { kind: 'not-an-object' };
  const record = raw as Record<string, unknown>;
  const found = record.schemaVersion;
  const version = found === undefined ? 0 : found;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { kind: 'not-an-object' };
  }
  // A file from a newer app: refuse rather than guess (a downgrade must not destroy settings).
  if (version > SETTINGS_VERSION) return { kind: 'too-new', version };
  let value = record;
  for (let v = version; v < SETTINGS_VERSION; v += 1) {
    const step = SETTINGS_MIGRATIONS[v];
    if (!step) return { kind: 'too-new', version };
    value = step(value);
  }
  return version === SETTINGS_VERSION
    ? { kind: 'current', value }
    : { kind: 'migrated', from: version, value };
}

export type { StoredSettings };
