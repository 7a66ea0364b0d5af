import { kstDateTime } from '../../../shared/kicc/time';
import type { CancelRequest } from '../../../shared/kicc/types';
import { refusal } from './answers';
import { AMOUNT_FIELDS, firstDifference } from './matching';
import { SIM_CODES, SUCCESS_MESSAGES } from './result-codes';
import type { RuleContext } from './rule-context';
import { ISSUER_LAG_MS } from './rule-context';
import type { Decision, SimCancellation, SimOriginal } from './types';
import { withinCancelWindow } from './windows';

/**
 * reqCancel (KICC-API.md "reqCancel", "Result codes"). Checks in this order, the first failure
 * answers: the original exists for this merchant under wcc/cndTrxNo + orgAprvDt + orgAprvNo
 * (S001); it is not already cancelled or reversed (S002, before anything else about it, since
 * "it already stands" is what the client most needs to hear); amounts and installment match
 * (S003); the approval date is within the window (S004).
 */
export function decideCancel(request: CancelRequest, ctx: RuleContext): Decision {
  const original = ctx.ledger.findOriginal(request);
  if (original === undefined) return refusal(SIM_CODES.originalNotFound, request, ctx.now);
  if (original.status !== 'approved') {
    return refusal(SIM_CODES.alreadyCancelled, request, ctx.now);
  }
  const differs = firstDifference(AMOUNT_FIELDS, request, original);
  if (differs !== undefined) return refusal(SIM_CODES.mismatch, request, ctx.now, differs);
  if (!withinCancelWindow(original.aprvDt, ctx.now, ctx.cancelWindowDays)) {
    return refusal(SIM_CODES.cancelPeriodExpired, request, ctx.now);
  }
  const cancellation = landCancellation(request, original, ctx);
  return {
    answer: {
      respCd: SIM_CODES.ok,
      respMsg: SUCCESS_MESSAGES.cancel,
      tid: request.tid,
      svcId: request.svcId,
      bizrNo: request.bizrNo,
      mercTrxNo: request.mercTrxNo,
      trxDt: cancellation.trxDt,
      trxTm: cancellation.trxTm,
      issFmCd: original.issFmCd,
      issFmNm: original.issFmNm,
      purchFmCd: original.purchFmCd,
      purchFmNm: original.purchFmNm,
      joShopNo: original.joShopNo,
      cndDt: cancellation.cndDt,
      cndTm: cancellation.cndTm,
      // The seed's example answers a cancellation of approval 12345678 with aprvNo 12345678:
      // the original's approval number, not a new one.
      aprvNo: original.aprvNo,
      vanTrxNo: cancellation.vanTrxNo,
      cardConfirmNo: original.cardConfirmNo,
    },
    commit: () => ctx.ledger.addCancellation(cancellation, original),
  };
}

/** The cancellation record; a cancellation is its own VAN transaction with its own vanTrxNo. */
export function landCancellation(
  request: CancelRequest,
  original: SimOriginal,
  ctx: Pick<RuleContext, 'numbers' | 'now'>,
): SimCancellation {
  const processed = kstDateTime(ctx.now);
  const issuerStamp = kstDateTime(ctx.now + ISSUER_LAG_MS);
  return {
    tid: request.tid,
    svcId: request.svcId,
    bizrNo: request.bizrNo,
    mercTrxNo: request.mercTrxNo,
    wcc: request.wcc,
    cndTrxNo: request.cndTrxNo,
    alotMonth: request.alotMonth,
    trxAmt: request.trxAmt,
    vatAmt: request.vatAmt,
    svcAmt: request.svcAmt,
    tranDt: request.tranDt,
    tranTm: request.tranTm,
    originalVanTrxNo: original.vanTrxNo,
    vanTrxNo: ctx.numbers.vanTrxNo(),
    trxDt: processed.date,
    trxTm: processed.time,
    cndDt: issuerStamp.date,
    cndTm: issuerStamp.time,
    landedAt: ctx.now,
    status: 'landed',
  };
}
