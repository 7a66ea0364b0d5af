import type { ImportStore } from '../import/plan';
import type { ParsedReceipt } from '../import/preview';

/**
 * Which of a preview's keys the ledger already holds, looked up a batch of rows at a time with
 * the event loop let go between batches (setImmediate), so the desk's own IPC calls and the
 * queue's timers run while a 100,000-row file is compared (issue 12: "the main process never
 * blocks"). One batch is one statement (./import-ledger.ts), a few milliseconds. Null when the
 * manager cancelled meanwhile.
 */
const BATCH_ROWS = 1_000;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function keysInSlices(
  rows: readonly ParsedReceipt[],
  store: Pick<ImportStore, 'existingKeys'>,
  signal: AbortSignal,
  onProgress: (rowsCompared: number) => void,
): Promise<Set<string> | null> {
  const present = new Set<string>();
  for (let at = 0; at < rows.length; at += BATCH_ROWS) {
    await nextTurn();
    if (signal.aborted) return null;
    const batch = rows.slice(at, at + BATCH_ROWS);
    for (const key of store.existingKeys(batch.flatMap((row) => row.keys))) present.add(key);
    onProgress(at + batch.length);
  }
  return signal.aborted ? null : present;
}
