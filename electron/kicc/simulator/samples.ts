import { kstDateTime, kstMidnight } from '../../../shared/kicc/time';
import type { Bilingual } from '../../../shared/kicc/messages';
import type { ApproveInput } from './approve-from-code';
import { landCancellation } from './cancel';
import { SIM_CODES, SUCCESS_MESSAGES } from './result-codes';
import type { DuplicateRegistry } from './duplicates';
import type { Ledger } from './ledger';
import type { Prng } from './prng';
import type { TransactionNumbers } from './transaction-numbers';
import type { SimOriginal } from './types';

/**
 * Sample receipts for training (DESIGN.md "Modes": "seeded with sample receipts"): a dozen
 * realistic originals, one or more per card company, lump sum and installments, a service
 * charge, dates across the cancel window, two already cancelled and two past the window, so a
 * trainee can try every outcome: success, S002, S004, and S001/S003 by mistyping one.
 * Amounts and ages are fixed; times of day and numbers come from the seeded PRNG.
 */
export type SampleExpectation = 'cancellable' | 'already-cancelled' | 'expired';

export interface SampleReceipt {
  no: number;
  expect: SampleExpectation;
  note: Bilingual;
  /** the original as the simulator holds it now */
  original: SimOriginal;
}

interface SamplePlan {
  daysAgo: number;
  issFmCd: string;
  trxAmt: number;
  alotMonth?: string;
  svcAmt?: number;
  expect: SampleExpectation;
  note: Bilingual;
}

/** `daysAgo` of cancellable samples is capped at the window; expired ones lie past it. */
const PLANS = (windowDays: number): SamplePlan[] => [
  {
    daysAgo: 0,
    issFmCd: '06',
    trxAmt: 12_000,
    expect: 'cancellable',
    note: { ko: '오늘 승인, 일시불', en: 'approved today, lump sum' },
  },
  {
    daysAgo: 1,
    issFmCd: '07',
    trxAmt: 58_000,
    alotMonth: '03',
    expect: 'cancellable',
    note: { ko: '3개월 할부', en: '3-month installments' },
  },
  {
    daysAgo: 2,
    issFmCd: '04',
    trxAmt: 4_500,
    expect: 'cancellable',
    note: { ko: '소액 결제', en: 'small amount' },
  },
  {
    daysAgo: 5,
    issFmCd: '08',
    trxAmt: 129_000,
    alotMonth: '06',
    expect: 'cancellable',
    note: { ko: '6개월 할부', en: '6-month installments' },
  },
  {
    daysAgo: 9,
    issFmCd: '09',
    trxAmt: 33_000,
    svcAmt: 3_000,
    expect: 'cancellable',
    note: { ko: '봉사료 포함', en: 'with a service charge' },
  },
  {
    daysAgo: 16,
    issFmCd: '03',
    trxAmt: 7_900,
    expect: 'cancellable',
    note: { ko: '일시불', en: 'lump sum' },
  },
  {
    daysAgo: 27,
    issFmCd: '15',
    trxAmt: 250_000,
    alotMonth: '12',
    expect: 'cancellable',
    note: { ko: '12개월 할부, 매입사 BC카드', en: '12-month installments, acquired by BC' },
  },
  {
    daysAgo: windowDays,
    issFmCd: '01',
    trxAmt: 15_400,
    expect: 'cancellable',
    note: { ko: '취소 기간 마지막 날', en: 'last day of the cancel window' },
  },
  {
    daysAgo: 10,
    issFmCd: '11',
    trxAmt: 21_000,
    expect: 'already-cancelled',
    note: { ko: '이미 취소됨 (S002)', en: 'already cancelled (S002)' },
  },
  {
    daysAgo: 3,
    issFmCd: '04',
    trxAmt: 9_900,
    expect: 'already-cancelled',
    note: { ko: '이미 취소됨 (S002)', en: 'already cancelled (S002)' },
  },
  {
    daysAgo: windowDays + 5,
    issFmCd: '07',
    trxAmt: 45_000,
    expect: 'expired',
    note: { ko: '취소 기간 경과 (S004)', en: 'past the cancel window (S004)' },
  },
  {
    daysAgo: windowDays + 15,
    issFmCd: '08',
    trxAmt: 66_000,
    alotMonth: '02',
    expect: 'expired',
    note: { ko: '취소 기간 경과 (S004)', en: 'past the cancel window (S004)' },
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

export interface SampleDeps {
  now: number;
  cancelWindowDays: number;
  /** sample times of day; its own stream so the numbers stream is not disturbed by it */
  prng: Prng;
  ledger: Ledger;
  duplicates: DuplicateRegistry;
  numbers: TransactionNumbers;
  approve(input: ApproveInput): SimOriginal;
}

/** A store's opening hours, KST: 10:00 to 21:59 on past days, minutes ago today. */
function approvalTime(daysAgo: number, deps: SampleDeps): number {
  if (daysAgo === 0) return deps.now - deps.prng.int(5, 90) * MINUTE_MS;
  const day = kstMidnight(kstDateTime(deps.now - daysAgo * DAY_MS).date);
  return day + deps.prng.int(10 * 60, 21 * 60 + 59) * MINUTE_MS + deps.prng.int(0, 59) * 1000;
}

/** Creates the samples in the ledger; answers their vanTrxNos with the plan, in order. */
export function seedSampleReceipts(deps: SampleDeps): SampleDefinition[] {
  return PLANS(deps.cancelWindowDays).map((plan, index) => {
    const at = approvalTime(plan.daysAgo, deps);
    const input: ApproveInput = { at, trxAmt: plan.trxAmt, issFmCd: plan.issFmCd };
    if (plan.alotMonth !== undefined) input.alotMonth = plan.alotMonth;
    if (plan.svcAmt !== undefined) input.svcAmt = plan.svcAmt;
    const original = deps.approve(input);
    if (plan.expect === 'already-cancelled') cancelSample(original, at + 2 * HOUR_MS, deps);
    return { no: index + 1, expect: plan.expect, note: plan.note, vanTrxNo: original.vanTrxNo };
  });
}

export interface SampleDefinition {
  no: number;
  expect: SampleExpectation;
  note: Bilingual;
  vanTrxNo: string;
}

/** A cancellation that landed hours after the approval: long past any net-cancel window. */
function cancelSample(copy: SimOriginal, at: number, deps: SampleDeps): void {
  const original = deps.ledger.findOriginal({
    ...copy,
    wcc: 'T',
    cndTrxNo: copy.vanTrxNo,
    orgAprvDt: copy.aprvDt,
    orgAprvNo: copy.aprvNo,
  });
  if (original === undefined) throw new Error('a sample original vanished');
  const sent = kstDateTime(at);
  const request = {
    tid: original.tid,
    svcId: original.svcId,
    bizrNo: original.bizrNo,
    mercTrxNo: `CANCEL_${sent.date}_${original.aprvNo}`,
    wcc: 'T' as const,
    cndTrxNo: original.vanTrxNo,
    alotMonth: original.alotMonth,
    trxAmt: original.trxAmt,
    vatAmt: original.vatAmt,
    svcAmt: original.svcAmt,
    tranDt: sent.date,
    tranTm: sent.time,
    orgAprvDt: original.aprvDt,
    orgAprvNo: original.aprvNo,
  };
  const cancellation = landCancellation(request, original, { numbers: deps.numbers, now: at });
  deps.ledger.addCancellation(cancellation, original);
  deps.duplicates.remember(request, at, {
    respCd: SIM_CODES.ok,
    respMsg: SUCCESS_MESSAGES.cancel,
    mercTrxNo: request.mercTrxNo,
  });
}

/** The samples as they stand now (a trainee may have cancelled some). */
export function currentSamples(
  definitions: readonly SampleDefinition[],
  ledger: Ledger,
): SampleReceipt[] {
  return definitions.flatMap((definition) => {
    const original = ledger.view.original(definition.vanTrxNo);
    if (original === undefined) return [];
    const { no, expect, note } = definition;
    return [{ no, expect, note: { ...note }, original }];
  });
}
