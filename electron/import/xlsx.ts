import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { ImportLimits } from './limits';
import type { ImportFileProblemCode } from './problems';
import type { PartReader, Relationship } from './xlsx-parts';
import {
  cellFormatsReader,
  relationshipKind,
  relationshipsPartOf,
  relationshipsReader,
  sharedStringsReader,
  workbookReader,
} from './xlsx-parts';
import type { SheetRows } from './xlsx-sheet';
import { readSheet } from './xlsx-sheet';
import { readXmlChunks } from './xml';
import type { UnzipBudget, ZipEntry } from './zip';
import { readZipDirectory, unzipEntryInChunks } from './zip';

/**
 * An .xlsx workbook opened for reading: its sheets in workbook order, each read on demand
 * (./xlsx-sheet.ts), so a sheet that is not needed is never unzipped. Opening reads only the
 * small parts: the package and workbook relationships, the workbook, the styles and the shared
 * strings, all within one unzip budget for the whole file (limits.maxUnzippedBytes).
 */
export interface OpenWorkbook {
  sheets: { name: string; read(rows: SheetRows): Promise<Result<void, ImportFileProblemCode>> }[];
}

const DEFAULT_WORKBOOK = 'xl/workbook.xml';

type Opened<T> = Result<T, ImportFileProblemCode>;

export async function openXlsx(
  bytes: Uint8Array,
  limits: ImportLimits,
): Promise<Opened<OpenWorkbook>> {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return err(directory.error);
  const entries = directory.value;
  const budget: UnzipBudget = { remaining: limits.maxUnzippedBytes };

  /** A part read whole through its reader; `fallback` when the package has no such part. */
  async function part<T>(
    name: string | null,
    reader: PartReader<T>,
    fallback: T,
  ): Promise<Opened<T>> {
    const entry = name === null ? undefined : entries.get(name);
    if (entry === undefined) return ok(fallback);
    const read = await readXmlChunks(
      (onChunk) => unzipEntryInChunks(bytes, entry, budget, onChunk),
      reader.handlers,
    );
    return read.ok ? ok(reader.result()) : read;
  }
  const relationshipsOf = (source: string): Promise<Opened<Map<string, Relationship>>> =>
    part(relationshipsPartOf(source), relationshipsReader(source), new Map());
  const firstOfKind = (relationships: Map<string, Relationship>, kind: string): string | null =>
    [...relationships.values()].find((r) => relationshipKind(r.type) === kind)?.part ?? null;

  const root = await relationshipsOf('');
  if (!root.ok) return root;
  const workbookPart = firstOfKind(root.value, 'officeDocument') ?? DEFAULT_WORKBOOK;
  if (!entries.has(workbookPart)) return err('unreadable');
  const workbook = await part(workbookPart, workbookReader(), { sheets: [], date1904: false });
  if (!workbook.ok) return workbook;
  const related = await relationshipsOf(workbookPart);
  if (!related.ok) return related;
  const formats = await part(firstOfKind(related.value, 'styles'), cellFormatsReader(), []);
  if (!formats.ok) return formats;
  const strings = await part(
    firstOfKind(related.value, 'sharedStrings'),
    sharedStringsReader(),
    [],
  );
  if (!strings.ok) return strings;

  const context = {
    sharedStrings: strings.value,
    formats: formats.value,
    date1904: workbook.value.date1904,
    limits,
  };
  const sheets: OpenWorkbook['sheets'] = [];
  for (const sheet of workbook.value.sheets) {
    const target = related.value.get(sheet.relationshipId);
    const entry: ZipEntry | undefined =
      target && relationshipKind(target.type) === 'worksheet'
        ? entries.get(target.part)
        : undefined;
    // a chart sheet or a dialog sheet has no cells to import
    if (entry === undefined) continue;
    sheets.push({
      name: sheet.name,
      read: (rows) => readSheet(bytes, entry, budget, context, rows),
    });
  }
  return ok({ sheets });
}
