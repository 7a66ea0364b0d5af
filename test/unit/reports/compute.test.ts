import { describe, expect, it } from 'vitest';
import { buildReport, kstDate } from '../../../electron/reports/compute';
import type { CancellationReport, ReportCancellation } from '../../../electron/reports/types';
import { FIXTURE, kst } from './fixture';

function christmas(): CancellationReport {
  const result = buildReport(FIXTURE, { from: '20231225' });
  if (!result.ok) throw new Error('expected a report');
  return result.value;
}

describe('buildReport for one day (Korea time)', () => {
  const report = christmas();

  it('counts only what was confirmed that day, from 00:00 to 23:59 KST', () => {
    expect(report.total).toEqual({ count: 7, amount: 275_000, vat: 25_000 });
  });

  it.each([
    ['cancelled', { count: 3, amount: 182_000, vat: 16_545 }],
    ['rejected', { count: 1, amount: 5_000, vat: 455 }],
    ['in_doubt', { count: 1, amount: 33_000, vat: 3_000 }],
    ['queued', { count: 1, amount: 11_000, vat: 1_000 }],
    ['needs_review', { count: 1, amount: 44_000, vat: 4_000 }],
    ['pending', { count: 0, amount: 0, vat: 0 }],
    ['sending', { count: 0, amount: 0, vat: 0 }],
    ['draft', { count: 0, amount: 0, vat: 0 }],
  ])('by state: %s', (state, bucket) => {
    expect(report.byState.find((row) => row.state === state)).toEqual({ state, ...bucket });
  });

  it("lists every state once, in the order of a cancellation's life", () => {
    expect(report.byState.map((row) => row.state)).toEqual([
      'draft',
      'pending',
      'sending',
      'queued',
      'in_doubt',
      'needs_review',
      'cancelled',
      'rejected',
    ]);
  });

  it.each([
    ['cancelled', { count: 3, amount: 182_000, vat: 16_545 }],
    ['unresolved', { count: 3, amount: 88_000, vat: 8_000 }],
    ['approved', { count: 2, amount: 194_000, vat: 17_636 }],
  ] as const)('headline: %s', (key, bucket) => {
    expect(report[key]).toEqual(bucket);
  });

  it('groups by cashier, with what each actually cancelled', () => {
    expect(report.byCashier).toEqual([
      {
        key: 'kim',
        code: null,
        all: { count: 3, amount: 65_000, vat: 5_909 },
        cancelled: { count: 2, amount: 32_000, vat: 2_909 },
      },
      {
        key: 'lee',
        code: null,
        all: { count: 2, amount: 155_000, vat: 14_091 },
        cancelled: { count: 1, amount: 150_000, vat: 13_636 },
      },
      {
        key: 'park',
        code: null,
        all: { count: 2, amount: 55_000, vat: 5_000 },
        cancelled: { count: 0, amount: 0, vat: 0 },
      },
    ]);
  });

  it('groups by card issuer, unknown (missing or blank) last', () => {
    expect(report.byIssuer.map((row) => [row.key, row.all.count, row.cancelled.amount])).toEqual([
      ['KB국민카드', 3, 160_000],
      ['신한카드', 2, 22_000],
      [null, 2, 0],
    ]);
  });

  it('counts an issuer by KICC’s code, whatever name the receipt or KICC gave it', () => {
    // the same issuer: named by an imported receipt (still in doubt) and by KICC's answer
    const named = buildReport(
      [
        { ...(FIXTURE[5] as ReportCancellation), issuer: '국민카드', issuerCode: '06' },
        { ...(FIXTURE[1] as ReportCancellation), issuer: 'KB국민카드', issuerCode: '06' },
        { ...(FIXTURE[2] as ReportCancellation), issuer: '신한카드', issuerCode: '07' },
      ],
      { from: '20231225' },
    );
    if (!named.ok) throw new Error('expected a report');
    expect(
      named.value.byIssuer.map((row) => [row.code, row.key, row.all.count, row.cancelled.count]),
    ).toEqual([
      ['06', 'KB국민카드', 2, 1],
      ['07', '신한카드', 1, 1],
    ]);
  });

  it('counts the manager’s recorded outcomes apart ("관리자 확인")', () => {
    const manual = buildReport(
      [{ ...(FIXTURE[1] as ReportCancellation), manual: true }, FIXTURE[2] as ReportCancellation],
      { from: '20231225' },
    );
    expect(manual.ok && manual.value.manual).toEqual({ count: 1, amount: 10_000, vat: 909 });
  });

  it('adds up: states sum to the total, and so do cashiers and issuers', () => {
    const sum = (rows: { count: number; amount: number }[]) =>
      rows.reduce((acc, r) => ({ count: acc.count + r.count, amount: acc.amount + r.amount }), {
        count: 0,
        amount: 0,
      });
    const total = { count: report.total.count, amount: report.total.amount };
    expect(sum(report.byState)).toEqual(total);
    expect(sum(report.byCashier.map((r) => r.all))).toEqual(total);
    expect(sum(report.byIssuer.map((r) => r.all))).toEqual(total);
  });
});

describe('buildReport for a range', () => {
  it.each<[string, string, number, number]>([
    ['20231224', '20231226', 9, 381_000],
    ['20231224', '20231224', 1, 99_000],
    ['20231226', '20231231', 1, 7_000],
    ['20240101', '20240131', 0, 0],
  ])('%s to %s: %i cancellations, %i won', (from, to, count, amount) => {
    const result = buildReport(FIXTURE, { from, to });
    expect(result.ok && result.value.total).toMatchObject({ count, amount });
  });

  it.each<[string, { from: string; to?: string }, string]>([
    ['a date that does not exist', { from: '20230229' }, 'bad-date'],
    ['a date with dashes', { from: '2023-12-25' }, 'bad-date'],
    ['an end before the start', { from: '20231226', to: '20231225' }, 'reversed-range'],
  ])('refuses %s', (_name, range, code) => {
    expect(buildReport(FIXTURE, range)).toMatchObject({ ok: false, error: { code } });
  });
});

describe('kstDate', () => {
  it.each<[number, string]>([
    [kst(2023, 12, 25, 0, 0), '20231225'],
    [kst(2023, 12, 24, 23, 59), '20231224'],
    [Date.UTC(2023, 11, 25, 15, 0), '20231226'], // 15:00 UTC is midnight in Seoul
  ])('%i -> %s', (epoch, date) => {
    expect(kstDate(epoch)).toBe(date);
  });
});
