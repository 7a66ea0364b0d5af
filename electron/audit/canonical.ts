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

/**
 * The path of the value being written, as a stack of its keys and indexes: an error names it
 * ("$.detail.amount"), and a path that is never shown is never built (the audit log writes four
 * events for every cancellation the queue drains: docs/bench.md "One pass per turn").
 */
type Path = (string | number)[];

const pathText = (path: Path): string =>
  path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${part}`),
    '$',
  );

function write(value: unknown, path: Path): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new NotJsonError(pathText(path), String(value));
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i += 1) {
          const item: unknown = value[i];
          path.push(i);
          if (item === undefined) throw new NotJsonError(pathText(path), 'undefined');
          text += (i === 0 ? '' : ',') + write(item, path);
          path.pop();
        }
        return `${text}]`;
      }
      if (!isPlainObject(value)) throw new NotJsonError(pathText(path), 'not a plain object');
      const record = value as Record<string, unknown>;
      const members: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const member = record[key];
        if (member === undefined) continue;
        path.push(key);
        members.push(`${JSON.stringify(key)}:${write(member, path)}`);
        path.pop();
      }
      return `{${members.join(',')}}`;
    }
    default:
      throw new NotJsonError(pathText(path), typeof value);
  }
}

/** The canonical JSON text of `value` (throws NotJsonError for a value JSON cannot hold). */
export function canonicalJson(value: unknown): string {
  return write(value, []);
}
