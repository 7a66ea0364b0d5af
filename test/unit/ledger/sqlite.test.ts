import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSqlite, toPositional } from '../../../electron/ledger/sqlite';

/** The face over node:sqlite (electron/ledger/sqlite.ts): what the ledger relies on. */
function db() {
  const d = openSqlite(':memory:');
  d.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT');
  return d;
}
const values = (d: ReturnType<typeof db>) =>
  d
    .prepare<[], { v: string }>('SELECT v FROM t ORDER BY id')
    .all()
    .map((r) => r.v);

describe('transactions', () => {
  it('commit what the work wrote and return its value', () => {
    const d = db();
    const insert = d.prepare('INSERT INTO t (v) VALUES (?)');
    expect(d.transaction(() => insert.run('a').changes).immediate()).toBe(1);
    expect(values(d)).toEqual(['a']);
    expect(d.inTransaction).toBe(false);
  });

  it('roll everything back when the work throws, and rethrow', () => {
    const d = db();
    const insert = d.prepare('INSERT INTO t (v) VALUES (?)');
    const work = d.transaction(() => {
      insert.run('a');
      throw new Error('boom');
    });
    expect(() => work.immediate()).toThrow('boom');
    expect(values(d)).toEqual([]);
    expect(d.inTransaction).toBe(false);
  });

  it('nest as savepoints: an inner failure rolls back the inner part only', () => {
    const d = db();
    const insert = d.prepare('INSERT INTO t (v) VALUES (?)');
    d.transaction(() => {
      insert.run('outer');
      expect(() =>
        d.transaction(() => {
          insert.run('inner');
          throw new Error('inner failed');
        })(),
      ).toThrow('inner failed');
      d.transaction(() => insert.run('second inner'))();
    }).immediate();
    expect(values(d)).toEqual(['outer', 'second inner']);
  });

  it('an outer failure also undoes inner work that was released', () => {
    const d = db();
    const insert = d.prepare('INSERT INTO t (v) VALUES (?)');
    expect(() =>
      d.transaction(() => {
        d.transaction(() => insert.run('inner'))();
        throw new Error('outer failed');
      })(),
    ).toThrow('outer failed');
    expect(values(d)).toEqual([]);
  });
});

describe('named parameters', () => {
  it('are found in the SQL, not inside quotes or comments', () => {
    expect(
      toPositional(`SELECT @a, :b, $c, '@notme', "x:y" -- @comment
      FROM t WHERE v = @a`).order,
    ).toEqual(['a', 'b', 'c', 'a']);
  });

  it('a missing one is an error (node:sqlite alone would bind NULL)', () => {
    const d = db();
    const insert = d.prepare<{ v: string }>('INSERT INTO t (v) VALUES (@v)');
    expect(() => insert.run({} as { v: string })).toThrow(/missing named parameter\(s\): v/);
    expect(values(d)).toEqual([]);
  });

  it('become anonymous ones, in order, a name used twice bound twice', () => {
    expect(toPositional(`UPDATE t SET v = @v, w = :w, u = $v WHERE id = @id`)).toEqual({
      sql: 'UPDATE t SET v = ?, w = ?, u = ? WHERE id = ?',
      order: ['v', 'w', 'v', 'id'],
    });
  });

  it('are left alone inside literals, quoted names, comments and identifiers', () => {
    const sql = `SELECT '@a', "@b", \`@c\`, [@d], x$e /* @f */ FROM t -- @g
      WHERE v = @h`;
    expect(toPositional(sql)).toEqual({ sql: sql.replace('@h', '?'), order: ['h'] });
    expect(toPositional(`SELECT 'it''s @a' AS v`).order).toEqual([]);
  });

  it('SQL without named parameters is prepared as it is', () => {
    const sql = 'SELECT v FROM t WHERE id = ? AND v = ?2';
    expect(toPositional(sql)).toEqual({ sql, order: [] });
  });

  it('SQL mixing named and anonymous parameters is refused when prepared', () => {
    const d = db();
    expect(() => d.prepare('INSERT INTO t (id, v) VALUES (?, @v)')).toThrow(
      /mixes named and anonymous parameters/,
    );
  });

  it('bound by position, they store exactly what binding by name stores', () => {
    const d = openSqlite(':memory:');
    d.exec('CREATE TABLE r (id INTEGER PRIMARY KEY, a, b, c)');
    const sql = 'INSERT INTO r (a, b, c) VALUES (@a, :b, coalesce($c, @a))';
    const ours = d.prepare<Record<string, unknown>>(sql);
    const byName = d.raw.prepare(sql);
    // as stored: each value and its SQLite type, integers read whole
    const read = d.raw.prepare(
      'SELECT a, typeof(a) ta, b, typeof(b) tb, c, typeof(c) tc FROM r WHERE id = ?',
    );
    read.setReadBigInts(true);
    const value = fc.oneof(
      fc.constant(null),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
      fc.string(),
      fc.uint8Array(),
    );
    fc.assert(
      fc.property(value, value, value, (a, b, c) => {
        const params = { a, b, c, unused: 1 };
        const mine = Number(ours.run(params).lastInsertRowid);
        const theirs = Number(
          byName.run({ a, b, c } as Parameters<typeof byName.run>[0]).lastInsertRowid,
        );
        expect(read.get(mine)).toEqual(read.get(theirs));
      }),
      { numRuns: 300 },
    );
  });

  it('are bound from one object: positional values are refused, nothing written', () => {
    const d = db();
    const insert = d.prepare<{ v: string }>('INSERT INTO t (v) VALUES (@v)');
    expect(() => (insert.run as (...a: unknown[]) => unknown)('x')).toThrow(/from one object/);
    expect(() => (insert.run as (...a: unknown[]) => unknown)(['x'])).toThrow(/from one object/);
    expect(values(d)).toEqual([]);
  });

  it('a missing one used twice is named once', () => {
    const d = db();
    const stmt = d.prepare<{ v: string }>('SELECT @v AS a, @v AS b, @w AS c');
    expect(() => stmt.get({ w: 1 } as unknown as { v: string })).toThrow(
      /missing named parameter\(s\): v$/,
    );
  });

  it('extra keys are ignored', () => {
    const d = db();
    d.prepare<{ v: string; other: number }>('INSERT INTO t (v) VALUES (@v)').run({
      v: 'x',
      other: 1,
    });
    expect(values(d)).toEqual(['x']);
  });
});

describe('pragma', () => {
  it('answers rows, or the first value when simple', () => {
    const d = db();
    d.pragma('user_version = 7');
    expect(d.pragma('user_version', { simple: true })).toBe(7);
    expect(d.pragma('table_info(t)')).toHaveLength(2);
  });
});

describe('opening', () => {
  it('refuses a missing file when it must exist, instead of creating it', () => {
    expect(() =>
      openSqlite('/nonexistent/dir/ledger.sqlite', { readOnly: true, mustExist: true }),
    ).toThrow(/no database/);
  });
});
