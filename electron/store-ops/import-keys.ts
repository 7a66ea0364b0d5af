import type { ImportStore } from '../import/plan';
import type { ParsedReceipt } from '../import/preview';

/**
 * Which of a preview's keys the ledger already holds, looked up a slice at a time with the event
 * loop let go between slices (setImmediate), so the desk's own IPC calls and the queue's timers
 * run while a 100,000-row file is compared (issue 12: "the main process never blocks"). A slice
 * ends after SLICE_MS; null when the manager cancelled meanwhile.
 */
const SLICE_MS = 8;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function keysInSlices(
  rows: readonly ParsedReceipt[],
  store: Pick<ImportStore, 'existingKeys'>,
  signal: AbortSignal,
  onProgress: (rowsCompared: number) => void,
): Promise<Set<string> | null> {
  const present = new Set<string>();
  let at = 0;
  while (at < rows.length) {
    await nextTurn();
    if (signal.aborted) return null;
    const started = performance.now();
    while (at < rows.length && performance.now() - started < SLICE_MS) {
      for (const key of store.existingKeys(rows[at]?.keys ?? [])) present.add(key);
      at += 1;
    }
    onProgress(at);
  }
  return signal.aborted ? null : present;
}
