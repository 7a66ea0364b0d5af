import { isKiccDate } from '../../../shared/kicc/fields';
import type { MessageKey } from '../../i18n/translate';

/**
 * The report's period as typed (issue 6 "Reports": the day's, or a date range's). Dates are
 * KICC's yyyyMMdd in Korea time, typed as 20231225 or 2023-12-25; the range is at most 366 days
 * (the contract's reportRangeSchema, checked again by main).
 */
export const MAX_REPORT_DAYS = 366;

export interface PeriodDraft {
  kind: 'day' | 'range';
  date: string;
  from: string;
  to: string;
}

export type Period = { from: string; to: string };
export type PeriodErrors = Partial<Record<'date' | 'from' | 'to', MessageKey>>;

/** yyyyMMdd from what was typed, or '' when it is not a real date. */
export function kiccDateOf(text: string): string {
  const digits = text.replace(/[^0-9]/g, '');
  return digits.length === 8 && isKiccDate(digits) ? digits : '';
}

const dayNumber = (d: string): number =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8))) / 86_400_000;

export function periodOf(draft: PeriodDraft): { period?: Period; errors: PeriodErrors } {
  if (draft.kind === 'day') {
    const date = kiccDateOf(draft.date);
    return date === ''
      ? { errors: { date: 'reports.dateInvalid' } }
      : { period: { from: date, to: date }, errors: {} };
  }
  const from = kiccDateOf(draft.from);
  const to = kiccDateOf(draft.to);
  const errors: PeriodErrors = {};
  if (from === '') errors.from = 'reports.dateInvalid';
  if (to === '') errors.to = 'reports.dateInvalid';
  if (from !== '' && to !== '') {
    const days = dayNumber(to) - dayNumber(from);
    if (days < 0) errors.to = 'reports.rangeReversed';
    else if (days >= MAX_REPORT_DAYS) errors.to = 'reports.rangeTooLong';
  }
  return Object.keys(errors).length > 0 ? { errors } : { period: { from, to }, errors };
}
