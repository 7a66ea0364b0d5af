import { existsSync } from 'node:fs';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';

/**
 * SQLite through Node's built-in `node:sqlite` (DESIGN.md "Data"): the engine Electron's
 * embedded Node carries, so there is no native module to compile per runtime and nothing to
 * unpack from ASAR (docs/architecture.md "SQLite without an ABI trap").
 *
 * A thin, typed face over `DatabaseSync`, for the four things it does not give us:
 *  - statements typed by their parameters and row (`prepare<Params, Row>`);
 *  - transactions that nest (an inner one is a SAVEPOINT), so an audit event is appended inside
 *    the caller's transaction and a group commit can roll back one step alone;
 *  - a missing named parameter is an error (an extra key is ignored): `node:sqlite` would bind a
 *    missing one as NULL, silently;
 *  - named parameters bound by position, which costs a tenth of node:sqlite's binding by name
 *    (toPositional).
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

/**
 * What SQL may hold that is not a parameter (string literals, quoted identifiers, comments), a
 * named parameter (`@name`, `:name`, `$name`; group 1 is the name) or an anonymous one (`?`,
 * `?NNN`).
 */
const SQL_TOKENS =
  /'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|(?<![\w$])[@:$]([A-Za-z_]\w*)|\?\d*/g;

/**
 * A statement's SQL with its named parameters turned into anonymous ones (`?`), and the name
 * each `?` takes its value from, in order (a name used twice is bound twice). SQL that mixes
 * named and anonymous parameters is refused.
 *
 * Why: node:sqlite binds an object by looking each of its keys up in the statement by name, with
 * each prefix. The UPDATE of a cancellation (20 named values, with the read before it) took
 * 19-26 µs that way and takes 14-17 µs bound by position (docs/bench.md "Binding by position").
 */
export function toPositional(sql: string): { sql: string; order: string[] } {
  const order: string[] = [];
  let anonymous = false;
  const rewritten = sql.replace(SQL_TOKENS, (token, name: string | undefined) => {
    if (name !== undefined) {
      order.push(name);
      return '?';
    }
    if (token.startsWith('?')) anonymous = true;
    return token;
  });
  if (anonymous && order.length > 0)
    throw new SyntaxError(`SQL mixes named and anonymous parameters: ${sql}`);
  return { sql: order.length > 0 ? rewritten : sql, order };
}

/**
 * The values to bind, by position, for a statement whose named parameters are `order`
 * (toPositional): one object gives each name's value. Extra keys are ignored and a missing one is
 * an error, better-sqlite3's rule, which our code was written to (node:sqlite binds a missing
 * one as NULL without a word).
 */
function byPosition(order: readonly string[], params: readonly unknown[]): SQLInputValue[] {
  const first = params[0];
  if (params.length !== 1 || typeof first !== 'object' || first === null || Array.isArray(first))
    throw new TypeError(`named parameters are bound from one object: ${order.join(', ')}`);
  const named = first as NamedParams;
  const values = new Array<SQLInputValue>(order.length);
  let missing: Set<string> | undefined;
  for (let i = 0; i < order.length; i += 1) {
    const name = order[i]!;
    const value = named[name];
    if (value === undefined) (missing ??= new Set()).add(name);
    values[i] = value as SQLInputValue;
  }
  if (missing !== undefined)
    throw new RangeError(`missing named parameter(s): ${[...missing].join(', ')}`);
  return values;
}

function typed<P extends Params, R>(raw: DatabaseSync, sql: string): Statement<P, R> {
  const { sql: positional, order } = toPositional(sql);
  const statement = raw.prepare(positional);
  const bind =
    order.length === 0
      ? (params: readonly unknown[]) => params as SQLInputValue[]
      : (params: readonly unknown[]) => byPosition(order, params);
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
    prepare: <P extends Params, R>(sql: string) => typed<P, R>(raw, sql),
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
