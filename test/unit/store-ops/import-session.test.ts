import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../shared/contract';
import { importLimits } from '../../../electron/import/limits';
import { openLedger } from '../../../electron/ledger/ledger';
import { createImportSession } from '../../../electron/store-ops/import-session';
import type { ImportSessionDeps } from '../../../electron/store-ops/import-session';

/**
 * The import session's answers before any worker runs: what the manager is told when the file
 * is too large for the limits (told from its size alone, never read), cannot be looked at, or
 * when this build has no import worker. The worker's own refusals: test/unit/import/.
 */
function session(overrides: Partial<ImportSessionDeps> = {}) {
  const ledger = openLedger(':memory:');
  const progress: ImportProgress[] = [];
  const reads: string[] = [];
  const imports = createImportSession({
    ledger,
    clock: { now: () => 1_700_000_000_000 },
    dialogs: { chooseImportFile: async () => 'C:\\exports\\승인내역.csv' },
    files: {
      size: () => 60 * 1024 * 1024,
      read: (path) => {
        reads.push(path);
        return new Uint8Array();
      },
      write: () => undefined,
    },
    newToken: () => 'token',
    actor: () => 'manager',
    worker: { file: '/nowhere/import-worker.js', limits: importLimits() },
    progress: (p) => progress.push(p),
    ...overrides,
  });
  return { imports, progress, reads, close: () => ledger.close() };
}

describe('the import session before the worker', () => {
  it('a file over the size limit is refused from its size, never read, no worker started', async () => {
    const s = session();
    expect(await s.imports.preview()).toMatchObject({
      ok: false,
      error: { code: 'too-large', message: { ko: '파일이 너무 큽니다 (최대 50MB).' } },
    });
    expect(s.reads).toEqual([]);
    expect(s.progress).toEqual([]);
    s.close();
  });

  it('a file that cannot even be looked at: the disk words, no path in them', async () => {
    const s = session({
      files: {
        size: () => {
          throw new Error('EBUSY: C:\\exports\\승인내역.csv');
        },
        read: () => new Uint8Array(),
        write: () => undefined,
      },
    });
    const answer = await s.imports.preview();
    expect(answer).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    expect(JSON.stringify(answer)).not.toContain('exports');
    s.close();
  });

  it('a build without the import worker says so, and nothing else happens', async () => {
    const s = session({ worker: null });
    expect(await s.imports.preview()).toMatchObject({
      ok: false,
      error: {
        code: 'import-unavailable',
        message: { ko: expect.stringContaining('가져올 수 없습니다') },
      },
    });
    expect(s.imports.cancel()).toEqual({ cancelled: false });
    s.close();
  });

  it('a worker file that is not there: a clear refusal, not a crash', async () => {
    const s = session({
      files: { size: () => 10, read: () => new Uint8Array(), write: () => undefined },
    });
    expect(await s.imports.preview()).toMatchObject({
      ok: false,
      error: {
        code: 'worker-failed',
        message: { ko: expect.stringContaining('아무것도 가져오지 않았습니다') },
      },
    });
    s.close();
  });
});
