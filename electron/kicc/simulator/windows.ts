import { kstDateTime, kstMidnight } from '../../../shared/kicc/time';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/**
 * S004 [A]: a payment can be cancelled for `days` days after its approval date, counted in
 * Korea's calendar days (KICC-API.md "Result codes"): approved on the 1st with 45 days, it can
 * be cancelled through the 46th (the 1st + 45), not on the 47th. Whole KST days, not 24-hour
 * periods: a cashier counts dates on the slip, not hours.
 */
export function withinCancelWindow(aprvDt: string, now: number, days: number): boolean {
  const today = kstMidnight(kstDateTime(now).date);
  const elapsedDays = Math.round((today - kstMidnight(aprvDt)) / DAY_MS);
  return elapsedDays <= days;
}

/**
 * S007 [A]: a net-cancel reverses a transaction for `minutes` minutes after it landed (KICC
 * clock), the boundary included.
 */
export function withinNetCancelWindow(landedAt: number, now: number, minutes: number): boolean {
  return now - landedAt <= minutes * MINUTE_MS;
}
