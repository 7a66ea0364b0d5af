import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../shared/contract';
import { exportCsvCp949, exportVanTrxNo, twoCellWorkbook } from '../../fixtures/receipt-export';
import { createWorld } from './world';
import type { StoreOpsWorld } from './world';

/**
 * The receipt import behind the manager's channels (issue 11 "imports that cannot hurt the till",
 * issue 12 "decoding, parsing and checking in a worker with progress and a cancel button"): the
 * file is read by the import worker while main pushes `import.progress`, answers the cashier's
 * look-ups, and stops the worker when the manager cancels. A refused file changes nothing.
 */
let w: StoreOpsWorld;
/** the first test's preview, made stale by the next file picked */
let firstToken = '';
const counts = () =>
  w.services.ledger.db
    .prepare<[], { receipts: number; audit: number }>(
      `SELECT (SELECT count(*) FROM receipts) AS receipts,
              (SELECT count(*) FROM audit_events) AS audit`,
    )
    .get();

beforeAll(async () => {
  w = await createWorld();
  await w.stack.becomeManager();
});
afterAll(() => w.close());

function pick(name: string, bytes: Uint8Array): string {
  const file = join(w.engineDir, name);
  writeFileSync(file, bytes);
  w.stack.dialogs.importFile = file;
  return file;
}

function progressEvents(): { events: ImportProgress[]; stop(): void } {
  const events: ImportProgress[] = [];
  const stop = w.storeOps.subscribe((event) => {
    if (event.event === 'import.progress') events.push(event.payload);
  });
  return { events, stop };
}

describe('a receipt import through the channels', () => {
  it('pushes its progress, reading then comparing, while the cashier is answered', async () => {
    const known = await w.receipt();
    pick('30k.csv', exportCsvCp949(30_000));
    const progress = progressEvents();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const preview = w.stack.call('import.preview', {});
    // the desk's own calls are answered while the file is read
    while (!progress.events.some((e) => e.stage === 'reading' && e.rows > 0)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const lookup = await w.stack.call('receipts.lookup', { by: 'number', query: known.aprvNo });
    const lookupAnsweredWhileReading = !progress.events.some((e) => e.stage === 'comparing');
    const answer = await preview;
    delay.disable();
    progress.stop();

    expect(lookup).toMatchObject({ ok: true, value: { receipts: [{ aprvNo: known.aprvNo }] } });
    expect(lookupAnsweredWhileReading).toBe(true);
    expect(answer).toMatchObject({
      ok: true,
      value: { picked: true, summary: { dataRows: 30_000, validRows: 30_000, refusal: null } },
    });
    firstToken = answer.ok ? (answer.value as { summary: { token: string } }).summary.token : '';
    const reading = progress.events.filter((e) => e.stage === 'reading');
    const comparing = progress.events.filter((e) => e.stage === 'comparing');
    expect(reading[0]).toEqual({ stage: 'reading', rows: 0, total: null });
    expect(reading.at(-1)).toEqual({ stage: 'reading', rows: 30_001, total: 30_001 });
    expect(comparing[0]).toEqual({ stage: 'comparing', rows: 0, total: 30_000 });
    expect(comparing.at(-1)).toEqual({ stage: 'comparing', rows: 30_000, total: 30_000 });
    expect(progress.events.indexOf(comparing[0]!)).toBeGreaterThan(
      progress.events.indexOf(reading.at(-1)!),
    );
    // generous: the comparing slices are ~8 ms; the old import held main for the whole file
    expect(delay.max / 1e6).toBeLessThan(2_000);
  });

  it('cancel stops it: the preview answers "cancelled", nothing can be committed, nothing changed', async () => {
    const before = counts();
    pick('cancel.csv', exportCsvCp949(100_000));
    const progress = progressEvents();
    const preview = w.stack.call('import.preview', {});
    while (progress.events.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    // a second file cannot be started meanwhile
    expect(await w.stack.call('import.preview', {})).toMatchObject({
      ok: false,
      error: { code: 'import-busy' },
    });
    expect(await w.stack.call('import.cancel', {})).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await preview).toMatchObject({
      ok: false,
      error: { code: 'cancelled', message: { ko: expect.stringContaining('취소했습니다') } },
    });
    progress.stop();
    expect(await w.stack.call('import.cancel', {})).toEqual({
      ok: true,
      value: { cancelled: false },
    });
    // picking another file ended the earlier preview: its token imports nothing
    expect(await w.stack.call('import.commit', { token: firstToken })).toMatchObject({
      ok: false,
      error: { code: 'import-expired' },
    });
    expect(counts()).toEqual(before);
  });

  it('issue 11 finding 4: the A1 + XFD2000 bomb is refused in Korean and changes nothing', async () => {
    const bombBytes = await twoCellWorkbook('XFD2000');
    pick('bomb.xlsx', bombBytes);
    const before = counts();
    expect(await w.stack.call('import.preview', {})).toMatchObject({
      ok: false,
      error: {
        code: 'too-many-columns',
        message: { ko: expect.stringContaining('열이 너무 많은') },
      },
    });
    expect(counts()).toEqual(before);
  });

  it('a worker that runs out of memory: a clear refusal, and the desk goes on', async () => {
    const small = await createWorld({ importLimits: { workerHeapMb: 24 } });
    try {
      await small.stack.becomeManager();
      const file = join(small.engineDir, 'big.csv');
      writeFileSync(file, exportCsvCp949(100_000));
      small.stack.dialogs.importFile = file;
      expect(await small.stack.call('import.preview', {})).toMatchObject({
        ok: false,
        error: { code: 'out-of-memory', message: { ko: expect.stringContaining('메모리') } },
      });
      const known = await small.receipt();
      expect(
        await small.stack.call('receipts.lookup', { by: 'number', query: known.aprvNo }),
      ).toMatchObject({ ok: true, value: { receipts: [{ aprvNo: known.aprvNo }] } });
    } finally {
      await small.close();
    }
  });

  it('the previewed file imports all or nothing; a look-up finds a row of it', async () => {
    pick('3k.csv', exportCsvCp949(3_000));
    const answer = await w.stack.call('import.preview', {});
    const token = answer.ok ? (answer.value as { summary: { token: string } }).summary.token : '';
    expect(await w.stack.call('import.commit', { token })).toMatchObject({
      ok: true,
      value: { inserted: 3_000, alreadyPresent: 0 },
    });
    expect(
      await w.stack.call('receipts.lookup', { by: 'number', query: exportVanTrxNo(2_999) }),
    ).toMatchObject({ ok: true, value: { receipts: [{ issuerName: '신한카드' }] } });
  });
});
