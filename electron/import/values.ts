import type { ImportCell } from './table';

/**
 * Cell values as exports write them, to the form KICC's field rules check (shared/kicc/
 * fields.ts). Each function returns the normalised value, `undefined` for an empty cell, or the
 * cell's text unchanged when it cannot be read, so that the field rule reports it with the
 * field's own message ("결제 금액(trxAmt)은 숫자여야 합니다").
 */

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The cell as trimmed text; numbers as written (no exponent for safe integers); '' -> undefined. */
export function textOf(cell: ImportCell): string | undefined {
  if (cell === null) return undefined;
  if (cell instanceof Date) return cell.toISOString();
  const text = String(cell).trim();
  return text === '' ? undefined : text;
}

/**
 * "10,000", "10,000원", "₩10,000", "KRW 10,000", " 10000 " -> 10000. A fraction stays a
 * fraction (10000.5) and a minus stays a minus, so checkAmount refuses them as what they are.
 */
export function amountOf(cell: ImportCell): unknown {
  if (typeof cell === 'number') return cell;
  const text = textOf(cell);
  if (text === undefined) return undefined;
  const bare = text.replace(/[\s,원₩￦]|KRW/gi, '');
  return /^-?[0-9]+(\.[0-9]+)?$/.test(bare) ? Number(bare) : text;
}

/** The date (yyyyMMdd) and, when the cell carries one, the time (HHmmss) of a date cell. */
export interface DateAndTime {
  date: unknown;
  time: string | undefined;
}

const DATE = /^(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?(?:(?:\s+|T)(.+))?$/;

/**
 * Excel dates (exceljs gives the wall-clock time as UTC fields), "2023-12-25", "2023.12.25",
 * "2023/12/25", "2023. 12. 25.", "2023년 12월 25일", "20231225", with an optional time after it.
 */
export function dateOf(cell: ImportCell): DateAndTime {
  if (cell instanceof Date) {
    const date = `${cell.getUTCFullYear()}${pad2(cell.getUTCMonth() + 1)}${pad2(cell.getUTCDate())}`;
    const hhmmss = `${pad2(cell.getUTCHours())}${pad2(cell.getUTCMinutes())}${pad2(cell.getUTCSeconds())}`;
    return { date, time: hhmmss === '000000' ? undefined : hhmmss };
  }
  const text = textOf(cell);
  if (text === undefined) return { date: undefined, time: undefined };
  const compact = /^(\d{8})(?:\s*(\d{6}))?$/.exec(text);
  if (compact) return { date: compact[1], time: compact[2] };
  const match = DATE.exec(text);
  if (!match) return { date: text, time: undefined };
  const [, year, month, day, rest] = match;
  const time = rest === undefined ? undefined : timeOf(rest);
  return {
    date: `${year}${pad2(Number(month))}${pad2(Number(day))}`,
    time: typeof time === 'string' ? time : undefined,
  };
}

const CLOCK = /^(오전|오후|AM|PM)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(AM|PM)?$/i;

/** "10:00:00", "10:00", "오후 3:05:00", "3:05 PM", "100000", Excel time cells -> HHmmss. */
export function timeOf(cell: ImportCell): unknown {
  if (cell instanceof Date) {
    return `${pad2(cell.getUTCHours())}${pad2(cell.getUTCMinutes())}${pad2(cell.getUTCSeconds())}`;
  }
  const text = textOf(cell);
  if (text === undefined) return undefined;
  if (/^\d{6}$/.test(text)) return text;
  const match = CLOCK.exec(text);
  if (!match) return text;
  const [, before, h, m, s, after] = match;
  const half = (before ?? after ?? '').toUpperCase();
  let hours = Number(h);
  if ((half === '오후' || half === 'PM') && hours < 12) hours += 12;
  if ((half === '오전' || half === 'AM') && hours === 12) hours = 0;
  return `${pad2(hours)}${m ?? '00'}${s ?? '00'}`;
}

/** "일시불", "", "0", 0 -> "00"; "3", 3, "03", "3개월" -> "03". */
export function alotMonthOf(cell: ImportCell): unknown {
  if (typeof cell === 'number')
    return Number.isSafeInteger(cell) && cell >= 0 && cell < 100 ? pad2(cell) : String(cell);
  const text = textOf(cell);
  if (text === undefined || text === '일시불' || /^lump\s*sum$/i.test(text)) return '00';
  const months = /^(\d{1,2})\s*(개월|months?)?$/i.exec(text);
  return months ? pad2(Number(months[1])) : text;
}
