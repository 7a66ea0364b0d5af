import { Worker } from 'node:worker_threads';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { ReadProgress } from './file';
import type { ImportLimits } from './limits';
import type { DuplicateInFile, ImportPreview, ParsedReceipt, RowErrors } from './preview';
import type { ImportFileProblem } from './problems';
import { importProblem } from './problems';
import type { ImportWorkerInput, ImportWorkerMessage } from './worker-protocol';

/**
 * Main's side of the import worker (./worker.ts). The worker runs with a heap limit
 * (resourceLimits): a file that needs more memory ends the worker with ERR_WORKER_OUT_OF_MEMORY,
 * and the main process only hears of it. A deadline and the manager's cancel button stop it
 * with worker.terminate(). Whatever happens, the answer is a Result, never a throw, and the
 * worker is gone when the promise settles.
 */
export interface ImportWorkerConfig {
  /** the built worker: out/main/import-worker.js next to main.js (electron.vite.config.ts) */
  file: string | URL;
  limits: ImportLimits;
}

export type ImportReadProblem = ImportFileProblem | { code: 'not-read' };

export interface ImportRun {
  path: string;
  onProgress(progress: ReadProgress): void;
  signal?: AbortSignal;
}

/**
 * The worker's young generation: a 100,000-row preview keeps ~100,000 receipts alive, and a
 * larger nursery means fewer scavenges copying them (measured: ~15% off the 100,000-row read).
 */
const YOUNG_GENERATION_MB = 48;

const isOutOfMemory = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

export function runImportWorker(
  config: ImportWorkerConfig,
  run: ImportRun,
): Promise<Result<ImportPreview, ImportReadProblem>> {
  const { limits } = config;
  const input: ImportWorkerInput = { path: run.path, limits };
  return new Promise((resolve) => {
    const rows: ParsedReceipt[] = [];
    const errors: RowErrors[] = [];
    const duplicates: DuplicateInFile[] = [];
    let settled = false;

    let worker: Worker;
    try {
      worker = new Worker(config.file, {
        workerData: input,
        execArgv: [],
        resourceLimits: {
          maxOldGenerationSizeMb: limits.workerHeapMb,
          maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
        },
      });
    } catch {
      resolve(err(importProblem('worker-failed', limits)));
      return;
    }

    const finish = (result: Result<ImportPreview, ImportReadProblem>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      run.signal?.removeEventListener('abort', cancel);
      worker.removeAllListeners('message');
      // settled once the thread has stopped: after a cancel, nothing of it runs on
      const stopped = (): void => resolve(result);
      worker.terminate().then(stopped, stopped);
    };
    const refuse = (code: ImportFileProblem['code']): void =>
      finish(err(importProblem(code, limits)));
    const cancel = (): void => refuse('cancelled');
    const deadline = setTimeout(() => refuse('took-too-long'), limits.deadlineMs);
    run.signal?.addEventListener('abort', cancel, { once: true });
    if (run.signal?.aborted) cancel();

    worker.on('message', (message: ImportWorkerMessage) => {
      switch (message.kind) {
        case 'progress':
          run.onProgress(message.progress);
          return;
        case 'part':
          // push one by one: a spread of 2,000 arguments is fine, but this never needs to be
          for (const row of message.rows) rows.push(row);
          for (const error of message.errors) errors.push(error);
          for (const duplicate of message.duplicates) duplicates.push(duplicate);
          return;
        case 'preview':
          finish(ok({ ...message.preview, rows, errors, duplicatesInFile: duplicates }));
          return;
        case 'refused':
          finish(err(message.problem));
          return;
        case 'not-read':
          finish(err({ code: 'not-read' }));
      }
    });
    worker.on('error', (error) => refuse(isOutOfMemory(error) ? 'out-of-memory' : 'worker-failed'));
    // an exit before an answer (the answer's messages are delivered before 'exit')
    worker.on('exit', () => refuse('worker-failed'));
  });
}
