import { MIGRATIONS, SCHEMA_VERSION } from './schema';
import { openSqlite, type SqliteDb } from './sqlite';

export type { SqliteDb } from './sqlite';

export interface OpenDbOptions {
  /**
   * Hold the file's lock for as long as it is open (DESIGN.md "One writer: a single process owns
   * the ledger"). A second process opening the same ledger then fails at once instead of
   * interleaving writes. Default true; false only for tools that inspect a closed ledger.
   */
  exclusive?: boolean;
  /**
   * How long to wait for another owner to let go (a previous run still closing) before failing.
   * Default 2000 ms.
   */
  busyTimeoutMs?: number;
}

/** The ledger was written by a newer version of the app: refuse rather than guess. */
export class LedgerTooNewError extends Error {
  constructor(found: number) {
    super(`ledger schema version ${found} is newer than this app's ${SCHEMA_VERSION}`);
    this.name = 'LedgerTooNewError';
  }
}

/**
 * Opens (creating if needed) the SQLite ledger at `file` (':memory:' for tests), with the
 * durability settings DESIGN.md "Data" requires, and brings its schema up to date.
 *
 * - WAL + synchronous=FULL: a committed transaction survives kill -9 and power loss (the WAL is
 *   fsynced at every commit).
 * - foreign_keys=ON: an attempt cannot point at a cancellation that does not exist.
 * - locking_mode=EXCLUSIVE (default): one process owns the ledger; set before the first access
 *   so WAL uses no shared memory (SQLite docs, "WAL without shared memory").
 * - temp_store=MEMORY: SQLite's temporary files live in memory. The one that matters is the
 *   sub-journal, kept for a SAVEPOINT (the group commit runs every step in one,
 *   ./groupCommit.ts) and for a statement a trigger or constraint may have to undo: it keeps
 *   the original of each page changed, and past 64 KiB it spills to a temporary file, one
 *   pwrite per page. A drain made 139 write calls per item with the default and 27 with this,
 *   and its system time halved (docs/bench.md "temp_store"). Nothing durable is in these
 *   files: they die with the transaction. Chromium builds SQLite this way on Android
 *   (SQLITE_TEMP_STORE=3).
 */
export function openLedgerDb(file: string, options: OpenDbOptions = {}): SqliteDb {
  const db = openSqlite(file, { timeoutMs: options.busyTimeoutMs ?? 2000 });
  try {
    if (options.exclusive !== false) db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: SqliteDb): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Applies every migration above the stored user_version, one transaction each. */
export function migrate(db: SqliteDb): void {
  const found = schemaVersion(db);
  if (found > SCHEMA_VERSION) throw new LedgerTooNewError(found);
  for (const migration of MIGRATIONS) {
    if (migration.version <= found) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.run?.(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
