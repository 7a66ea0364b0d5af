import type { Bilingual } from '../../shared/kicc/messages';
import type { ImportField } from './fields';
import { FIELD_NAMES, HEADER_SYNONYMS, KEY_FIELDS, REQUIRED_FIELDS } from './fields';
import { TITLE_ROWS } from './limits';
import type { ImportCell, ImportTable } from './table';

/**
 * Finds the header row and maps columns to receipt fields BY NAME (issue 6: "map columns by
 * header names"), never by position: exports differ in column order and extra columns.
 *
 * The header is the first of the first 20 rows in which at least 3 cells are known headers:
 * back-office exports often put a title, the store name or the period above the table.
 */

/** rows 1..SCAN_ROWS may hold the header */
export const SCAN_ROWS = TITLE_ROWS;
const MIN_KNOWN = 3;

/** "Approval No." -> "approvalno"; "VAN 거래번호" -> "van거래번호"; full-width folded (NFKC). */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./()[\]{}:#*]/g, '');
}

const LOOKUP: ReadonlyMap<string, ImportField> = new Map(
  (Object.entries(HEADER_SYNONYMS) as [ImportField, readonly string[]][]).flatMap(
    ([field, names]) => names.map((name): [string, ImportField] => [normaliseHeader(name), field]),
  ),
);

export function fieldForHeader(cell: ImportCell): ImportField | null {
  if (typeof cell !== 'string') return null;
  return LOOKUP.get(normaliseHeader(cell)) ?? null;
}

export interface MappedColumn {
  field: ImportField;
  /** the header as written in the file */
  header: string;
  /** 0-based column index */
  column: number;
}

export type HeaderProblem =
  | { kind: 'no-header-row'; message: Bilingual }
  | { kind: 'missing-column'; field: ImportField; message: Bilingual }
  | { kind: 'missing-key-column'; message: Bilingual }
  | { kind: 'duplicate-column'; field: ImportField; headers: string[]; message: Bilingual };

export interface HeaderMapping {
  /** 0-based index of the header row in the table */
  headerIndex: number;
  columns: MappedColumn[];
  /** headers we do not use (shown on the preview, not a problem) */
  ignored: string[];
  problems: HeaderProblem[];
}

const headerText = (cell: ImportCell): string =>
  cell === null ? '' : cell instanceof Date ? cell.toISOString() : String(cell).trim();

function known(row: readonly ImportCell[]): number {
  return row.filter((cell) => fieldForHeader(cell) !== null).length;
}

const problem = {
  noHeaderRow: (): HeaderProblem => ({
    kind: 'no-header-row',
    message: {
      ko: `처음 ${SCAN_ROWS}줄에서 제목 줄을 찾지 못했습니다. 승인일자, 승인번호, 거래금액 같은 열 제목이 있어야 합니다.`,
      en: `No header row in the first ${SCAN_ROWS} rows. The file needs column titles such as approval date, approval number and amount.`,
    },
  }),
  missing: (field: ImportField): HeaderProblem => ({
    kind: 'missing-column',
    field,
    message: {
      ko: `'${FIELD_NAMES[field].ko}' 열이 없습니다.`,
      en: `There is no '${FIELD_NAMES[field].en}' column.`,
    },
  }),
  missingKey: (): HeaderProblem => ({
    kind: 'missing-key-column',
    message: {
      ko: `'VAN거래번호' 또는 '가맹점거래번호' 열이 하나는 있어야 합니다 (KICC 취소에 필요).`,
      en: `The file needs a 'VAN transaction number' or a 'merchant transaction number' column (KICC cancels by one of them).`,
    },
  }),
  duplicate: (field: ImportField, headers: string[]): HeaderProblem => ({
    kind: 'duplicate-column',
    field,
    headers,
    message: {
      ko: `'${FIELD_NAMES[field].ko}'(으)로 읽히는 열이 여럿입니다: ${headers.join(', ')}. 하나만 남기세요.`,
      en: `Several columns mean '${FIELD_NAMES[field].en}': ${headers.join(', ')}. Keep one.`,
    },
  }),
};

/** At least 3 cells of the row are known headers. */
export const isHeaderRow = (row: readonly ImportCell[]): boolean => known(row) >= MIN_KNOWN;

/** What the manager is told when none of the first rows is a header. */
export function withoutHeaderRow(): HeaderMapping {
  return { headerIndex: 0, columns: [], ignored: [], problems: [problem.noHeaderRow()] };
}

/** The header row found at `headerIndex` (0-based), mapped to fields, with its problems. */
export function mapHeaderRow(row: readonly ImportCell[], headerIndex: number): HeaderMapping {
  const columns: MappedColumn[] = [];
  const ignored: string[] = [];
  row.forEach((cell, column) => {
    const field = fieldForHeader(cell);
    if (field === null) {
      if (headerText(cell) !== '') ignored.push(headerText(cell));
    } else {
      columns.push({ field, header: headerText(cell), column });
    }
  });

  const problems: HeaderProblem[] = [];
  const fields = new Set(columns.map((c) => c.field));
  for (const field of fields) {
    const same = columns.filter((c) => c.field === field);
    if (same.length > 1)
      problems.push(
        problem.duplicate(
          field,
          same.map((c) => c.header),
        ),
      );
  }
  for (const field of REQUIRED_FIELDS) {
    if (!fields.has(field)) problems.push(problem.missing(field));
  }
  if (!KEY_FIELDS.some((field) => fields.has(field))) problems.push(problem.missingKey());
  return { headerIndex, columns, ignored, problems };
}

export function mapHeaders(table: ImportTable): HeaderMapping {
  const headerIndex = table.slice(0, SCAN_ROWS).findIndex(isHeaderRow);
  const row = table[headerIndex];
  return row === undefined ? withoutHeaderRow() : mapHeaderRow(row, headerIndex);
}
