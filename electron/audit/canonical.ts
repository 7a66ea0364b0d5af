/**
 * A canonical JSON text: the same value always gives the same bytes, so a hash over it is stable
 * across runs, Node versions and the order in which a caller happened to build an object. The
 * audit chain (./chain.ts) hashes this text; the store (./log.ts) keeps exactly this text.
 *
 * Rules (a subset of RFC 8785 "JSON Canonicalization Scheme" that is enough for our values):
 * object keys sorted by UTF-16 code units (JavaScript's default sort, as RFC 8785 §3.2.3);
 * no whitespace; strings and numbers as JSON.stringify writes them; keys whose value is
 * `undefined` are left out (as JSON.stringify does, so `{ note: undefined }` equals `{}`).
 * Anything JSON cannot carry exactly (NaN, Infinity, bigint, functions, Dates, class instances)
 * is a bug of the caller and throws: the audit log must never store a lossy rendering of a fact.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue | undefined;
}

export class NotJsonError extends TypeError {
  constructor(path: string, what: string) {
    super(`${path} is ${what}, which JSON cannot hold exactly`);
    this.name = 'NotJsonError';
  }
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new NotJsonError(path, String(value));
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        const items = value.map((item: unknown, i) => {
          if (item === undefined) throw new NotJsonError(`${path}[${i}]`, 'undefined');
          return write(item, `${path}[${i}]`);
        });
        return `[${items.join(',')}]`;
      }
      if (!isPlainObject(value)) throw new NotJsonError(path, 'not a plain object');
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .sort()
        .filter((key) => record[key] !== undefined)
        .map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`)}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new NotJsonError(path, typeof value);
  }
}

/** The canonical JSON text of `value` (throws NotJsonError for a value JSON cannot hold). */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}
