import type { ReadProgress } from './file';
import type { ImportLimits } from './limits';
import type { DuplicateInFile, ImportPreview, ParsedReceipt, RowErrors } from './preview';
import type { ImportFileProblem } from './problems';

/**
 * What the main process and the import worker (./worker.ts) say to each other. The worker gets
 * the picked file's path and the limits as workerData, reads the file itself (so main never holds
 * its bytes), and answers with messages. A preview's rows travel in parts of PART_ROWS: the
 * main thread deserialises each message at once, and one 100,000-row message would stall it.
 */
export interface ImportWorkerInput {
  path: string;
  limits: ImportLimits;
}

export const PART_ROWS = 500;

export type ImportWorkerMessage =
  | { kind: 'progress'; progress: ReadProgress }
  /** a part of the preview's lists, in file order */
  | { kind: 'part'; rows: ParsedReceipt[]; errors: RowErrors[]; duplicates: DuplicateInFile[] }
  /** the preview, its lists empty: the parts before it carried them */
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'refused'; problem: ImportFileProblem }
  /** the file could not be read from disk (gone, locked by another program) */
  | { kind: 'not-read' };

/** A preview as the messages that carry it. */
export function previewMessages(preview: ImportPreview): ImportWorkerMessage[] {
  const { rows, errors, duplicatesInFile } = preview;
  const messages: ImportWorkerMessage[] = [];
  const longest = Math.max(rows.length, errors.length, duplicatesInFile.length);
  for (let at = 0; at < longest; at += PART_ROWS) {
    messages.push({
      kind: 'part',
      rows: rows.slice(at, at + PART_ROWS),
      errors: errors.slice(at, at + PART_ROWS),
      duplicates: duplicatesInFile.slice(at, at + PART_ROWS),
    });
  }
  messages.push({
    kind: 'preview',
    preview: { ...preview, rows: [], errors: [], duplicatesInFile: [] },
  });
  return messages;
}
