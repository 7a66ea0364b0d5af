import { posix } from 'node:path';
import type { XmlHandlers } from './xml';

/**
 * The parts of a workbook that say where its sheets are and how to read their cells (ECMA-376
 * Part 1: 12.3 package structure, 18.2 workbook, 18.4 shared strings, 18.8 styles). Each is a
 * reader: XML handlers fed as the part is unzipped (./xlsx.ts), and what they found at the end.
 */
export interface PartReader<T> {
  handlers: XmlHandlers;
  result(): T;
}

export interface Relationship {
  type: string;
  /** the target part's name in the ZIP, resolved against the source part */
  part: string;
}

/** 'xl/workbook.xml' -> 'xl/_rels/workbook.xml.rels' */
export const relationshipsPartOf = (part: string): string =>
  posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);

/** A target as written (relative to the source part's folder, or from the package root). */
function resolvePart(source: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(source), target);
  return posix.normalize(path).replace(/^(\.\.\/)+/, '');
}

export function relationshipsReader(source: string): PartReader<Map<string, Relationship>> {
  const relationships = new Map<string, Relationship>();
  return {
    handlers: {
      open(name, attributes) {
        const { Id: id, Type: type = '', Target: target, TargetMode: mode } = attributes;
        if (name !== 'Relationship' || id === undefined || target === undefined) return;
        if (mode === 'External') return;
        relationships.set(id, { type, part: resolvePart(source, target) });
      },
    },
    result: () => relationships,
  };
}

/** The relationship type's last word: 'officeDocument', 'worksheet', 'sharedStrings', 'styles'. */
export const relationshipKind = (type: string): string => type.slice(type.lastIndexOf('/') + 1);

export interface WorkbookSheet {
  name: string;
  relationshipId: string;
}

export interface Workbook {
  sheets: WorkbookSheet[];
  /** Mac Excel's date system: serial 0 is 1904-01-01 (18.2.28 workbookPr date1904) */
  date1904: boolean;
}

const isTrue = (value: string | undefined): boolean => value === '1' || value === 'true';

export function workbookReader(): PartReader<Workbook> {
  const workbook: Workbook = { sheets: [], date1904: false };
  return {
    handlers: {
      open(name, attributes) {
        if (name === 'workbookPr') workbook.date1904 = isTrue(attributes.date1904);
        if (name !== 'sheet') return;
        const relationshipId = Object.entries(attributes).find(([key]) =>
          /(^|:)id$/.test(key),
        )?.[1];
        if (attributes.name !== undefined && relationshipId !== undefined) {
          workbook.sheets.push({ name: attributes.name, relationshipId });
        }
      },
    },
    result: () => workbook,
  };
}

/**
 * The shared strings, in order (18.4.9 sst). A string is its `t` runs, rich-text runs included;
 * phonetic runs (`rPh`, the furigana of a Japanese cell) are not part of the text.
 */
export function sharedStringsReader(): PartReader<string[]> {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  return {
    handlers: {
      open(name) {
        if (name === 'si') current = [];
        else if (name === 'rPh') phonetic += 1;
        else if (name === 't' && phonetic === 0) inText = true;
      },
      close(name) {
        if (name === 'si' && current !== null) {
          strings.push(current.join(''));
          current = null;
        } else if (name === 'rPh') phonetic -= 1;
        else if (name === 't') inText = false;
      },
      text(text) {
        if (inText && current !== null) current.push(text);
      },
    },
    result: () => strings,
  };
}

/**
 * Each cell style's number format code (18.8.10 cellXfs, 18.8.30 numFmt), by the style index a
 * cell's `s` attribute names. Built-in formats are given by id (`#14`), custom ones by code.
 */
export function cellFormatsReader(): PartReader<string[]> {
  const custom = new Map<string, string>();
  const formatIds: string[] = [];
  let inCellXfs = false;
  return {
    handlers: {
      open(name, attributes) {
        if (name === 'numFmt' && attributes.numFmtId !== undefined) {
          custom.set(attributes.numFmtId, attributes.formatCode ?? '');
        } else if (name === 'cellXfs') {
          inCellXfs = true;
        } else if (name === 'xf' && inCellXfs) {
          formatIds.push(attributes.numFmtId ?? '0');
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    result: () => formatIds.map((id) => custom.get(id) ?? `#${id}`),
  };
}
