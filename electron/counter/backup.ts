import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { backup as sqliteBackup } from 'node:sqlite';
import type { BackupResult, LocalizedText } from '../../shared/contract';
import type { Clock } from '../../shared/clock';
import { kstDateTime } from '../../shared/kicc/time';
import type { JsonObject } from '../audit/canonical';
import { createAuditLog } from '../ledger/audit';
import type { Ledger } from '../ledger/ledger';
import { SCHEMA_VERSION } from '../ledger/schema';
import { openSqlite } from '../ledger/sqlite';

/**
 * A backup of the ledger at the day's close, into a folder the manager chose (issue 12 finding
 * 9: "no backup but a manual robocopy"). SQLite's online backup (`backup()` from `node:sqlite`,
 * the engine's own connection, so nothing stops), then the copy is turned into one
 * self-contained file (rollback journal instead of WAL), then VERIFIED by opening it on its own:
 * SQLite's integrity check, the app's schema version, and the audit log's hash chain from its
 * first event to its last. Only a copy that passes is given its final name; a failed one is
 * removed, said in words, and the next close tries again. docs/shell.md "Backup and restore"
 * says how to restore one (scripts/restore.ts, ./restore.ts).
 */
export const BACKUP_MADE = 'backup.made';
export const BACKUP_FAILED = 'backup.failed';

/** How many backups of one mode are kept in the folder; older ones (ours only) are removed. */
export const BACKUPS_KEPT = 30;

/** A half-made copy goes; where even that fails (the folder is gone), there is nothing to remove. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // the folder itself is not there or not ours to write
  }
}

const FILE_PATTERN = /^kicc-desk-(live|training)-(\d{8})-(\d{6})\.sqlite$/;

/** `kicc-desk-live-20240105-213000.sqlite` (Korea time): sorts by time, says which ledger. */
export function backupFileName(mode: 'live' | 'training', at: number): string {
  const { date, time } = kstDateTime(at);
  return `kicc-desk-${mode}-${date}-${time}.sqlite`;
}

/** The mode a backup's file name says it holds, or null for a file that is not ours. */
export function backupModeOf(file: string): 'live' | 'training' | null {
  const match = FILE_PATTERN.exec(basename(file));
  return match ? (match[1] as 'live' | 'training') : null;
}

export type BackupCheck = { ok: true; events: number } | { ok: false; why: string };

/**
 * Opens a backup file on its own, read-only, and checks that it is a whole ledger of this app:
 * SQLite's integrity_check, the schema version, the hash chain of its audit log.
 */
export function verifyBackupFile(file: string): BackupCheck {
  let db: ReturnType<typeof openSqlite> | null = null;
  try {
    db = openSqlite(file, { readOnly: true, mustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return { ok: false, why: `integrity_check: ${String(integrity)}` };
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version !== SCHEMA_VERSION) return { ok: false, why: `schema version ${version}` };
    const chain = createAuditLog(db).verify();
    if (!chain.ok) return { ok: false, why: `audit chain: ${chain.message.en}` };
    return { ok: true, events: chain.count };
  } catch (error) {
    return { ok: false, why: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}

const words = {
  noFolder: {
    ko: '백업 폴더가 정해지지 않았습니다. 설정에서 백업 폴더를 고르세요.',
    en: 'No backup folder is chosen. Choose one in the settings.',
  },
  failed: (why: string): LocalizedText => ({
    ko: `백업하지 못했습니다. 폴더가 있고 쓸 수 있는지(USB 연결 등) 확인하세요. (${why})`,
    en: `The backup failed. Check that the folder is there and can be written (a USB drive?). (${why})`,
  }),
};

export interface BackupDeps {
  ledger: Ledger;
  /** which ledger this start runs on */
  mode: 'live' | 'training';
  /** the folder the manager chose ('' = none) */
  folder: () => string;
  clock: Clock;
  record: (kind: string, subject: string, details: JsonObject) => void;
}

export function createBackups(deps: BackupDeps) {
  let last: BackupResult | null = null;
  let running: Promise<BackupResult> | null = null;

  const failed = (trigger: BackupResult['trigger'], why: LocalizedText): BackupResult => ({
    ok: false,
    at: deps.clock.now(),
    trigger,
    file: '',
    bytes: 0,
    problem: why,
  });

  async function make(trigger: BackupResult['trigger']): Promise<BackupResult> {
    const folder = deps.folder();
    if (folder === '') return failed(trigger, words.noFolder);
    const at = deps.clock.now();
    const file = join(folder, backupFileName(deps.mode, at));
    const partial = `${file}.partial`;
    try {
      mkdirSync(folder, { recursive: true });
      await sqliteBackup(deps.ledger.db.raw, partial);
      // one self-contained file: no -wal beside it to forget when it is copied
      const copy = openSqlite(partial, { mustExist: true });
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
      const check = verifyBackupFile(partial);
      if (!check.ok) throw new Error(`the copy did not verify: ${check.why}`);
      renameSync(partial, file);
      const bytes = statSync(file).size;
      deps.record(BACKUP_MADE, 'backup', {
        trigger,
        file: basename(file),
        bytes,
        events: check.events,
      });
      prune(folder);
      return { ok: true, at, trigger, file, bytes, problem: null };
    } catch (error) {
      removeQuietly(partial);
      removeQuietly(`${partial}-journal`);
      const why = error instanceof Error ? error.message : String(error);
      deps.record(BACKUP_FAILED, 'backup', { trigger, why });
      return failed(trigger, words.failed(why));
    }
  }

  /** Removes our own oldest backups of this mode beyond BACKUPS_KEPT; never anything else. */
  function prune(folder: string): void {
    const ours = readdirSync(folder)
      .filter((name) => backupModeOf(name) === deps.mode)
      .sort();
    for (const name of ours.slice(0, Math.max(0, ours.length - BACKUPS_KEPT))) {
      rmSync(join(folder, name), { force: true });
    }
  }

  return {
    /** One at a time: a second request while one runs gets the same result. */
    run(trigger: BackupResult['trigger']): Promise<BackupResult> {
      running ??= make(trigger).then((result) => {
        last = result;
        running = null;
        return result;
      });
      return running;
    },
    last: (): BackupResult | null => last,
  };
}

export type Backups = ReturnType<typeof createBackups>;
