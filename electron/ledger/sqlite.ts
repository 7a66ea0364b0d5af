import { existsSync } from 'node:fs';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';

/**
 * SQLite through Node's built-in `node:sqlite` (DESIGN.md "Data"): the engine Electron's
 * embedded Node carries, so there is no native module to compile per runtime and nothing to
 * unpack from ASAR (docs/architecture.md "SQLite without an ABI trap").
 *
 * A thin, typed face over `DatabaseSync`, for the three things it does not give us:
 *  - statements typed by their parameters and row (`prepare<Params, Row>`);
 *  - transactions that nest (an inner one is a SAVEPOINT), so an audit event is appended inside
 *    the caller's transaction and a group commit can roll back one step alone;
 *  - a missing named parameter is an error, as an extra one is: `node:sqlite` would bind a missing
 *    one as NULL, silently.
 * Rows come back as `node:sqlite` gives them (objects without a prototype).
 */

type NamedParams = Record<string, unknown>;
type Params = readonly unknown[] | NamedParams;

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

/** A prepared statement. `P` is a tuple of positional values or an object of named ones. */
export interface Statement<P extends Params = unknown[], R = unknown> {
  run(...params: BindArgs<P>): RunResult;
  get(...params: BindArgs<P>): R | undefined;
  all(...params: BindArgs<P>): R[];
  iterate(...params: BindArgs<P>): IterableIterator<R>;
}

type BindArgs<P extends Params> = P extends readonly unknown[] ? P : [P];

export interface Transaction<A extends unknown[], T> {
  /** BEGIN (DEFERRED), or a SAVEPOINT inside a transaction already open. */
  (...args: A): T;
  /** BEGIN IMMEDIATE: the write lock is taken first, so the step never fails half-way for a lock. */
  immediate(...args: A): T;
}

export interface SqliteDb {
  prepare<P extends Params = unknown[], R = unknown>(sql: string): Statement<P, R>;
  exec(sql: string): void;
  /** `PRAGMA name` (or `name = value`); `simple` answers the first column of the first row. */
  pragma(source: string, options: { simple: true }): unknown;
  pragma(source: string): unknown[];
  transaction<A extends unknown[], T>(work: (...args: A) => T): Transaction<A, T>;
  readonly open: boolean;
  readonly inTransaction: boolean;
  /** The file's path (':memory:' for an in-memory database). */
  readonly name: string;
  /** The database itself, for what this face does not cover (`backup()` from `node:sqlite`). */
  readonly raw: DatabaseSync;
  close(): void;
}

export interface OpenSqliteOptions {
  readOnly?: boolean;
  /** How long to wait for a lock held by another connection, in ms. */
  timeoutMs?: number;
  /** Fail when the file does not exist (instead of creating it). */
  mustExist?: boolean;
}

/** The named parameters a statement's SQL uses (`@name`, `:name`, `$name`), outside quotes. */
export function namedParameters(sql: string): string[] {
  const names = new Set<string>();
  const unquoted = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*/g, ' ');
  for (const match of unquoted.matchAll(/[@:$]([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(match[1]!);
  return [...names];
}

function typed<P extends Params, R>(statement: StatementSync, sql: string): Statement<P, R> {
  const names = namedParameters(sql);
  // better-sqlite3's rule, which our code was written to: extra keys are ignored, missing ones
  // are an error (node:sqlite binds them as NULL without a word).
  if (names.length > 0) statement.setAllowUnknownNamedParameters(true);
  const bind = (params: readonly unknown[]): SQLInputValue[] => {
    const first = params[0];
    if (names.length > 0 && params.length === 1 && typeof first === 'object' && first !== null) {
      const missing = names.filter((name) => (first as NamedParams)[name] === undefined);
      if (missing.length > 0)
        throw new RangeError(`missing named parameter(s): ${missing.join(', ')}`);
    }
    return params as SQLInputValue[];
  };
  return {
    run: (...params) => {
      const result = statement.run(...bind(params));
      return { changes: Number(result.changes), lastInsertRowid: result.lastInsertRowid };
    },
    get: (...params) => statement.get(...bind(params)) as R | undefined,
    all: (...params) => statement.all(...bind(params)) as R[],
    iterate: (...params) => statement.iterate(...bind(params)) as IterableIterator<R>,
  };
}

export function openSqlite(file: string, options: OpenSqliteOptions = {}): SqliteDb {
  // node:sqlite has no "must exist" flag: a read-write open would create the file
  if (options.mustExist && !existsSync(file)) throw new Error(`no database at ${file}`);
  const raw = new DatabaseSync(file, {
    readOnly: options.readOnly ?? false,
    timeout: options.timeoutMs ?? 0,
  });
  return wrap(raw, file);
}

function wrap(raw: DatabaseSync, name: string): SqliteDb {
  let savepoints = 0;

  function run<T>(begin: 'BEGIN' | 'BEGIN IMMEDIATE', work: () => T): T {
    if (raw.isTransaction) {
      const name = `s${++savepoints}`;
      raw.exec(`SAVEPOINT ${name}`);
      try {
        const value = work();
        raw.exec(`RELEASE ${name}`);
        return value;
      } catch (error) {
        // SQLite may already have rolled the whole transaction back (SQLITE_FULL, IOERR)
        if (raw.isTransaction) raw.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
        throw error;
      } finally {
        savepoints -= 1;
      }
    }
    raw.exec(begin);
    try {
      const value = work();
      raw.exec('COMMIT');
      return value;
    } catch (error) {
      if (raw.isTransaction) raw.exec('ROLLBACK');
      throw error;
    }
  }

  function pragma(source: string, options?: { simple: true }): unknown {
    const rows = raw.prepare(`PRAGMA ${source}`).all();
    if (!options?.simple) return rows;
    const first = rows[0];
    return first === undefined ? undefined : Object.values(first)[0];
  }

  return {
    prepare: <P extends Params, R>(sql: string) => typed<P, R>(raw.prepare(sql), sql),
    exec: (sql) => raw.exec(sql),
    pragma: pragma as SqliteDb['pragma'],
    transaction<A extends unknown[], T>(work: (...args: A) => T): Transaction<A, T> {
      const deferred = (...args: A): T => run('BEGIN', () => work(...args));
      return Object.assign(deferred, {
        immediate: (...args: A): T => run('BEGIN IMMEDIATE', () => work(...args)),
      });
    },
    get open() {
      return raw.isOpen;
    },
    get inTransaction() {
      return raw.isTransaction;
    },
    name,
    raw,
    close: () => raw.close(),
  };
}
