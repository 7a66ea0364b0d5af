import { validateApproveRequest } from '../../../shared/kicc/requests';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import { kstDateTime } from '../../../shared/kicc/time';
import type { ApproveRequest } from '../../../shared/kicc/types';
import { approvalAnswer, createOriginal } from './approve';
import type { DuplicateRegistry } from './duplicates';
import type { Ledger, MerchantKey } from './ledger';
import type { TransactionNumbers } from './transaction-numbers';
import type { SimOriginal } from './types';

/**
 * Originals made from code, for tests and for the training samples: `sim.approve({...})`.
 * Every field has a sensible default; `at` lets a test approve in the past (cancel windows).
 */
export interface ApproveInput {
  /** total, won (default 10,000) */
  trxAmt?: number;
  /** default: the VAT inside (trxAmt - svcAmt) at 10%, rounded as Korean receipts do */
  vatAmt?: number;
  svcAmt?: number;
  /** default '00' (lump sum) */
  alotMonth?: string;
  /** epoch ms of the approval; default now */
  at?: number;
  /** default ORD_yyyyMMdd_nnnn (the seed's style), unique per simulator */
  mercTrxNo?: string;
  /** card issuer code (card-issuers.ts); default picked by the seeded PRNG */
  issFmCd?: string;
  tokenKey?: string;
  tid?: string;
  svcId?: string;
  bizrNo?: string;
  /** the request's own send date/time (default: `at` in KST) */
  tranDt?: string;
  tranTm?: string;
  /** another transaction of the merchant, not a receipt of the store (./foreign-numbers.ts) */
  foreign?: boolean;
}

export interface ApproveDeps {
  ledger: Ledger;
  duplicates: DuplicateRegistry;
  numbers: TransactionNumbers;
  merchant: MerchantKey;
  now: number;
  /** 1, 2, 3... for default mercTrxNos */
  nextOrderSeq(): number;
}

/** VAT included in a total at 10%: 10,000 won holds 909 (the seed's example). */
export const vatIncluded = (amount: number): number => amount - Math.round((amount * 10) / 11);

/** A bad input is an error value: `sim.approve` throws it (a bug in the test), the control path answers 400. */
export function approveFromCode(
  input: ApproveInput,
  deps: ApproveDeps,
): Result<SimOriginal, string> {
  const at = input.at ?? deps.now;
  const sent = kstDateTime(at);
  const trxAmt = input.trxAmt ?? 10_000;
  const svcAmt = input.svcAmt ?? 0;
  const candidate: ApproveRequest = {
    tid: input.tid ?? deps.merchant.tid,
    svcId: input.svcId ?? deps.merchant.svcId,
    bizrNo: input.bizrNo ?? deps.merchant.bizrNo,
    mercTrxNo:
      input.mercTrxNo ?? `ORD_${sent.date}_${String(deps.nextOrderSeq()).padStart(4, '0')}`,
    alotMonth: input.alotMonth ?? '00',
    trxAmt,
    vatAmt: input.vatAmt ?? vatIncluded(trxAmt - svcAmt),
    svcAmt,
    tranDt: input.tranDt ?? sent.date,
    tranTm: input.tranTm ?? sent.time,
  };
  if (input.tokenKey !== undefined) candidate.tokenKey = input.tokenKey;
  const checked = validateApproveRequest(candidate);
  if (!checked.ok) return err(checked.error.map((e) => e.message.en).join('; '));
  const request = checked.value;
  if (deps.duplicates.taken(request, at)) {
    return err(`mercTrxNo ${request.mercTrxNo} is already used that day`);
  }
  const original = createOriginal(request, at, deps.numbers, input.issFmCd);
  if (input.foreign === true) original.foreign = true;
  deps.ledger.addOriginal(original);
  deps.duplicates.remember(request, at, approvalAnswer(original));
  return ok(structuredClone(original));
}
