import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rotateLogFile } from '../../../electron/log/rotate';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('log rotation', () => {
  it('shifts main.log into main.1.log … and drops the oldest beyond the kept count', () => {
    dir = mkdtempSync(join(tmpdir(), 'kicc-log-'));
    const current = join(dir, 'main.log');
    for (let generation = 1; generation <= 5; generation += 1) {
      writeFileSync(current, `generation ${generation}`);
      rotateLogFile(current, 3);
    }
    expect(existsSync(current)).toBe(false);
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe('generation 5');
    expect(readFileSync(join(dir, 'main.2.log'), 'utf8')).toBe('generation 4');
    expect(readFileSync(join(dir, 'main.3.log'), 'utf8')).toBe('generation 3');
    expect(existsSync(join(dir, 'main.4.log'))).toBe(false);
  });
});
