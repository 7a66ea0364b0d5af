import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWeakPin as mainRule } from '../../../../electron/manager/pin-policy';
import { isWeakPin } from '../../../../shared/manager/weak-pin';

describe('the weak-PIN rule, shared by main and the page (shared/manager/weak-pin.ts)', () => {
  it('is pure: no imports at all (it runs in the sandboxed page too)', () => {
    const source = readFileSync(
      join(import.meta.dirname, '../../../../shared/manager/weak-pin.ts'),
      'utf8',
    );
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/\bfrom\s+['"]/);
  });

  it('is the very rule main enforces', () => {
    expect(mainRule).toBe(isWeakPin);
  });

  it.each([
    ['0000', true],
    ['77777777', true],
    ['1234', true],
    ['7890', true],
    ['987654', true],
    ['1212', true],
    ['123123', true],
    ['1004', true],
    ['2580', true],
    ['4821', false],
    ['59371', false],
    ['13572468', false],
  ])('%s is weak: %s', (pin, weak) => {
    expect(isWeakPin(pin)).toBe(weak);
  });
});
