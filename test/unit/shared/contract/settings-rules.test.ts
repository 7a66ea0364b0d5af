import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as contract from '../../../../shared/contract';
import {
  isAllowedApiBaseUrl,
  isValidStoreName,
  STORE_NAME_MAX,
} from '../../../../shared/contract/settings-rules';

describe('settings rules the page checks as typed (shared/contract/settings-rules.ts)', () => {
  it('imports nothing, so the page bundle stays free of zod', () => {
    const source = readFileSync(
      join(import.meta.dirname, '../../../../shared/contract/settings-rules.ts'),
      'utf8',
    );
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/\bfrom\s+['"]/);
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
