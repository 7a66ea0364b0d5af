import type { SqliteDb } from '../ledger/sqlite';

/**
 * The audit log's table. Wiring (docs/manager.md "Audit log"): the ledger owns the database
 * file and its migrations; it runs AUDIT_SCHEMA_SQL as one of its migrations, or calls
 * migrateAudit(db) after its own, inside or outside a transaction (it is idempotent).
 *
 * Triggers refuse UPDATE and DELETE, and an INSERT whose seq is not the next number (which
 * also stops `INSERT OR REPLACE`: SQLite's REPLACE deletes the old row WITHOUT firing delete
 * triggers unless recursive_triggers is on — SQLite docs, "ON CONFLICT clause"). They are
 * defence in depth only: whoever can write the file can drop them, and ./verify.ts is what
 * detects that person's edits.
 */
export const AUDIT_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS audit_events (
  seq        INTEGER PRIMARY KEY CHECK (seq >= 1),
  at         INTEGER NOT NULL,
  actor      TEXT NOT NULL,
  kind       TEXT NOT NULL,
  subject    TEXT NOT NULL,
  details    TEXT NOT NULL,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS audit_events_by_subject ON audit_events(subject, seq);
CREATE INDEX IF NOT EXISTS audit_events_by_kind ON audit_events(kind, seq);
CREATE INDEX IF NOT EXISTS audit_events_by_at ON audit_events(at);
CREATE TRIGGER IF NOT EXISTS audit_events_no_update BEFORE UPDATE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_events_no_delete BEFORE DELETE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_events_in_sequence BEFORE INSERT ON audit_events
  WHEN NEW.seq <> COALESCE((SELECT MAX(seq) FROM audit_events), 0) + 1
  BEGIN SELECT RAISE(ABORT, 'audit events are appended in sequence'); END;
`;

const COLUMNS = ['seq', 'at', 'actor', 'kind', 'subject', 'details', 'prev_hash', 'hash'];

/**
 * An `audit_events` table of another shape already exists (an earlier, unchained layout).
 * `CREATE TABLE IF NOT EXISTS` would silently keep it and every append would then fail, so we
 * refuse at start with a message that says what to do.
 */
export class AuditSchemaConflictError extends Error {
  constructor(found: readonly string[]) {
    super(
      `table audit_events has columns (${found.join(', ')}), expected (${COLUMNS.join(', ')}): ` +
        'an older audit table must be migrated into the hash-chained one (docs/manager.md)',
    );
    this.name = 'AuditSchemaConflictError';
  }
}

/** Creates the audit table, its indexes and triggers if missing. Idempotent. */
export function migrateAudit(db: SqliteDb): void {
  const found = db
    .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('audit_events')")
    .all()
    .map((column) => column.name);
  if (found.length > 0 && COLUMNS.some((column) => !found.includes(column))) {
    throw new AuditSchemaConflictError(found);
  }
  db.exec(AUDIT_SCHEMA_SQL);
}
