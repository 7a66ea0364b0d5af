import { basename } from 'node:path';
import type { ImportProgress, ImportSummary, PosError, PosResult } from '../../shared/contract';
import type { Clock } from '../../shared/clock';
import { commitImport, planImport } from '../import/plan';
import type { ImportPreview } from '../import/preview';
import { importProblem } from '../import/problems';
import type { ImportWorkerConfig } from '../import/run-worker';
import { runImportWorker } from '../import/run-worker';
import type { Ledger } from '../ledger/ledger';
import { storeOpsErrors } from './errors';
import { keysInSlices } from './import-keys';
import { conflictError, ledgerImportStore, ReceiptConflict } from './import-ledger';
import type { FileDialogs, StoreFiles } from './ports';

/**
 * Receipt import through the ledger (issue 6 "Receipt import"; docs/manager.md): the manager
 * picks a file in main's open dialog; the import worker reads, decodes and checks it off the
 * main thread (../import/run-worker.ts; issue 11 finding 4, issue 12 finding 8) while its
 * progress is pushed to the page and the manager may cancel it; main then compares the valid
 * rows with the ledger in short slices and answers a SUMMARY (counts, header problems,
 * conflicts, the first rows with errors) and a token; `commit(token)` imports that very
 * preview, all or nothing, in ONE ledger transaction, idempotently.
 *
 * Rows go in through the ledger's own rule for a receipt (placeReceipt, electron/ledger/
 * lookup.ts), the same as a typed receipt's: one row per original (a row matching a known
 * receipt by approval number, date and amount is merged into it; one that contradicts it refuses
 * the whole file). One `import.done` event naming the receipt ids it added closes the
 * transaction (../store-ops/import-ledger.ts says why not one event per row).
 */
export const MAX_ERRORS_SHOWN = 500;

interface Pending {
  token: string;
  fileName: string;
  preview: ImportPreview;
}

export interface ImportSessionDeps {
  ledger: Ledger;
  clock: Clock;
  /** only the import file's dialog */
  dialogs: Pick<FileDialogs, 'chooseImportFile'>;
  files: StoreFiles;
  newToken: () => string;
  actor: () => string;
  /** the import worker; null where it cannot run (import.preview then says so) */
  worker: ImportWorkerConfig | null;
  /** pushed to the page while a preview runs */
  progress(progress: ImportProgress): void;
}

/** At most one progress push per PROGRESS_MS, and always each stage's first and last. */
const PROGRESS_MS = 100;

function throttled(push: (p: ImportProgress) => void, now: () => number) {
  let last = -Infinity;
  let stage: ImportProgress['stage'] | null = null;
  return (progress: ImportProgress): void => {
    const at = now();
    const edge =
      progress.stage !== stage ||
      progress.rows === 0 ||
      (progress.total !== null && progress.rows >= progress.total);
    if (!edge && at - last < PROGRESS_MS) return;
    stage = progress.stage;
    last = at;
    push(progress);
  };
}

type PreviewAnswer = PosResult<{ picked: false } | { picked: true; summary: ImportSummary }>;

const asPosError = (problem: { code: string; message: PosError['message'] }): PosError => ({
  code: problem.code,
  message: problem.message,
});

export function createImportSession(deps: ImportSessionDeps) {
  let pending: Pending | null = null;
  /** the preview running now, to cancel */
  let running: AbortController | null = null;

  function summaryOf(p: Pending, present: ReadonlySet<string>): ImportSummary {
    const { preview } = p;
    const plan = planImport(preview, present);
    return {
      token: p.token,
      fileName: p.fileName,
      format: preview.source.format,
      headerRow: preview.headerRow,
      columns: preview.columns.map((c) => ({ field: c.field, header: c.header })),
      ignoredColumns: preview.ignoredColumns,
      headerProblems: preview.headerProblems.map((problem) => problem.message),
      dataRows: preview.dataRows,
      validRows: preview.rows.length,
      alreadyPresent: plan.ok ? plan.value.alreadyPresent.length : 0,
      repeatedInFile: preview.duplicatesInFile.filter((d) => !d.conflict).length,
      conflicts: preview.duplicatesInFile
        .filter((d) => d.conflict)
        .slice(0, MAX_ERRORS_SHOWN)
        .map((d) => ({ row: d.row, firstRow: d.firstRow, key: d.key })),
      errorRows: preview.errors.length,
      errors: preview.errors.slice(0, MAX_ERRORS_SHOWN),
      refusal: plan.ok ? null : plan.error.message,
    };
  }

  async function read(path: string, signal: AbortSignal): Promise<PreviewAnswer> {
    const progress = throttled(deps.progress, deps.clock.now);
    const worker = deps.worker;
    if (worker === null) return { ok: false, error: storeOpsErrors.importUnavailable() };
    const { limits } = worker;
    try {
      // refused before reading: a 4 GB file must not be loaded to be told it is too large
      if (deps.files.size(path) > limits.maxFileBytes) {
        return { ok: false, error: asPosError(importProblem('too-large', limits)) };
      }
    } catch {
      return { ok: false, error: storeOpsErrors.importUnreadable() };
    }
    progress({ stage: 'reading', rows: 0, total: null });
    const read = await runImportWorker(worker, {
      path,
      signal,
      onProgress: (p) => progress({ stage: 'reading', rows: p.rowsRead, total: p.rowsTotal }),
    });
    if (!read.ok) {
      return {
        ok: false,
        error:
          read.error.code === 'not-read'
            ? storeOpsErrors.importUnreadable()
            : asPosError(read.error),
      };
    }
    const preview = read.value;
    // Which valid rows the ledger already holds: looked up in slices between which the desk's
    // own calls run (a 100,000-row file is 100,000-200,000 look-ups).
    const total = preview.rows.length;
    progress({ stage: 'comparing', rows: 0, total });
    const store = ledgerImportStore(deps.ledger, deps.clock, new Map());
    const present = await keysInSlices(preview.rows, store, signal, (rows) =>
      progress({ stage: 'comparing', rows, total }),
    );
    if (present === null) {
      return { ok: false, error: asPosError(importProblem('cancelled', limits)) };
    }
    pending = { token: deps.newToken(), fileName: basename(path), preview };
    return { ok: true, value: { picked: true, summary: summaryOf(pending, present) } };
  }

  return {
    async preview(): Promise<PreviewAnswer> {
      if (running !== null) return { ok: false, error: storeOpsErrors.importBusy() };
      const controller = new AbortController();
      running = controller;
      try {
        const path = await deps.dialogs.chooseImportFile();
        if (path === null) return { ok: true, value: { picked: false } };
        // another file was picked: the preview shown before is no longer the one to import
        pending = null;
        return await read(path, controller.signal);
      } finally {
        running = null;
      }
    },

    /** Stops the preview that is running (the manager's "cancel" button). */
    cancel(): { cancelled: boolean } {
      if (running === null) return { cancelled: false };
      running.abort();
      return { cancelled: true };
    },

    commit(
      token: string,
    ): PosResult<{ inserted: number; alreadyPresent: number; repeatedInFile: number }> {
      if (running !== null) return { ok: false, error: storeOpsErrors.importBusy() };
      const p = pending;
      if (p === null || p.token !== token)
        return { ok: false, error: storeOpsErrors.importExpired() };
      const rowsOf = new Map(p.preview.rows.map((row) => [row.receipt, row.row]));
      const store = ledgerImportStore(deps.ledger, deps.clock, rowsOf);
      let done: ReturnType<typeof commitImport>;
      try {
        // one transaction: the receipts (commitImport's own, nested as a savepoint) and the
        // import's audit event
        done = deps.ledger.write(() => {
          const result = commitImport(p.preview, store);
          if (result.ok) {
            deps.ledger.audit.record({
              at: deps.clock.now(),
              actor: deps.actor(),
              kind: 'import.done',
              subject: 'import',
              details: {
                fileName: p.fileName,
                dataRows: p.preview.dataRows,
                ...result.value,
                // the receipts it added (consecutive ids); their rows say source 'imported'
                receiptIds: store.added() ?? null,
              },
            });
          }
          return result;
        });
      } catch (error) {
        if (error instanceof ReceiptConflict) return { ok: false, error: conflictError(error.row) };
        throw error;
      }
      if (!done.ok)
        return { ok: false, error: { code: done.error.code, message: done.error.message } };
      pending = null;
      return done;
    },
  };
}
