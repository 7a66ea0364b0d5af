/**
 * Korea time for KICC's tranDt/tranTm, whatever the PC's time zone (KICC-API.md, reqCancel).
 * Korea has had no daylight saving since 1988, so KST is a fixed UTC+9 offset; adding it and
 * reading the UTC fields is exact and needs no time-zone database.
 */
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export interface KstDateTime {
  /** yyyyMMdd */
  date: string;
  /** HHmmss */
  time: string;
}

export function kstDateTime(epochMs: number): KstDateTime {
  const d = new Date(epochMs + KST_OFFSET_MS);
  return {
    date: `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`,
    time: `${pad(d.getUTCHours(), 2)}${pad(d.getUTCMinutes(), 2)}${pad(d.getUTCSeconds(), 2)}`,
  };
}

/** Epoch ms of 00:00:00 KST on a yyyyMMdd date (the date must already be valid). */
export function kstMidnight(yyyymmdd: string): number {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  return Date.UTC(y, m - 1, d) - KST_OFFSET_MS;
}
