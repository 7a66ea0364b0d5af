import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { previewImportFile } from './file';
import type { ImportWorkerInput, ImportWorkerMessage } from './worker-protocol';
import { previewMessages } from './worker-protocol';

/**
 * The import worker (issue 11 finding 4, issue 12 finding 8): decoding, parsing and checking an
 * import file happen here, in a worker thread with a heap limit (./run-worker.ts), so the main
 * process never stalls on a file and a file that needs too much memory kills this thread alone.
 * Built by electron-vite as its own entry (out/main/import-worker.js, electron.vite.config.ts);
 * docs/manager.md "Receipt import" describes the whole path.
 */
const input = workerData as ImportWorkerInput;
const post = (message: ImportWorkerMessage): void => parentPort?.postMessage(message);

async function run(): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(input.path);
  } catch {
    post({ kind: 'not-read' });
    return;
  }
  const preview = await previewImportFile(bytes, {
    limits: input.limits,
    onProgress: (progress) => post({ kind: 'progress', progress }),
  });
  if (!preview.ok) {
    post({ kind: 'refused', problem: preview.error });
    return;
  }
  for (const message of previewMessages(preview.value)) post(message);
}

void run();
