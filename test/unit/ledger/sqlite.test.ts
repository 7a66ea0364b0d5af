import { describe, expect, it } from 'vitest';
import { namedParameters, openSqlite } from '../../../electron/ledger/sqlite';

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
      namedParameters(`SELECT @a, :b, $c, '@notme', "x:y" -- @comment
      FROM t WHERE v = @a`),
    ).toEqual(['a', 'b', 'c']);
  });

  it('a missing one is an error (node:sqlite alone would bind NULL)', () => {
    const d = db();
    const insert = d.prepare<{ v: string }>('INSERT INTO t (v) VALUES (@v)');
    expect(() => insert.run({} as { v: string })).toThrow(/missing named parameter\(s\): v/);
    expect(values(d)).toEqual([]);
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
