import { openSqlite } from '../../../electron/ledger/sqlite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../../electron/ledger/ledger';
import {
  LedgerTooNewError,
  migrate,
  openLedgerDb,
  schemaVersion,
} from '../../../electron/ledger/open';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/ledger/schema';
import { tempDir } from './tmpLedger';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function freshFile(): string {
  const t = tempDir();
  cleanups.push(t.remove);
  return join(t.dir, 'ledger.sqlite');
}

describe('opening the ledger', () => {
  it('creates the schema at the latest version on an empty file', () => {
    const db = openLedgerDb(freshFile());
    cleanups.unshift(() => db.close());
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
      )
      .all()
      .map((r) => r.name);
    expect(tables).toEqual(['attempts', 'audit_events', 'cancellations', 'receipts']);
  });

  it.each([
    ['journal_mode', 'wal'],
    ['synchronous', 2], // FULL: the WAL is fsynced at every commit (DESIGN.md "Data")
    ['foreign_keys', 1],
    ['locking_mode', 'exclusive'],
    ['temp_store', 2], // MEMORY: the savepoints' sub-journals never spill to a file (open.ts)
  ])('sets %s to %s', (pragma, expected) => {
    const db = openLedgerDb(freshFile());
    cleanups.unshift(() => db.close());
    expect(db.pragma(pragma, { simple: true })).toBe(expected);
  });

  it('runs only the missing migrations when reopened, keeping the data', () => {
    const file = freshFile();
    const first = openLedgerDb(file);
    first
      .prepare(
        `INSERT INTO receipts (van_trx_no, aprv_no, aprv_dt, trx_amt, vat_amt, svc_amt, alot_month, source, created_at)
         VALUES ('V1', '1', '20240101', 1, 0, 0, '00', 'typed', 1)`,
      )
      .run();
    first.close();
    const again = openLedgerDb(file);
    cleanups.unshift(() => again.close());
    expect(schemaVersion(again)).toBe(SCHEMA_VERSION);
    expect(again.prepare('SELECT count(*) AS n FROM receipts').get()).toEqual({ n: 1 });
  });

  it('brings a ledger of version 0 (an empty SQLite file) up to date', () => {
    const file = freshFile();
    const raw = openSqlite(file);
    raw.pragma('user_version = 0');
    raw.close();
    const db = openLedgerDb(file);
    cleanups.unshift(() => db.close());
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
  });

  it('refuses a ledger written by a newer app instead of guessing', () => {
    const file = freshFile();
    const raw = openSqlite(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openLedgerDb(file)).toThrow(LedgerTooNewError);
  });

  it('rolls a failing migration back whole, leaving the version where it was', () => {
    const db = openSqlite(':memory:');
    cleanups.unshift(() => db.close());
    db.exec('CREATE TABLE receipts (id INTEGER PRIMARY KEY)'); // collides with migration 1
    expect(() => migrate(db)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'cancellations'").get(),
    ).toEqual({ n: 0 });
  });

  it('lets only one process (connection) own the ledger at a time', () => {
    const file = freshFile();
    const owner = openLedger(file);
    cleanups.unshift(() => owner.close());
    expect(() => openLedger(file, { busyTimeoutMs: 0 })).toThrow(/locked/);
  });

  it('a write step that throws leaves nothing behind', () => {
    const file = freshFile();
    const ledger = openLedger(file);
    cleanups.unshift(() => ledger.close());
    expect(() =>
      ledger.write(() => {
        ledger.audit.appendAudit({ at: 1, actor: 'x', kind: 'k' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(ledger.db.prepare('SELECT count(*) AS n FROM audit_events').get()).toEqual({ n: 0 });
  });
});
