import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLimits } from '../../../electron/import/limits';
import { runImportWorker } from '../../../electron/import/run-worker';
import { exportCsvCp949, twoCellWorkbook } from '../../fixtures/receipt-export';
import { ensureBuilt, ROOT } from '../boot/boot-app';

/**
 * The import worker as the packaged app runs it: electron-vite builds electron/import/worker.ts
 * as its own entry, out/main/import-worker.js next to main.js (electron.vite.config.ts), and
 * main starts it with new Worker(join(__dirname, 'import-worker.js')). electron-builder packs
 * out/** into app.asar, which Electron's worker threads read (Electron 18+, electron#33216);
 * everything the worker requires must then ship as a dependency, not a devDependency.
 *
 * Runs on the build `npm test` makes before vitest (scripts/test.mjs); alone, it builds when out/
 * is missing or older than the code. test/shell/boot/main-boot-import.test.ts runs the whole path
 * through the built main.js.
 */
const root = ROOT;
const outMain = join(root, 'out/main');
const workerFile = join(outMain, 'import-worker.js');
const dir = mkdtempSync(join(tmpdir(), 'kicc-built-worker-'));
beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every module a built file requires, and those of the chunks it requires, transitively. */
function requiredModules(file: string, seen = new Set<string>()): Set<string> {
  const modules = new Set<string>();
  if (seen.has(file)) return modules;
  seen.add(file);
  for (const [, name] of readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)) {
    if (name === undefined) continue;
    if (name.startsWith('.')) {
      for (const inner of requiredModules(join(file, '..', name), seen)) modules.add(inner);
    } else {
      modules.add(name);
    }
  }
  return modules;
}

describe('the built import worker (what the packaged app runs)', () => {
  it('is its own entry next to main.js, which loads it by that name', () => {
    expect(readdirSync(outMain)).toContain('import-worker.js');
    expect(readFileSync(join(outMain, 'main.js'), 'utf8')).toContain('"import-worker.js"');
  });

  it('needs only Node built-ins and what package.json ships as dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    const packageOf = (name: string): string =>
      name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : (name.split('/')[0] ?? name);
    const outside = [...requiredModules(workerFile)].filter(
      (name) => !builtins.has(name) && !(packageOf(name) in pkg.dependencies),
    );
    expect(outside).toEqual([]);
    // and none of main's: the worker must not drag Electron or the ledger into its thread
    expect([...requiredModules(workerFile)]).not.toContain('electron');
    expect([...requiredModules(workerFile)]).not.toContain('better-sqlite3');
  });

  it('reads a CP949 export with "®" and refuses the A1 + XFD2000 bomb, run from out/', async () => {
    const limits = importLimits();
    const csv = join(dir, 'export.csv');
    writeFileSync(csv, exportCsvCp949(1_000));
    const read = await runImportWorker(
      { file: workerFile, limits },
      { path: csv, onProgress: () => undefined },
    );
    expect(read).toMatchObject({
      ok: true,
      value: { source: { format: 'csv', encoding: 'cp949' }, dataRows: 1_000, errors: [] },
    });
    expect(read.ok && read.value.rows[1]?.receipt.issuerName).toBe('KB국민카드®');

    const bombBytes = await twoCellWorkbook('XFD2000');
    const bomb = join(dir, 'bomb.xlsx');
    writeFileSync(bomb, bombBytes);
    expect(
      await runImportWorker(
        { file: workerFile, limits },
        { path: bomb, onProgress: () => undefined },
      ),
    ).toMatchObject({ ok: false, error: { code: 'too-many-columns' } });
  });
});
