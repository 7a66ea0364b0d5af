import { describe, expect, it } from 'vitest';
import { NotJsonError, canonicalJson } from '../../../electron/audit/canonical';

describe('canonicalJson', () => {
  it.each<[string, unknown, string]>([
    ['sorts object keys', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    [
      'sorts nested keys',
      { z: { y: 1, x: [{ d: 1, c: 2 }] } },
      '{"z":{"x":[{"c":2,"d":1}],"y":1}}',
    ],
    ['keeps array order', [3, 1, 2], '[3,1,2]'],
    ['drops undefined members', { a: undefined, b: null }, '{"b":null}'],
    ['writes Korean as is', { 사유: '고객 요청' }, '{"사유":"고객 요청"}'],
    ['escapes quotes and control characters', { s: 'a"b\n' }, '{"s":"a\\"b\\n"}'],
    ['writes -0 as 0', { n: -0 }, '{"n":0}'],
    [
      'accepts a null-prototype object',
      Object.assign(Object.create(null) as object, { a: 1 }),
      '{"a":1}',
    ],
    ['sorts by UTF-16 code units (uppercase first)', { b: 1, B: 2 }, '{"B":2,"b":1}'],
  ])('%s', (_name, value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('gives the same text for the same object built in another order', () => {
    expect(canonicalJson({ amount: 10000, state: 'cancelled' })).toBe(
      canonicalJson({ state: 'cancelled', amount: 10000 }),
    );
  });

  it.each<[string, unknown]>([
    ['NaN', { n: Number.NaN }],
    ['Infinity', { n: Number.POSITIVE_INFINITY }],
    ['a bigint', { n: 1n }],
    ['a Date', { at: new Date(0) }],
    ['a function', { f: () => 1 }],
    ['undefined in an array', [1, undefined]],
    ['a class instance', { m: new Map() }],
  ])('refuses %s', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(NotJsonError);
  });
});
