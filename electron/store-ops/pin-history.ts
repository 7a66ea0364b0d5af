import { existsSync } from 'node:fs';
import { openSqlite, type SqliteDb } from '../ledger/sqlite';

/**
 * Whether a manager PIN was ever set, read from a ledger this start does not own: in training
 * mode, the LIVE ledger's audit log (the training ledger is wiped at every start, but the PIN
 * file is the install's, shared by both modes). Then a PIN file deleted while in training shows
 * as `missing` (setup needs acknowledgeLoss and is recorded), not as a first run.
 *
 * Opened read-only and closed at once; any problem (no file, another layout, a lock) answers
 * false: the question only decides the wording of the PIN setup screen, never access.
 */
export function pinEverSetInLedger(file: string): boolean {
  if (!existsSync(file)) return false;
  let db: SqliteDb | null = null;
  try {
    db = openSqlite(file, { readOnly: true, mustExist: true });
    const row = db
      .prepare(
        `SELECT 1 AS found FROM audit_events
         WHERE kind IN ('manager.pin_set', 'manager.pin_reset_after_loss') LIMIT 1`,
      )
      .get();
    return row !== undefined;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}
