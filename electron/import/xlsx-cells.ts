import type { ImportCell } from './table';

/**
 * One worksheet cell (ECMA-376 Part 1, 18.3.1.4 c) to what the import reads: text, a number, or
 * a date, as Excel shows it. Formulas give their cached result; rich text gives its text; a
 * boolean gives 'true'/'false'; an error gives its code ('#N/A').
 *
 * A number shown with leading zeros by its format ("00000000" for an approval number, which
 * Excel otherwise turns into 123456) is given back as that text, so 00123456 survives.
 */

/** What a cell's XML said: its type attribute, its style's format, and its value text. */
export interface RawCell {
  /** t: s shared string, str formula text, inlineStr, b, e, d ISO date, n (default) number */
  type: string;
  /** the number format code, or '#<id>' for a built-in one (./xlsx-parts.ts readCellFormats) */
  format: string;
  /** the text of `<v>`, or of `<is>` for an inline string; null when the cell has neither */
  value: string | null;
}

/**
 * Built-in formats that are dates or times (18.8.30: 14-22 and 45-47 everywhere; 27-36 and
 * 50-58 are the East Asian locales' date formats, which a Korean Excel writes).
 */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** A custom code shows a date or time when, outside quotes, escapes and [brackets], it has y m d h s. */
export function isDateFormat(format: string): boolean {
  if (format.startsWith('#')) return BUILT_IN_DATES.has(Number(format.slice(1)));
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*]/g, '');
  return /[ymdhs]/i.test(bare);
}

/** Serial day number to the wall-clock time it shows, in a Date's UTC fields (as ./values.ts reads). */
export function excelDate(serial: number, date1904: boolean): Date {
  const days = serial - 25_569 + (date1904 ? 1_462 : 0);
  return new Date(Math.round(days * 86_400_000));
}

export function cellValue(
  cell: RawCell,
  sharedStrings: readonly string[],
  date1904: boolean,
): ImportCell {
  const { type, value } = cell;
  if (value === null) return null;
  switch (type) {
    case 's':
      return sharedStrings[Number(value)] ?? null;
    case 'str':
    case 'inlineStr':
    case 'e':
      return value;
    case 'b':
      return value === '1' || value === 'true' ? 'true' : 'false';
    case 'd': {
      const date = new Date(
        value.endsWith('Z') || /[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`,
      );
      return Number.isNaN(date.getTime()) ? value : date;
    }
    default: {
      const number = Number(value);
      if (value.trim() === '' || !Number.isFinite(number)) return value;
      if (isDateFormat(cell.format)) return excelDate(number, date1904);
      const zeros = /^0+$/.exec(cell.format);
      if (zeros && Number.isSafeInteger(number) && number >= 0) {
        return String(number).padStart(zeros[0].length, '0');
      }
      return number;
    }
  }
}
