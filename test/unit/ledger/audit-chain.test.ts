import { openSqlite } from '../../../electron/ledger/sqlite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditDetails } from '../../../electron/audit/log';
import { openLedger } from '../../../electron/ledger/ledger';
import { schemaVersion } from '../../../electron/ledger/open';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/ledger/schema';
import { tempDir } from './tmpLedger';

/**
 * Migration 2 (electron/ledger/auditChainMigration.ts): a ledger written with the first,
 * unchained audit table opens with every event carried into the hash chain, in order.
 */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function version1Ledger(): string {
  const t = tempDir();
  cleanups.push(t.remove);
  const file = join(t.dir, 'ledger.sqlite');
  const db = openSqlite(file);
  const v1 = MIGRATIONS.find((m) => m.version === 1);
  if (!v1) throw new Error('no migration 1');
  db.exec(v1.sql);
  db.pragma('user_version = 1');
  const insert = db.prepare(
    `INSERT INTO audit_events (at, actor, kind, cancellation_id, receipt_id, detail) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  insert.run(100, 'engine', 'receipt.added', null, 7, '{"source":"typed"}');
  insert.run(200, 'cashier', 'cancellation.requested', 3, 7, '{"trxAmt":10000}');
  insert.run(300, 'engine', 'cancellation.cancelled', 3, 7, '{"from":"sending"}');
  insert.run(50, 'engine', 'ledger.note', null, null, '{}'); // an earlier time, a later id
  db.close();
  return file;
}

describe('migration 2: the audit log becomes the hash-chained one', () => {
  it('carries every unchained event into the chain, in id order, with its time and facts', () => {
    const ledger = openLedger(version1Ledger());
    cleanups.unshift(() => ledger.close());
    expect(schemaVersion(ledger.db)).toBe(SCHEMA_VERSION);
    const rows = ledger.audit.list();
    expect(rows.map((r) => [r.seq, r.at, r.actor, r.kind, r.subject])).toEqual([
      [1, 100, 'engine', 'receipt.added', 'receipt:7'],
      [2, 200, 'cashier', 'cancellation.requested', 'cancellation:3'],
      [3, 300, 'engine', 'cancellation.cancelled', 'cancellation:3'],
      [4, 50, 'engine', 'ledger.note', 'ledger'],
    ]);
    expect(auditDetails(rows[1]!)).toEqual({ trxAmt: 10000, cancellationId: 3, receiptId: 7 });
    expect(ledger.audit.verify()).toMatchObject({ ok: true, count: 4, head: { seq: 4 } });
    expect(ledger.audit.forCancellation(3).map((e) => [e.kind, e.detail])).toEqual([
      ['cancellation.requested', { trxAmt: 10000 }],
      ['cancellation.cancelled', { from: 'sending' }],
    ]);
  });

  it('leaves no unchained table behind, and new events continue the chain', () => {
    const ledger = openLedger(version1Ledger());
    cleanups.unshift(() => ledger.close());
    const tables = ledger.db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((t) => t.name);
    expect(tables).not.toContain('audit_events_unchained');
    ledger.write(() =>
      ledger.audit.appendAudit({ at: 400, actor: 'engine', kind: 'k', cancellationId: 3 }),
    );
    expect(ledger.audit.head()?.seq).toBe(5);
    expect(ledger.audit.verify()).toMatchObject({ ok: true, count: 5 });
  });

  it('a fresh ledger starts an empty chain that refuses edits and deletions', () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const ledger = openLedger(join(t.dir, 'ledger.sqlite'));
    cleanups.unshift(() => ledger.close());
    expect(ledger.audit.head()).toBeNull();
    ledger.write(() => ledger.audit.appendAudit({ at: 1, actor: 'a', kind: 'k', receiptId: 1 }));
    expect(() => ledger.db.prepare(`UPDATE audit_events SET actor = 'b'`).run()).toThrow(
      /append-only/,
    );
    expect(() => ledger.db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
  });

  it('refuses to record a secret, and the step that tried writes nothing', () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const ledger = openLedger(join(t.dir, 'ledger.sqlite'));
    cleanups.unshift(() => ledger.close());
    expect(() =>
      ledger.write(() =>
        ledger.audit.record({
          at: 1,
          actor: 'manager',
          kind: 'credentials.set',
          subject: 'credentials',
          details: { secretKey: 'x' },
        }),
      ),
    ).toThrow(/secret/);
    expect(ledger.audit.head()).toBeNull();
  });
});
