import { kstDateTime } from '../../shared/kicc/time';

/**
 * Times on screen are Korea time whatever the PC's zone (STYLE.md "Look and feel"), through the
 * same fixed-offset conversion the KICC client uses (shared/kicc/time.ts).
 */

/** "2025-01-02" from KICC's yyyyMMdd; anything else is shown as it came. */
export function formatKiccDate(yyyymmdd: string): string {
  return /^[0-9]{8}$/.test(yyyymmdd)
    ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`
    : yyyymmdd;
}

/** "13:04:05" from KICC's HHmmss; anything else is shown as it came. */
export function formatKiccTime(hhmmss: string): string {
  return /^[0-9]{6}$/.test(hhmmss)
    ? `${hhmmss.slice(0, 2)}:${hhmmss.slice(2, 4)}:${hhmmss.slice(4, 6)}`
    : hhmmss;
}

/** "2025-01-02 13:04:05" (KST) from epoch ms. */
export function formatKstDateTime(epochMs: number): string {
  const { date, time } = kstDateTime(epochMs);
  return `${formatKiccDate(date)} ${formatKiccTime(time)}`;
}

/** "13:04:05" (KST) from epoch ms. */
export function formatKstTime(epochMs: number): string {
  return formatKiccTime(kstDateTime(epochMs).time);
}

/** yyyyMMdd (KST) of an epoch ms: the day a row belongs to, for date filters. */
export function kstDay(epochMs: number): string {
  return kstDateTime(epochMs).date;
}

/** "yyyy-MM-dd" typed in a date input -> yyyyMMdd, or '' when it is not that shape. */
export function dateInputToKicc(value: string): string {
  return /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value) ? value.replaceAll('-', '') : '';
}
