import { describe, expect, it } from 'vitest';
import { kiccDateOf, periodOf } from '../../../../renderer/screens/reports/period';

describe('report period as typed', () => {
  it.each([
    ['2023-12-25', '20231225'],
    ['20231225', '20231225'],
    ['2023.12.25', '20231225'],
    ['2023-02-29', ''],
    ['2023-12', ''],
  ])('%j -> %j', (typed, expected) => {
    expect(kiccDateOf(typed)).toBe(expected);
  });

  it.each([
    [
      { kind: 'day', date: '2023-12-25', from: '', to: '' },
      { period: { from: '20231225', to: '20231225' }, errors: {} },
    ],
    [{ kind: 'day', date: '12/25', from: '', to: '' }, { errors: { date: 'reports.dateInvalid' } }],
    [
      { kind: 'range', date: '', from: '2023-12-31', to: '2023-12-01' },
      { errors: { to: 'reports.rangeReversed' } },
    ],
    [
      { kind: 'range', date: '', from: '2023-01-01', to: '2024-01-02' },
      { errors: { to: 'reports.rangeTooLong' } },
    ],
    [
      { kind: 'range', date: '', from: '2023-01-01', to: '2023-12-31' },
      { period: { from: '20230101', to: '20231231' }, errors: {} },
    ],
  ] as const)('%j', (draft, expected) => {
    expect(periodOf(draft)).toEqual(expected);
  });
});
