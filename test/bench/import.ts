import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { systemClock } from '../../shared/clock';
import { decodeText } from '../../electron/import/decode';
import { importLimits } from '../../electron/import/limits';
import { runImportWorker } from '../../electron/import/run-worker';
import { openLedger } from '../../electron/ledger/ledger';
import { createImportSession } from '../../electron/store-ops/import-session';
import { exportCsvCp949, exportCsvText } from '../fixtures/receipt-export';
import { newestChange } from '../e2e/harness/build';
import { round, scratchDir } from './engine-stats';

/**
 * The receipt import's figures for `npm run bench` (issue 12 finding 8):
 *   import_100k_rows_ms       a 100,000-row CP949 CSV, decoded, parsed and checked by the import
 *                             worker, the preview in main (goal ≤ 2,000); median of 3
 *   import_loop_delay_p99_ms  main's event-loop delay p99 meanwhile (goal ≤ 50)
 *   idle_loop_delay_p99_ms    the same with nothing running: what the machine itself adds
 *   import_compare_100k_ms    main comparing the 100,000 rows with the ledger, in slices
 *   import_commit_100k_ms     the write: ONE ledger transaction on main (it holds main)
 *   cp949_decode_48mb_ms      48 MB of CP949 through decodeText (iconv-lite)
 *
 * It runs the worker the app ships: out/main/import-worker.js, built first when missing or
 * older than its sources.
 */
export interface ImportFigures {
  import_100k_rows_ms: number;
  import_loop_delay_p99_ms: number;
  import_loop_delay_max_ms: number;
  idle_loop_delay_p99_ms: number;
  import_compare_100k_ms: number;
  import_commit_100k_ms: number;
  cp949_decode_48mb_ms: number;
}

const ROOT = join(__dirname, '../..');
const WORKER = join(ROOT, 'out/main/import-worker.js');

function builtWorker(): string {
  const sources = Math.max(
    newestChange(join(ROOT, 'electron/import')),
    newestChange(join(ROOT, 'shared')),
  );
  if (!existsSync(WORKER) || statSync(WORKER).mtimeMs < sources) {
    console.log('(building out/ first: npm run build)');
    const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  return WORKER;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function idleLoopDelayP99(ms: number): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  await new Promise((resolve) => setTimeout(resolve, ms));
  delay.disable();
  return delay.percentile(99) / 1e6;
}

export async function benchImport(options: { rows: number }): Promise<ImportFigures> {
  const file = builtWorker();
  const scratch = scratchDir('kicc-bench-import-');
  try {
    const csv = join(scratch.dir, 'export.csv');
    writeFileSync(csv, exportCsvCp949(options.rows));
    const limits = importLimits();

    const idle = await idleLoopDelayP99(2_000);
    const runs: { ms: number; p99: number; max: number }[] = [];
    for (let run = 0; run < 3; run += 1) {
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      const started = performance.now();
      const read = await runImportWorker({ file, limits }, { path: csv, onProgress: () => {} });
      const ms = performance.now() - started;
      delay.disable();
      if (!read.ok || read.value.rows.length !== options.rows) {
        throw new Error(`the bench file was not read whole: ${JSON.stringify(read).slice(0, 200)}`);
      }
      runs.push({ ms, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 });
    }

    // the whole session on a fresh ledger on disk: read, compare (timed from its first push),
    // then the commit
    const ledger = openLedger(join(scratch.dir, 'ledger.sqlite'));
    let comparingFrom = 0;
    let comparedAt = 0;
    const session = createImportSession({
      ledger,
      clock: systemClock,
      dialogs: { chooseImportFile: async () => csv },
      files: { size: (path) => statSync(path).size, read: () => new Uint8Array(), write: () => {} },
      newToken: () => 'bench',
      actor: () => 'manager',
      worker: { file, limits },
      progress: (p) => {
        if (p.stage !== 'comparing') return;
        if (p.rows === 0) comparingFrom = performance.now();
        if (p.rows === p.total) comparedAt = performance.now();
      },
    });
    const previewed = await session.preview();
    if (!previewed.ok) throw new Error(`bench preview refused: ${previewed.error.code}`);
    const committing = performance.now();
    const committed = session.commit('bench');
    const commitMs = performance.now() - committing;
    if (!committed.ok || committed.value.inserted !== options.rows) {
      throw new Error(`bench commit: ${JSON.stringify(committed)}`);
    }
    ledger.close();

    // 48 MB of CP949 text (the size), decoded as an import decodes it
    const block = exportCsvText(1_000);
    const text = block.repeat(Math.ceil((48 * 1024 * 1024) / Buffer.byteLength(block, 'utf8')));
    const bytes = iconv.encode(text, 'cp949').subarray(0, 48 * 1024 * 1024);
    const decoding = performance.now();
    const decoded = decodeText(bytes);
    const decodeMs = performance.now() - decoding;
    if (decoded.encoding !== 'cp949') throw new Error('the 48 MB sample was not read as CP949');

    const middle = runs.find((r) => r.ms === median(runs.map((x) => x.ms))) ?? runs[0];
    return {
      import_100k_rows_ms: round(middle?.ms ?? Number.NaN),
      import_loop_delay_p99_ms: round(Math.max(...runs.map((r) => r.p99))),
      import_loop_delay_max_ms: round(Math.max(...runs.map((r) => r.max))),
      idle_loop_delay_p99_ms: round(idle),
      import_compare_100k_ms: round(comparedAt - comparingFrom),
      import_commit_100k_ms: round(commitMs),
      cp949_decode_48mb_ms: round(decodeMs),
    };
  } finally {
    scratch.remove();
  }
}
