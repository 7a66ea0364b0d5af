import { kstDateTime } from '../../../shared/kicc/time';
import type { NetCancelRequest } from '../../../shared/kicc/types';
import { refusal } from './answers';
import type { NetCancelTarget } from './ledger';
import { firstDifference, NET_CANCEL_FIELDS } from './matching';
import { SIM_CODES, SUCCESS_MESSAGES } from './result-codes';
import type { RuleContext } from './rule-context';
import { ISSUER_LAG_MS } from './rule-context';
import type { Decision, SimOriginal } from './types';
import { withinNetCancelWindow } from './windows';

/**
 * reqRtran, net-cancel (망취소): reverses the transaction whose answer was lost, found by the
 * lost request's mercTrxNo (KICC-API.md "reqRtran" [C fields, A meaning]). The most recent
 * cancellation or approval of this merchant under that mercTrxNo is the target:
 *
 * - none, or already reversed: S006 (nothing to reverse). A repeated net-cancel whose own
 *   answer was lost therefore gets S006, and the client's next step (a fresh cancellation) is
 *   still the right one, because the original is approved again.
 * - an approval that a cancellation already cancelled: S002 (reverse that cancellation instead).
 * - the request does not carry the lost request's exact amounts, alotMonth, tranDt and tranTm:
 *   S003, respMsg naming the first field that differs. Our decision where KICC is silent: a
 *   mismatched net-cancel is a bug of the caller, so it is refused loudly rather than guessed
 *   at, and it is checked before the window so the bug is not hidden by an S007.
 * - landed more than the window ago (30 minutes by default): S007 (it stands). Under the
 *   'window-first' profile the window is checked before "already reversed", so a reversed one
 *   older than the window is S007 too.
 * - otherwise 0000: a cancellation is undone and its original approved again; an approval is
 *   undone (the original becomes 'net-cancelled' and cannot be cancelled any more: S002).
 *
 * tokenKey is accepted and ignored: KICC has not said whether reqRtran needs it for a
 * cancellation (KICC-API.md "What we would ask KICC").
 */
export function decideNetCancel(request: NetCancelRequest, ctx: RuleContext): Decision {
  const target = ctx.ledger.findByMercTrxNo(request, request.mercTrxNo);
  if (target === undefined) return refusal(SIM_CODES.nothingToReverse, request, ctx.now);
  if (target.kind === 'cancellation') {
    const { cancellation, original } = target;
    // 'window-first' (./profiles.ts): a KICC that checks the window before "already reversed"
    // answers S007 to a reversed cancellation older than the window (issue 9, sequence 4).
    if (
      cancellation.status !== 'landed' &&
      !(ctx.netCancelOrder === 'window-first' && isLate(cancellation.landedAt, ctx))
    ) {
      return refusal(SIM_CODES.nothingToReverse, request, ctx.now);
    }
    const refused = refuseMismatchOrLate(request, cancellation, cancellation.landedAt, ctx);
    if (refused !== undefined) return refused;
    return {
      answer: reversalAnswer(request, target, ctx.now),
      commit: () => ctx.ledger.reverseCancellation(cancellation, original, ctx.now),
    };
  }
  const { original } = target;
  if (
    original.status === 'net-cancelled' &&
    !(ctx.netCancelOrder === 'window-first' && isLate(original.approvedAt, ctx))
  ) {
    return refusal(SIM_CODES.nothingToReverse, request, ctx.now);
  }
  if (original.status === 'cancelled') {
    return refusal(SIM_CODES.alreadyCancelled, request, ctx.now);
  }
  const refused = refuseMismatchOrLate(request, original, original.approvedAt, ctx);
  if (refused !== undefined) return refused;
  return {
    answer: reversalAnswer(request, target, ctx.now),
    commit: () => ctx.ledger.reverseApproval(original, ctx.now),
  };
}

const isLate = (landedAt: number, ctx: RuleContext): boolean =>
  !withinNetCancelWindow(landedAt, ctx.now, ctx.netCancelWindowMinutes);

function refuseMismatchOrLate(
  request: NetCancelRequest,
  lost: Readonly<Record<(typeof NET_CANCEL_FIELDS)[number], string | number>>,
  landedAt: number,
  ctx: RuleContext,
): Decision | undefined {
  const differs = firstDifference(NET_CANCEL_FIELDS, request, lost);
  if (differs !== undefined) return refusal(SIM_CODES.mismatch, request, ctx.now, differs);
  if (!withinNetCancelWindow(landedAt, ctx.now, ctx.netCancelWindowMinutes)) {
    return refusal(SIM_CODES.netCancelWindowExceeded, request, ctx.now);
  }
  return undefined;
}

function reversalAnswer(request: NetCancelRequest, target: NetCancelTarget, now: number) {
  const processed = kstDateTime(now);
  const issuerStamp = kstDateTime(now + ISSUER_LAG_MS);
  const original: SimOriginal = target.original;
  return {
    respCd: SIM_CODES.ok,
    respMsg: SUCCESS_MESSAGES.netCancel,
    tid: request.tid,
    svcId: request.svcId,
    bizrNo: request.bizrNo,
    mercTrxNo: request.mercTrxNo,
    trxDt: processed.date,
    trxTm: processed.time,
    issFmCd: original.issFmCd,
    issFmNm: original.issFmNm,
    purchFmCd: original.purchFmCd,
    purchFmNm: original.purchFmNm,
    joShopNo: original.joShopNo,
    cndDt: issuerStamp.date,
    cndTm: issuerStamp.time,
    aprvNo: original.aprvNo,
    // the reversed transaction's own VAN number
    vanTrxNo: target.kind === 'cancellation' ? target.cancellation.vanTrxNo : original.vanTrxNo,
    cardConfirmNo: original.cardConfirmNo,
  };
}
