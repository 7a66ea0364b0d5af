import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Shared helpers of the engine's bench functions (test/bench/engine-*.ts). */

/** The p-th percentile (0..100), nearest rank, of samples in ms. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Rounded for printing: 3 decimals below 10, 1 above. */
export const round = (n: number): number =>
  Math.abs(n) < 10 ? Math.round(n * 1000) / 1000 : Math.round(n * 10) / 10;

/**
 * A scratch folder on the machine's temporary DISK (os.tmpdir()), not tmpfs: fsync costs what it
 * costs in a store, so the durability settings are measured, not bypassed.
 */
export function scratchDir(prefix: string, parent?: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(parent ?? tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
