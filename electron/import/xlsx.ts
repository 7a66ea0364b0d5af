import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { ImportLimits } from './limits';
import type { ImportFileProblemCode } from './problems';
import type { Relationship } from './xlsx-parts';
import {
  readCellFormats,
  readRelationships,
  readSharedStrings,
  readWorkbook,
  relationshipKind,
  relationshipsPartOf,
} from './xlsx-parts';
import type { SheetRows } from './xlsx-sheet';
import { readSheet } from './xlsx-sheet';
import type { UnzipBudget, ZipEntry } from './zip';
import { readZipDirectory, unzipEntry } from './zip';

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

export function openXlsx(
  bytes: Uint8Array,
  limits: ImportLimits,
): Result<OpenWorkbook, ImportFileProblemCode> {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return err(directory.error);
  const entries = directory.value;
  const budget: UnzipBudget = { remaining: limits.maxUnzippedBytes };

  const unzip = (part: string): Result<Buffer | null, ImportFileProblemCode> => {
    const entry = entries.get(part);
    return entry === undefined ? ok(null) : unzipEntry(bytes, entry, budget);
  };
  const relationshipsOf = (
    part: string,
  ): Result<Map<string, Relationship>, ImportFileProblemCode> => {
    const xml = unzip(relationshipsPartOf(part));
    if (!xml.ok) return xml;
    return xml.value === null ? ok(new Map()) : readRelationships(xml.value, part);
  };
  const firstOfKind = (relationships: Map<string, Relationship>, kind: string): string | null =>
    [...relationships.values()].find((r) => relationshipKind(r.type) === kind)?.part ?? null;

  const root = relationshipsOf('');
  if (!root.ok) return root;
  const workbookPart = firstOfKind(root.value, 'officeDocument') ?? DEFAULT_WORKBOOK;
  const workbookXml = unzip(workbookPart);
  if (!workbookXml.ok) return workbookXml;
  if (workbookXml.value === null) return err('unreadable');
  const workbook = readWorkbook(workbookXml.value);
  if (!workbook.ok) return workbook;
  const related = relationshipsOf(workbookPart);
  if (!related.ok) return related;

  const stylesPart = firstOfKind(related.value, 'styles');
  const stylesXml = stylesPart === null ? ok(null) : unzip(stylesPart);
  if (!stylesXml.ok) return stylesXml;
  const formats = stylesXml.value === null ? ok([]) : readCellFormats(stylesXml.value);
  if (!formats.ok) return formats;

  const stringsPart = firstOfKind(related.value, 'sharedStrings');
  const stringsXml = stringsPart === null ? ok(null) : unzip(stringsPart);
  if (!stringsXml.ok) return stringsXml;
  const sharedStrings = stringsXml.value === null ? ok([]) : readSharedStrings(stringsXml.value);
  if (!sharedStrings.ok) return sharedStrings;

  const context = {
    sharedStrings: sharedStrings.value,
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
