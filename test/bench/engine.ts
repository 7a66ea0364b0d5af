import { benchDrains, type DrainRunsFigures } from './engine-drain';
import { benchCancelLatency, type CancelLatencyFigures } from './engine-latency';
import { benchLedger, type LedgerFigures } from './engine-ledger';

/**
 * The engine's figures for `npm run bench` (issue 3), in one object of numbers:
 *   raw_post_p50_ms, raw_post_p99_ms, service_cancel_p50_ms, service_cancel_p99_ms,
 *   cancel_added_p50_ms (goal <= 2)            ./engine-latency.ts
 *   drain_items, drain_per_s (goal >= 1000; the median of three drains, with _min and _max),
 *   drain_correct (1), drain_peak_rss_mb, drain_loop_delay_p99_ms (goal <= 50),
 *   drain_cpu_us_per_item                      ./engine-drain.ts
 *   ledger_rows, ledger_open_ms (goal <= 300), ledger_lookup_{van,merc,aprv,amount}_p50_ms
 *   (goal <= 0.5), ledger_history_p50_ms, ledger_startup_audit_ms, ledger_review_lists_ms,
 *   ledger_bytes
 *                                             ./engine-ledger.ts
 * `scale` shrinks the sizes (1 = the issue's: 1,000,000 ledger rows, 10,000 drained items,
 * 2,000 latency pairs). The drains run before the ledger so their peak memory is their own.
 * Scratch data goes to os.tmpdir() (a disk, so fsync is paid), or `parentDir`. `report` gets
 * each part's figures as soon as it has them.
 */
export type EngineFigures = CancelLatencyFigures & DrainRunsFigures & LedgerFigures;

export interface EngineBenchOptions {
  scale?: number;
  parentDir?: string;
  log?: (line: string) => void;
  report?: (section: string, figures: object) => void;
}

export async function benchEngine(options: EngineBenchOptions = {}): Promise<EngineFigures> {
  const scale = options.scale ?? 1;
  const log = options.log ?? (() => undefined);
  const report = options.report ?? (() => undefined);
  const size = (n: number, min: number): number => Math.max(min, Math.round(n * scale));
  const where = options.parentDir === undefined ? {} : { parentDir: options.parentDir };
  log('engine: cancel latency, services vs a bare signed POST');
  const latency = await benchCancelLatency({
    samples: size(2000, 200),
    warmup: size(200, 10),
    ...where,
  });
  report('cancellation latency (services vs bare signed POST, same simulator)', latency);
  log('engine: draining in-doubt cancellations, three times');
  const drain = await benchDrains({ items: size(10_000, 50), log, ...where });
  report('drain after reconnect (median of three drains)', drain);
  log('engine: ledger of cancellations (building it takes a while)');
  const ledger = await benchLedger({ rows: size(1_000_000, 1000), ...where });
  report('ledger', ledger);
  return { ...latency, ...drain, ...ledger };
}
