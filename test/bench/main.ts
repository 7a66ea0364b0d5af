/**
 * `npm run bench [-- --json FILE] [-- --scale S] [-- --only engine|renderer|import]`
 *
 * Prints the figures the issues ask for and, with --json, writes them as one JSON object of
 * numbers. Defaults are the issues' sizes (1,000,000 ledger rows, 10,000 in-doubt drained);
 * --scale 0.1 runs everything at a tenth. Goals are printed beside each figure; a missed goal is
 * reported, not hidden, and does not change the exit code (benchmarks print, tests assert).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { benchEngine } from './engine';
import { benchImport } from './import';
import { benchRenderer } from './renderer';

interface Args {
  json?: string;
  scale: number;
  only?: 'engine' | 'renderer' | 'import';
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { scale: 1 };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--json' && value) {
      args.json = resolve(value);
      i += 1;
    } else if (flag === '--scale' && value) {
      const scale = Number(value);
      if (!(scale > 0 && scale <= 1)) throw new Error('--scale takes a number in (0, 1]');
      args.scale = scale;
      i += 1;
    } else if (
      flag === '--only' &&
      (value === 'engine' || value === 'renderer' || value === 'import')
    ) {
      args.only = value;
      i += 1;
    } else {
      throw new Error(`unknown argument ${flag ?? ''}; see test/bench/main.ts`);
    }
  }
  return args;
}

type Goal = { max?: number; min?: number };
const GOALS: Record<string, Goal> = {
  cancel_added_p50_ms: { max: 2 },
  ledger_open_ms: { max: 300 },
  ledger_lookup_van_p50_ms: { max: 0.5 },
  ledger_lookup_merc_p50_ms: { max: 0.5 },
  ledger_lookup_aprv_p50_ms: { max: 0.5 },
  drain_per_s: { min: 1000 },
  drain_loop_delay_p99_ms: { max: 50 },
  drain_correct: { min: 1 },
  bundle_js_gzip_kb: { max: 150 },
  interactive_ratio: { max: 1.5 },
  history_filter_100k_ms: { max: 16 },
  import_100k_rows_ms: { max: 2000 },
  import_loop_delay_p99_ms: { max: 50 },
};

function print(section: string, figures: Record<string, number>): void {
  console.log(`\n## ${section}`);
  for (const [name, value] of Object.entries(figures)) {
    const goal = GOALS[name];
    let verdict = '';
    if (goal?.max !== undefined)
      verdict =
        value <= goal.max ? `  (goal ≤ ${goal.max}: met)` : `  (goal ≤ ${goal.max}: MISSED)`;
    if (goal?.min !== undefined)
      verdict =
        value >= goal.min ? `  (goal ≥ ${goal.min}: met)` : `  (goal ≥ ${goal.min}: MISSED)`;
    console.log(`${name.padEnd(30)} ${String(value).padStart(14)}${verdict}`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const all: Record<string, number> = {};
  const record = (section: string, figures: object): void => {
    const numbers = Object.fromEntries(
      Object.entries(figures).filter(
        (entry): entry is [string, number] => typeof entry[1] === 'number',
      ),
    );
    Object.assign(all, numbers);
    print(section, numbers);
  };
  console.log(`KICC Cancel Desk bench · scale ${args.scale} · Node ${process.version}`);

  if (args.only === undefined || args.only === 'engine') {
    await benchEngine({
      scale: args.scale,
      log: (line) => console.log(`  ${line}`),
      report: record,
    });
  }
  if (args.only === undefined || args.only === 'renderer') {
    record('renderer', await benchRenderer());
  }
  if (args.only === undefined || args.only === 'import') {
    record(
      'receipt import (100,000-row CP949 CSV in the import worker; main meanwhile)',
      await benchImport({ rows: Math.round(100_000 * args.scale) }),
    );
  }
  if (args.json) {
    mkdirSync(dirname(args.json), { recursive: true });
    writeFileSync(args.json, `${JSON.stringify(all, null, 2)}\n`);
    console.log(`\nwrote ${args.json}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
