import { describe, expect, it } from 'vitest';
import { parseKiccResponse } from '../../../shared/kicc/response';
import { SEED_RESPONSE_EXAMPLE } from '../../fixtures/seed-examples';

const minimal = { respCd: '0000', respMsg: '정상' };

describe('parseKiccResponse: the seed example', () => {
  it('parses into exactly the seed values, with nothing left over', () => {
    const result = parseKiccResponse(JSON.parse(SEED_RESPONSE_EXAMPLE));
    expect(result).toEqual({
      ok: true,
      value: { ...JSON.parse(SEED_RESPONSE_EXAMPLE), extra: {} },
    });
  });
});

describe('parseKiccResponse: accepted answers', () => {
  const cases: { name: string; input: Record<string, unknown>; expected: object }[] = [
    {
      name: 'respCd and respMsg only (every other field is optional)',
      input: minimal,
      expected: { respCd: '0000', respMsg: '정상', extra: {} },
    },
    {
      name: 'a missing respMsg reads as empty',
      input: { respCd: 'S001' },
      expected: { respCd: 'S001', respMsg: '', extra: {} },
    },
    {
      name: 'a null respMsg reads as empty',
      input: { respCd: 'S001', respMsg: null },
      expected: { respCd: 'S001', respMsg: '', extra: {} },
    },
    {
      name: 'a null optional field reads as absent',
      input: { ...minimal, vanTrxNo: null, aprvNo: '1' },
      expected: { ...minimal, aprvNo: '1', extra: {} },
    },
    {
      name: 'strings longer than KICC documents are kept whole (stored verbatim)',
      input: { respCd: 'S008', respMsg: '가'.repeat(500), vanTrxNo: 'V'.repeat(64) },
      expected: { respCd: 'S008', respMsg: '가'.repeat(500), vanTrxNo: 'V'.repeat(64), extra: {} },
    },
    {
      name: 'unknown fields are kept verbatim in extra, whatever their type',
      input: { ...minimal, newField: 7, nested: { a: [1, 'b'] }, flag: false, nothing: null },
      expected: {
        ...minimal,
        extra: { newField: 7, nested: { a: [1, 'b'] }, flag: false, nothing: null },
      },
    },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    expect(parseKiccResponse(input)).toEqual({ ok: true, value: expected });
  });

  it('keeps a "__proto__" key as plain data in extra, without touching any prototype', () => {
    const result = parseKiccResponse(JSON.parse('{"respCd":"0000","__proto__":{"polluted":1}}'));
    if (!result.ok) throw new Error(result.error);
    const extra = result.value.extra;
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(extra, '__proto__')?.value).toEqual({ polluted: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseKiccResponse: refused answers', () => {
  const cases: { name: string; input: unknown; error: RegExp }[] = [
    { name: 'respCd missing', input: { respMsg: 'x' }, error: /^respCd: missing$/ },
    { name: 'respCd a number', input: { respCd: 0 }, error: /^respCd: must be a string$/ },
    { name: 'respCd of 3 characters', input: { respCd: '000' }, error: /^respCd: must be 4/ },
    { name: 'respCd of 5 characters', input: { respCd: '00000' }, error: /^respCd: must be 4/ },
    { name: 'respCd with a space', input: { respCd: '00 0' }, error: /^respCd: must be 4/ },
    { name: 'respCd empty', input: { respCd: '' }, error: /^respCd: must be 4/ },
    { name: 'respMsg a number', input: { respCd: '0000', respMsg: 1 }, error: /^respMsg: must/ },
    {
      name: 'a documented field of the wrong type',
      input: { ...minimal, trxDt: 20231226 },
      error: /^trxDt: must be a string$/,
    },
    {
      name: 'several wrong fields are all named',
      input: { ...minimal, aprvNo: 1, vanTrxNo: {} },
      error: /^aprvNo: must be a string; vanTrxNo: must be a string$/,
    },
    { name: 'an array', input: [minimal], error: /not a JSON object/ },
    { name: 'null', input: null, error: /not a JSON object/ },
    { name: 'a string', input: '0000', error: /not a JSON object/ },
  ];
  it.each(cases)('$name', ({ input, error }) => {
    const result = parseKiccResponse(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it('names the field but never quotes its value', () => {
    const result = parseKiccResponse({ respCd: 'SECRET-VALUE-1234' });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^respCd: /) });
    if (!result.ok) expect(result.error).not.toContain('SECRET-VALUE-1234');
  });
});
