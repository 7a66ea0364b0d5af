import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary, Receipt } from '../../../shared/contract';
import { exportCsvCp949, exportVanTrxNo, twoCellWorkbook } from '../../fixtures/receipt-export';
import { bootApp, ensureBuilt, type BootedApp } from './boot-app';

/**
 * The receipt import as the packaged app runs it: the built out/main/main.js on the Electron
 * stand-in (./electron-stand-in.cjs) starts the built out/main/import-worker.js from its own
 * folder (`join(__dirname, 'import-worker.js')`), the file the manager picked comes from the
 * open dialog, and the page is told the progress. The A1 + XFD2000 bomb (issue 11 finding 4),
 * which used to take the whole main process down, is refused and the app goes on.
 */
const machine = mkdtempSync(join(tmpdir(), 'kicc-boot-import-'));
const PIN = '4827';

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string } };
const value = <T>(answer: Answer<T>): T => {
  if (!answer.ok) throw new Error(`expected ok, got ${JSON.stringify(answer)}`);
  return answer.value;
};

async function startPicking(file: string): Promise<BootedApp> {
  const app = bootApp({ appData: machine, env: { STANDIN_OPEN_FILE: file } });
  await Promise.race([
    app.loaded,
    app.exited.then((code) => {
      throw new Error(`the app exited (${code}) before its window loaded: ${app.stderr()}`);
    }),
  ]);
  return app;
}

async function quit(app: BootedApp): Promise<void> {
  await app.call('quit');
  expect(await app.exited, app.stderr()).toBe(0);
}

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => rmSync(machine, { recursive: true, force: true }));

describe('the built app imports receipts through its import worker', () => {
  it('a CP949 export: progress sent to the window, the preview, all of it imported, found', async () => {
    const file = join(machine, 'export.csv');
    writeFileSync(file, exportCsvCp949(5_000));
    const app = await startPicking(file);
    value(await app.invoke<Answer<unknown>>('manager.setupPin', { pin: PIN, confirmation: PIN }));
    const preview = value(
      await app.invoke<Answer<{ picked: true; summary: ImportSummary }>>('import.preview'),
    );
    expect(preview.summary).toMatchObject({ format: 'csv', dataRows: 5_000, refusal: null });
    expect((await app.facts()).sent['import.progress']).toBeGreaterThan(1);
    expect(
      value(await app.invoke<Answer<unknown>>('import.commit', { token: preview.summary.token })),
    ).toMatchObject({ inserted: 5_000 });
    const found = value(
      await app.invoke<Answer<{ receipts: Receipt[] }>>('receipts.lookup', {
        by: 'number',
        query: exportVanTrxNo(4_000),
      }),
    );
    expect(found.receipts).toMatchObject([{ issuerName: 'KB국민카드®', source: 'imported' }]);
    await quit(app);
  });

  it('the A1 + XFD2000 bomb: refused in Korean, and the app answers on', async () => {
    const bombBytes = await twoCellWorkbook('XFD2000');
    const file = join(machine, 'bomb.xlsx');
    writeFileSync(file, bombBytes);
    const app = await startPicking(file);
    value(await app.invoke<Answer<unknown>>('manager.login', { pin: PIN }));
    expect(await app.invoke('import.preview')).toMatchObject({
      ok: false,
      error: {
        code: 'too-many-columns',
        message: { ko: expect.stringContaining('열이 너무 많은') },
      },
    });
    expect(value(await app.invoke<Answer<{ mode: string }>>('app.info')).mode).toBe('training');
    await quit(app);
  });
});
