import { openSqlite, type SqliteDb } from '../../../electron/ledger/sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AuditLog, AuditQuery } from '../../../electron/audit/log';
import { auditDetails, createAuditLog } from '../../../electron/audit/log';
import { AuditSchemaConflictError, migrateAudit } from '../../../electron/audit/schema';
import { AuditSecretError } from '../../../electron/audit/secrets';
import { NotJsonError } from '../../../electron/audit/canonical';
import type { AuditChainProblem } from '../../../electron/audit/verify';

let db: SqliteDb;
let log: AuditLog;
let now: number;

beforeEach(() => {
  db = openSqlite(':memory:');
  migrateAudit(db);
  now = 1_703_462_400_000;
  log = createAuditLog(db, { now: () => (now += 1000) });
});

afterEach(() => db.close());

function appendTen(): void {
  for (let i = 1; i <= 10; i += 1) {
    log.append({
      actor: i % 3 === 0 ? 'manager' : 'cashier-1',
      kind: 'cancellation.step',
      subject: `cancellation:${i}`,
      details: { step: i, amount: i * 1000 },
    });
  }
}

/** What someone with the database file can do: drop the defences, then change rows. */
function tamper(sql: string): void {
  db.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
  db.exec('DROP TRIGGER audit_events_in_sequence;');
  db.exec(sql);
}

describe('audit log store', () => {
  it('appends events numbered 1, 2, 3 with the clock time and a chain that verifies', () => {
    appendTen();
    const rows = log.list();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows[0]).toMatchObject({
      at: 1_703_462_401_000,
      actor: 'cashier-1',
      subject: 'cancellation:1',
    });
    expect(rows[0]?.prevHash).toBe('0'.repeat(64));
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(log.verify()).toEqual({ ok: true, count: 10, head: log.head() });
    expect(log.head()).toEqual({ seq: 10, hash: rows[9]?.hash });
  });

  it('stores details as canonical JSON and reads them back', () => {
    const row = log.append({
      actor: 'manager',
      kind: 'settings.changed',
      subject: 'settings',
      details: { z: 1, a: { c: 2, b: 3 } },
    });
    expect(row.details).toBe('{"a":{"b":3,"c":2},"z":1}');
    expect(auditDetails(row)).toEqual({ a: { b: 3, c: 2 }, z: 1 });
  });

  it.each<[string, string]>([
    ['UPDATE', "UPDATE audit_events SET actor = 'x' WHERE seq = 2"],
    ['DELETE', 'DELETE FROM audit_events WHERE seq = 2'],
    [
      'INSERT OR REPLACE of an old seq',
      "INSERT OR REPLACE INTO audit_events VALUES (2, 0, 'x', 'k', 's', '{}', 'p', 'h')",
    ],
    [
      'INSERT that skips a number',
      "INSERT INTO audit_events VALUES (12, 0, 'x', 'k', 's', '{}', 'p', 'h')",
    ],
  ])('refuses %s through its triggers', (_name, sql) => {
    appendTen();
    expect(() => db.exec(sql)).toThrow(/append-only|in sequence/);
    expect(log.verify()).toMatchObject({ ok: true, count: 10 });
  });

  it.each<[string, string, AuditChainProblem, number]>([
    [
      'an edited amount',
      `UPDATE audit_events SET details = '{"amount":1,"step":4}' WHERE seq = 4`,
      'edited',
      4,
    ],
    ['an edited actor', `UPDATE audit_events SET actor = 'cashier-2' WHERE seq = 9`, 'edited', 9],
    ['a deleted event', 'DELETE FROM audit_events WHERE seq = 5', 'removed', 5],
    ['the first event deleted', 'DELETE FROM audit_events WHERE seq = 1', 'removed', 1],
    [
      'two events swapped by renumbering',
      'UPDATE audit_events SET seq = 100 WHERE seq = 3; UPDATE audit_events SET seq = 3 WHERE seq = 4; UPDATE audit_events SET seq = 4 WHERE seq = 100;',
      'reordered',
      3,
    ],
    [
      'an event deleted and the later ones renumbered',
      'DELETE FROM audit_events WHERE seq = 6; UPDATE audit_events SET seq = seq - 1 WHERE seq > 6;',
      'removed',
      6,
    ],
  ])('detects %s made with the triggers dropped, and where', (_name, sql, problem, at) => {
    appendTen();
    tamper(sql);
    const result = log.verify();
    expect(result).toMatchObject({ ok: false, problem, at });
  });

  it('detects removal of the newest events against a printed checkpoint', () => {
    appendTen();
    const checkpoint = log.head() ?? { seq: 0, hash: '' };
    tamper('DELETE FROM audit_events WHERE seq > 8');
    expect(log.verify().ok).toBe(true);
    expect(log.verify({ checkpoint })).toMatchObject({ ok: false, problem: 'removed', at: 9 });
  });

  it("writes nothing when the caller's transaction rolls back", () => {
    log.append({ actor: 'engine', kind: 'a', subject: 'x' });
    const failing = db.transaction(() => {
      log.append({ actor: 'engine', kind: 'b', subject: 'x' });
      throw new Error('the ledger change failed');
    });
    expect(() => failing()).toThrow('the ledger change failed');
    log.append({ actor: 'engine', kind: 'c', subject: 'x' });
    expect(log.list().map((r) => [r.seq, r.kind])).toEqual([
      [1, 'a'],
      [2, 'c'],
    ]);
    expect(log.verify()).toMatchObject({ ok: true, count: 2 });
  });

  it("an append that fails inside the caller's transaction takes nothing else with it", () => {
    // the append runs without a savepoint of its own: its one INSERT is rolled back alone
    db.exec(`CREATE TRIGGER refuse_boom BEFORE INSERT ON audit_events WHEN NEW.kind = 'boom'
             BEGIN SELECT RAISE(ABORT, 'boom refused'); END;`);
    db.transaction(() => {
      log.append({ actor: 'engine', kind: 'a', subject: 'x' });
      expect(() => log.append({ actor: 'engine', kind: 'boom', subject: 'x' })).toThrow(
        'boom refused',
      );
      log.append({ actor: 'engine', kind: 'b', subject: 'x' });
    })();
    expect(log.list().map((r) => [r.seq, r.kind])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(log.verify()).toMatchObject({ ok: true, count: 2 });
  });

  it.each<[string, object, abstract new (...args: never[]) => Error]>([
    ['a secret key', { secretKey: 'abc' }, AuditSecretError],
    ['a channel id, nested', { credentials: { channelId: 'C1' } }, AuditSecretError],
    ['the manager PIN', { pin: '9137' }, AuditSecretError],
    ['a Date (not JSON)', { at: new Date(0) }, NotJsonError],
  ])('refuses details holding %s, and writes nothing', (_name, details, error) => {
    expect(() =>
      log.append({
        actor: 'manager',
        kind: 'credentials.changed',
        subject: 'credentials',
        details: details as never,
      }),
    ).toThrow(error);
    expect(log.list()).toEqual([]);
  });

  it('never puts a refused secret value into the error text', () => {
    expect(() =>
      log.append({ actor: 'm', kind: 'k', subject: 's', details: { secretKey: 'TOPSECRET' } }),
    ).toThrow(
      expect.objectContaining({
        message: expect.not.stringContaining('TOPSECRET') as unknown,
      }) as Error,
    );
  });

  it.each<[string, object]>([
    ['an empty actor', { actor: ' ', kind: 'k', subject: 's' }],
    ['a missing kind', { actor: 'a', subject: 's' }],
  ])('refuses %s (a caller bug)', (_name, event) => {
    expect(() => log.append(event as never)).toThrow(TypeError);
  });

  it('lists by subject, kind, time and page', () => {
    appendTen();
    expect(log.list({ subject: 'cancellation:3' }).map((r) => r.seq)).toEqual([3]);
    expect(log.list({ kind: 'cancellation.step', afterSeq: 7 }).map((r) => r.seq)).toEqual([
      8, 9, 10,
    ]);
    expect(log.list({ limit: 2, afterSeq: 2 }).map((r) => r.seq)).toEqual([3, 4]);
    expect(
      log.list({ fromAt: 1_703_462_403_000, toAt: 1_703_462_405_000 }).map((r) => r.seq),
    ).toEqual([3, 4]);
  });

  it('lists what a plain filter over every event would, whatever order the clock gave `at` in', () => {
    // the clock may step back (a PC's time corrected): `at` need not grow with seq
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 20 }),
            kind: fc.constantFrom('a', 'b', 'c'),
            subject: fc.constantFrom('s1', 's2', ''),
          }),
          { maxLength: 40 },
        ),
        fc.record(
          {
            subject: fc.constantFrom('s1', 's2', ''),
            kind: fc.constantFrom('a', 'b', 'x'),
            fromAt: fc.integer({ min: -1, max: 21 }),
            toAt: fc.integer({ min: -1, max: 21 }),
            afterSeq: fc.integer({ min: 0, max: 45 }),
            limit: fc.integer({ min: 1, max: 45 }),
          },
          { requiredKeys: [] },
        ),
        (events, query) => {
          const own = openSqlite(':memory:');
          try {
            migrateAudit(own);
            let at = 0;
            const ownLog = createAuditLog(own, { now: () => at });
            for (const e of events) {
              at = e.at;
              ownLog.append({ actor: 'engine', kind: e.kind, subject: e.subject });
            }
            const expected = ownLog
              .list({ limit: 10_000 })
              .filter(
                (r) =>
                  (query.subject === undefined || r.subject === query.subject) &&
                  (query.kind === undefined || r.kind === query.kind) &&
                  (query.fromAt === undefined || r.at >= query.fromAt) &&
                  (query.toAt === undefined || r.at < query.toAt) &&
                  r.seq > (query.afterSeq ?? 0),
              )
              .slice(0, query.limit ?? 500);
            expect(ownLog.list(query)).toEqual(expected);
          } finally {
            own.close();
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each<[string, AuditQuery, string]>([
    ['a subject', { subject: 'cancellation:3' }, 'audit_events_by_subject'],
    ['a subject and a kind', { subject: 'cancellation:3', kind: 'k' }, 'audit_events_by_subject'],
    ['a kind', { kind: 'manager.pin_set' }, 'audit_events_by_kind'],
    ['a kind since a time', { kind: 'k', fromAt: 5 }, 'audit_events_by_kind'],
    ['a time from', { fromAt: 5 }, 'audit_events_by_at'],
    ['a time before', { toAt: 5 }, 'audit_events_by_at'],
  ])(
    'finds %s through its index, not by reading the log from its first event',
    (_name, query, index) => {
      const plans: string[] = [];
      const prepare = db.raw.prepare.bind(db.raw);
      db.raw.prepare = ((sql: string) => {
        if (/FROM audit_events WHERE .* ORDER BY seq LIMIT/s.test(sql)) {
          const explain = prepare(`EXPLAIN QUERY PLAN ${sql}`);
          const values = Array.from(sql.matchAll(/\?/g), () => 1);
          plans.push(
            explain
              .all(...values)
              .map((row) => String(row.detail))
              .join(' | '),
          );
        }
        return prepare(sql);
      }) as typeof db.raw.prepare;
      const own = createAuditLog(db, { now: () => 0 });
      own.list(query);
      expect(plans).toHaveLength(1);
      expect(plans[0]).toContain(index);
      // the whole table in seq order is what the catch-all query did
      expect(plans[0]).not.toMatch(/^SEARCH audit_events USING INTEGER PRIMARY KEY \(rowid>\?\)$/);
    },
  );

  it('migrates idempotently, and refuses an audit table of another shape', () => {
    appendTen();
    migrateAudit(db);
    expect(log.verify()).toMatchObject({ ok: true, count: 10 });
    const other = openSqlite(':memory:');
    other.exec('CREATE TABLE audit_events (id INTEGER PRIMARY KEY, at INTEGER, detail TEXT)');
    expect(() => migrateAudit(other)).toThrow(AuditSchemaConflictError);
    other.close();
  });
});
