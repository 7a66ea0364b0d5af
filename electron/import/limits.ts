/**
 * What a receipt export can be, and so what an import reads before it refuses (issue 11 finding
 * 4 "imports that cannot hurt the till"). A back office's export for the cancellation window is
 * a few thousand to ~100,000 rows of 10-40 columns; everything here leaves room for that and
 * stops a crafted file long before it costs the main process anything. docs/manager.md
 * "Receipt import" says the same to the manager.
 */
export interface ImportLimits {
  /** the file as picked, checked before it is read (the 10,000-row test file is ~1 MB) */
  maxFileBytes: number;
  /** data rows; rows are refused by their NUMBER, so a sheet that starts at row 900,000 is too */
  maxRows: number;
  /** columns of a sheet (its dimension, and every cell) or of a CSV row */
  maxColumns: number;
  /** every part of an .xlsx that is read, unzipped, together (a "zip bomb" stops here) */
  maxUnzippedBytes: number;
  /** the worker's JavaScript heap; past it the worker dies alone (resourceLimits) */
  workerHeapMb: number;
  /** the whole preview, reading to checking; past it the worker is stopped */
  deadlineMs: number;
}

/** Title and period rows above the header are allowed on top of maxRows (./headers.ts). */
export const TITLE_ROWS = 20;

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxRows: 200_000,
  // IV: the old .xls limit. Exports have 10-40 columns; XFD (16,384) is a crafted sheet.
  maxColumns: 256,
  // 200,000 rows x 20 columns of sheet XML is ~180 MB
  maxUnzippedBytes: 256 * 1024 * 1024,
  workerHeapMb: 512,
  deadlineMs: 5 * 60_000,
};

export function importLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...overrides };
}

/** The highest row number a file may use: the data rows and the title rows above them. */
export const lastRowAllowed = (limits: ImportLimits): number => limits.maxRows + TITLE_ROWS;
