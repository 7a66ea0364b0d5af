import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as contract from '../../../../shared/contract';
import {
  CONFIRMED_CODES_MAX,
  confirmedCodesProblem,
  isAllowedApiBaseUrl,
  isValidStoreName,
  parseCodeList,
  STORE_NAME_MAX,
} from '../../../../shared/contract/settings-rules';

describe('settings rules the page checks as typed (shared/contract/settings-rules.ts)', () => {
  it('imports only modules that import nothing, so the page bundle stays free of zod', () => {
    const dir = join(import.meta.dirname, '../../../../shared/contract');
    const source = readFileSync(join(dir, 'settings-rules.ts'), 'utf8');
    const imported = [...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
    // the respCd rule (issue 9), shared with the response parser
    expect(imported).toEqual(['../kicc/resp-cd']);
    for (const path of imported) {
      const leaf = readFileSync(join(dir, `${path}.ts`), 'utf8');
      expect(leaf).not.toMatch(/^\s*import\s/m);
      expect(leaf).not.toMatch(/\bfrom\s+['"]/);
    }
  });

  it('is the very function the contract re-exports (one rule, not two)', () => {
    expect(contract.isAllowedApiBaseUrl).toBe(isAllowedApiBaseUrl);
  });

  it.each([
    ['https://api.example.co.kr', true],
    ['https://api.example.co.kr/', true],
    ['http://127.0.0.1:8080', true],
    ['http://localhost:8080', false],
    ['http://api.example.co.kr', false],
    ['https://api.example.co.kr/v1', false],
    ['https://user:pw@api.example.co.kr', false],
    ['https://api.example.co.kr?x=1', false],
    ['ftp://api.example.co.kr', false],
    ['api.example.co.kr', false],
    ['', false],
  ])('API address %j allowed: %s', (url, allowed) => {
    expect(isAllowedApiBaseUrl(url)).toBe(allowed);
    expect(contract.apiBaseUrlSchema.safeParse(url).success).toBe(allowed);
  });

  it.each([
    ['', true],
    ['행복한 김밥 강남점', true],
    ['Cafe 카페 No.1 (본점)', true],
    ['가'.repeat(STORE_NAME_MAX), true],
    ['가'.repeat(STORE_NAME_MAX + 1), false],
    [' 김밥', false],
    ['김밥\n천국', false],
    ['김밥\u0000', false],
    ['김밥\u200b천국', false],
    ['김밥\u2028천국', false],
  ])('store name %j valid: %s', (name, valid) => {
    expect(isValidStoreName(name)).toBe(valid);
  });
});

describe('the KICC codes a manager confirms to mean "nothing happened" (issue 9)', () => {
  it.each<[string[], string | null]>([
    [[], null],
    [['S001', 'E104'], null],
    [['S01'], 'format'],
    [['S0011'], 'format'],
    [['S 01'], 'format'],
    [['0000'], 'success'],
    [['S001', 'S001'], 'repeated'],
    [
      Array.from({ length: CONFIRMED_CODES_MAX + 1 }, (_, i) => `X${String(i).padStart(3, '0')}`),
      'too-many',
    ],
  ])('%j -> %s', (codes, problem) => {
    expect(confirmedCodesProblem(codes)).toBe(problem);
  });

  it('splits what a manager types on commas and spaces', () => {
    expect(parseCodeList(' S001, S004  E777,,')).toEqual(['S001', 'S004', 'E777']);
    expect(parseCodeList('')).toEqual([]);
  });
});
