import type { ReportCancellation } from '../../../electron/reports/types';

/** Epoch ms of a Korea-time wall clock. */
export const kst = (y: number, m: number, d: number, hh = 0, mm = 0): number =>
  Date.UTC(y, m - 1, d, hh - 9, mm);

let next = 0;
function c(
  partial: Partial<ReportCancellation> & Pick<ReportCancellation, 'state' | 'amount' | 'createdAt'>,
): ReportCancellation {
  next += 1;
  return {
    id: String(next),
    requestedBy: 'kim',
    approvedBy: null,
    issuer: 'KB국민카드',
    issuerCode: null,
    vat: Math.round(partial.amount / 11),
    settledAt: null,
    manual: false,
    orgAprvNo: String(30_000_000 + next),
    orgAprvDt: '20231220',
    cancelAprvNo: null,
    merchantNo: null,
    mercTrxNo: null,
    ...partial,
  };
}

/**
 * Christmas Day 2023 (KST) and its neighbours. The hand-made totals in the tests come from
 * this list; edit both together.
 */
export const FIXTURE: ReportCancellation[] = [
  // 24 Dec, 23:59 KST: the day before (UTC 14:59 on the 24th)
  c({
    state: 'cancelled',
    amount: 99_000,
    createdAt: kst(2023, 12, 24, 23, 59),
    settledAt: kst(2023, 12, 24, 23, 59),
  }),
  // 25 Dec, 00:00 KST exactly: on the day (UTC 15:00 on the 24th)
  c({
    state: 'cancelled',
    amount: 10_000,
    vat: 909,
    createdAt: kst(2023, 12, 25, 0, 0),
    settledAt: kst(2023, 12, 25, 0, 1),
  }),
  c({
    state: 'cancelled',
    amount: 22_000,
    vat: 2_000,
    createdAt: kst(2023, 12, 25, 9, 30),
    issuer: '신한카드',
    settledAt: kst(2023, 12, 25, 9, 31),
  }),
  c({
    state: 'cancelled',
    amount: 150_000,
    vat: 13_636,
    createdAt: kst(2023, 12, 25, 12),
    requestedBy: 'lee',
    approvedBy: 'manager',
    settledAt: kst(2023, 12, 25, 12, 2),
  }),
  c({
    state: 'rejected',
    amount: 5_000,
    vat: 455,
    createdAt: kst(2023, 12, 25, 13),
    requestedBy: 'lee',
    issuer: '신한카드',
    settledAt: kst(2023, 12, 25, 13),
  }),
  c({
    state: 'in_doubt',
    amount: 33_000,
    vat: 3_000,
    createdAt: kst(2023, 12, 25, 18),
    issuer: null,
  }),
  c({
    state: 'queued',
    amount: 11_000,
    vat: 1_000,
    createdAt: kst(2023, 12, 25, 20),
    requestedBy: 'park',
    issuer: '',
  }),
  c({
    state: 'needs_review',
    amount: 44_000,
    vat: 4_000,
    createdAt: kst(2023, 12, 25, 23, 59),
    requestedBy: 'park',
    approvedBy: 'manager',
  }),
  // 26 Dec, 00:00 KST: the next day
  c({
    state: 'cancelled',
    amount: 7_000,
    createdAt: kst(2023, 12, 26, 0, 0),
    settledAt: kst(2023, 12, 26, 0, 0),
  }),
];
