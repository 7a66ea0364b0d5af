import { afterEach, describe, expect, it } from 'vitest';
import type { KiccPort } from '../../../electron/cancellations/exchange';
import { decideAfterCancel } from '../../../electron/cancellations/attemptPolicy';
import { cancelBody } from '../../../electron/kicc/body';
import { classifyExchange } from '../../../electron/kicc/classify';
import type { KiccOutcome } from '../../../electron/kicc/outcome';
import type { CancelRequest } from '../../../shared/kicc/types';
import { workflowHarness, type WorkflowHarness } from './harness';

/**
 * A reqCancel answer the code table flags for a person (electron/kicc/codes.ts `needsReview`: a
 * known code that reqCancel never sends, e.g. S007 "landed, it stands") must not tell the
 * cashier "not cancelled": the cancellation may stand at KICC. It goes to needs_review, like
 * docs/engine.md's "not-found/landed -> needs_review (reqCancel never answers those)".
 */
let h: WorkflowHarness | undefined;
afterEach(() => h?.remove());

/** What the real client reports for an HTTP 200 answer with `respCd` to a reqCancel. */
function answered(req: CancelRequest, respCd: string): KiccOutcome {
  const body = JSON.stringify({ respCd, respMsg: `answer ${respCd}`, mercTrxNo: req.mercTrxNo });
  const c = classifyExchange('cancel', { reachedSocket: true, status: 200, bodyText: body });
  return {
    class: c.class,
    ...(c.code === undefined ? {} : { code: c.code }),
    message: c.message,
    ...(c.response === undefined ? {} : { response: c.response }),
    exchange: {
      endpoint: 'cancel',
      path: '/smpy/kiccpay/reqCancel',
      mercTrxNo: req.mercTrxNo,
      requestBody: cancelBody(req),
      sentAt: 0,
      endedAt: 0,
      httpStatus: 200,
      responseBody: body,
    },
  };
}

describe('a reqCancel answer the code table says a person must look at', () => {
  const CASES = [
    { respCd: 'S006', state: 'needs_review' },
    { respCd: 'S007', state: 'needs_review' },
    // control rows: business refusals stay refusals, unknown codes too ([C] "a failure reason")
    { respCd: 'S001', state: 'rejected' },
    { respCd: 'S004', state: 'rejected' },
    { respCd: 'E123', state: 'rejected' },
  ] as const;

  it.each(CASES)('$respCd on reqCancel -> $state', async ({ respCd, state }) => {
    const port: KiccPort = {
      cancel: async (req) => answered(req, respCd),
      netCancel: () => Promise.reject(new Error('no verification expected')),
    };
    h = workflowHarness({ kicc: port });
    const receipt = h.receipt();
    const result = await h.workflow.request(h.input(receipt.id));
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.state).toBe(state);
    expect(h.ledger.cancellations.get(result.value.id)?.state).toBe(state);
  });

  it('the policy itself: a flagged code is needs_review, a plain refusal is rejected', () => {
    expect(decideAfterCancel('rejected', 'S007')).toEqual({ next: 'needs_review' });
    expect(decideAfterCancel('rejected', 'S006')).toEqual({ next: 'needs_review' });
    expect(decideAfterCancel('rejected', 'S003')).toEqual({ next: 'rejected' });
    expect(decideAfterCancel('rejected')).toEqual({ next: 'rejected' });
  });
});
