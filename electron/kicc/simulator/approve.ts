import { kstDateTime } from '../../../shared/kicc/time';
import type { ApproveRequest } from '../../../shared/kicc/types';
import { SIM_CODES, SUCCESS_MESSAGES } from './result-codes';
import type { RuleContext } from './rule-context';
import { ISSUER_LAG_MS } from './rule-context';
import type { TransactionNumbers } from './transaction-numbers';
import type { Decision, SimAnswer, SimOriginal } from './types';

/**
 * reqAprv: the app never approves; the simulator does, to create the originals that cancellations
 * are tried against (KICC-API.md "Endpoints"). KICC documents no refusal for it here, so every
 * valid approval is approved: the card and its issuer are picked by the seeded PRNG.
 */
export function createOriginal(
  request: ApproveRequest,
  at: number,
  numbers: TransactionNumbers,
  issFmCd?: string,
): SimOriginal {
  const processed = kstDateTime(at);
  const issuerStamp = kstDateTime(at + ISSUER_LAG_MS);
  const card = numbers.card(issFmCd);
  const original: SimOriginal = {
    tid: request.tid,
    svcId: request.svcId,
    bizrNo: request.bizrNo,
    mercTrxNo: request.mercTrxNo,
    alotMonth: request.alotMonth,
    trxAmt: request.trxAmt,
    vatAmt: request.vatAmt,
    svcAmt: request.svcAmt,
    tranDt: request.tranDt,
    tranTm: request.tranTm,
    aprvNo: numbers.approvalNo(),
    vanTrxNo: numbers.vanTrxNo(),
    aprvDt: processed.date,
    aprvTm: processed.time,
    cndDt: issuerStamp.date,
    cndTm: issuerStamp.time,
    approvedAt: at,
    issFmCd: card.issuer.issFmCd,
    issFmNm: card.issuer.issFmNm,
    purchFmCd: card.issuer.purchFmCd,
    purchFmNm: card.issuer.purchFmNm,
    joShopNo: numbers.joShopNo(card.issuer.issFmCd),
    cardConfirmNo: card.cardConfirmNo,
    status: 'approved',
  };
  if (request.tokenKey !== undefined) original.tokenKey = request.tokenKey;
  return original;
}

/** The seed's response fields, in the seed's order. */
export function approvalAnswer(original: SimOriginal): SimAnswer {
  return {
    respCd: SIM_CODES.ok,
    respMsg: SUCCESS_MESSAGES.approve,
    tid: original.tid,
    svcId: original.svcId,
    bizrNo: original.bizrNo,
    mercTrxNo: original.mercTrxNo,
    trxDt: original.aprvDt,
    trxTm: original.aprvTm,
    issFmCd: original.issFmCd,
    issFmNm: original.issFmNm,
    purchFmCd: original.purchFmCd,
    purchFmNm: original.purchFmNm,
    joShopNo: original.joShopNo,
    cndDt: original.cndDt,
    cndTm: original.cndTm,
    aprvNo: original.aprvNo,
    vanTrxNo: original.vanTrxNo,
    cardConfirmNo: original.cardConfirmNo,
  };
}

export function decideApprove(request: ApproveRequest, ctx: RuleContext): Decision {
  const original = createOriginal(request, ctx.now, ctx.numbers);
  return {
    answer: approvalAnswer(original),
    commit: () => ctx.ledger.addOriginal(original),
  };
}
