import { benchDrain, type DrainFigures } from './engine-drain';
import { benchCancelLatency, type CancelLatencyFigures } from './engine-latency';
import { benchLedger, type LedgerFigures } from './engine-ledger';

/**
 * The engine's figures for `npm run bench` (issue 3), in one object of numbers:
 *   raw_post_p50_ms, raw_post_p99_ms, service_cancel_p50_ms, service_cancel_p99_ms,
 *   cancel_added_p50_ms (goal <= 2)            ./engine-latency.ts
 *   drain_items, drain_per_s (goal >= 1000), drain_correct (1), drain_peak_rss_mb
 *                                             ./engine-drain.ts
 *   ledger_rows, ledger_open_ms (goal <= 300), ledger_lookup_{van,merc,aprv,amount}_p50_ms
 *   (goal <= 0.5), ledger_history_p50_ms, ledger_startup_audit_ms, ledger_review_lists_ms,
 *   ledger_bytes
 *                                             ./engine-ledger.ts
 * `scale` shrinks the sizes (1 = the issue's: 1,000,000 ledger rows, 10,000 drained items,
 * 2,000 latency pairs). The drain runs before the ledger so its peak memory is its own.
 * Scratch data goes to os.tmpdir() (a disk, so fsync is paid), or `parentDir`.
 */
export type EngineFigures = CancelLatencyFigures & DrainFigures & LedgerFigures;

export async function benchEngine(
  options: { scale?: number; parentDir?: string; log?: (line: string) => void } = {},
): Promise<EngineFigures> {
  const scale = options.scale ?? 1;
  const log = options.log ?? (() => undefined);
  const size = (n: number, min: number): number => Math.max(min, Math.round(n * scale));
  const where = options.parentDir === undefined ? {} : { parentDir: options.parentDir };
  log('engine: cancel latency, services vs a bare signed POST');
  const latency = await benchCancelLatency({
    samples: size(2000, 50),
    warmup: size(200, 10),
    ...where,
  });
  log('engine: draining in-doubt cancellations');
  const drain = await benchDrain({ items: size(10_000, 50), ...where });
  log('engine: ledger of cancellations (building it takes a while)');
  const ledger = await benchLedger({ rows: size(1_000_000, 1000), ...where });
  return { ...latency, ...drain, ...ledger };
}
