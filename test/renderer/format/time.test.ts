import { describe, expect, it } from 'vitest';
import {
  dateInputToKicc,
  formatKiccDate,
  formatKiccTime,
  formatKstDateTime,
  kstDay,
} from '../../../renderer/format/time';

describe('Korea time on screen', () => {
  it.each([
    [Date.UTC(2023, 11, 26, 1, 0, 2), '2023-12-26 10:00:02'],
    [Date.UTC(2023, 11, 31, 15, 0, 0), '2024-01-01 00:00:00'], // midnight KST = 15:00 UTC
    [Date.UTC(2024, 1, 28, 23, 59, 59), '2024-02-29 08:59:59'],
  ])("%i -> %s whatever the PC's zone", (ms, text) => {
    expect(formatKstDateTime(ms)).toBe(text);
  });

  it('gives the KST day of an instant', () => {
    expect(kstDay(Date.UTC(2023, 11, 31, 15, 0, 0))).toBe('20240101');
  });

  it.each([
    ['20231225', '2023-12-25'],
    ['2023-12-25', '2023-12-25'],
    ['garbage', 'garbage'],
  ])('formats KICC date %s', (raw, shown) => {
    expect(formatKiccDate(raw)).toBe(shown);
  });

  it('formats KICC time and reads a date input', () => {
    expect(formatKiccTime('100002')).toBe('10:00:02');
    expect(dateInputToKicc('2023-12-25')).toBe('20231225');
    expect(dateInputToKicc('2023-12')).toBe('');
  });
});
