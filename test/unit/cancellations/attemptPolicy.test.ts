import { afterEach, describe, expect, it } from 'vitest';
import type { KiccPort } from '../../../electron/cancellations/exchange';
import {
  DAY_EDGE_MS,
  dayEdgeResendAt,
  decideAfterCancel,
  MAX_DAY_EDGE_REFUSALS,
  MAX_NUMBERS_TAKEN,
  dayEdge,
  resendAsStored,
  type CancelAnswerFacts,
} from '../../../electron/cancellations/attemptPolicy';
import { cancelBody } from '../../../electron/kicc/body';
import { classifyExchange } from '../../../electron/kicc/classify';
import type { KiccClass, KiccOutcome } from '../../../electron/kicc/outcome';
import type { CancelRequest } from '../../../shared/kicc/types';
import { workflowHarness, type WorkflowHarness } from './harness';

/**
 * What a reqCancel answer means (electron/cancellations/attemptPolicy.ts). `rejected` tells the
 * cashier the card was NOT refunded; it is said only for a code confirmed to mean "nothing
 * happened", and never after a reversal of ours (issue 9, sequences 1 and 2).
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

describe('a refusal on reqCancel, through the workflow', () => {
  const CASES = [
    // known codes reqCancel never sends: a person must look
    { respCd: 'S006', confirmed: ['S006'], state: 'needs_review', note: 'unexpected-answer' },
    { respCd: 'S007', confirmed: [], state: 'needs_review', note: 'unexpected-answer' },
    // codes confirmed to mean "nothing happened" stay refusals
    { respCd: 'S001', confirmed: ['S001', 'S004'], state: 'rejected', note: null },
    { respCd: 'S004', confirmed: ['S001', 'S004'], state: 'rejected', note: null },
    // a code a manager confirmed in settings, unknown to the table
    { respCd: 'E123', confirmed: ['E123'], state: 'rejected', note: null },
    // not confirmed: whatever the table calls it, the engine cannot tell (issue 9, sequence 1)
    { respCd: 'E123', confirmed: [], state: 'needs_review', note: 'unknown-code' },
    { respCd: 'S001', confirmed: [], state: 'needs_review', note: 'unknown-code' },
  ] as const;

  it.each(CASES)(
    '$respCd (confirmed: $confirmed) on reqCancel -> $state $note',
    async ({ respCd, confirmed, state, note }) => {
      const port: KiccPort = {
        cancel: async (req) => answered(req, respCd),
        netCancel: () => Promise.reject(new Error('no verification expected')),
      };
      h = workflowHarness({ kicc: port, confirmedRefusalCodes: () => confirmed });
      const receipt = h.receipt();
      const result = await h.workflow.request(h.input(receipt.id));
      if (!result.ok) throw new Error(result.error.code);
      expect(result.value).toMatchObject({ state, note });
      // KICC's code and message of the deciding answer stay on the row, whatever the state
      expect(h.ledger.cancellations.get(result.value.id)?.result).toMatchObject({
        code: respCd,
        message: `answer ${respCd}`,
      });
    },
  );
});

const FACTS: CancelAnswerFacts = {
  confirmedRefusal: false,
  afterOurReversal: false,
  firstSendOfNumber: true,
  numbersTaken: 1,
  atDayEdge: false,
  earlierRefusals: 0,
};

describe('decideAfterCancel: every class', () => {
  it.each<[KiccClass, ReturnType<typeof decideAfterCancel>]>([
    ['ok', { next: 'cancelled', note: null }],
    ['already-cancelled', { next: 'cancelled', note: 'stood-earlier' }],
    ['not-sent', { next: 'queued', signal: 'offline' }],
    ['auth', { next: 'queued', signal: 'auth' }],
    ['in-doubt', { next: 'in_doubt' }],
    ['retryable', { next: 'in_doubt' }],
    ['not-found', { next: 'needs_review', note: 'unexpected-answer' }],
    ['landed', { next: 'needs_review', note: 'unexpected-answer' }],
  ])('%s -> %j, whatever the facts', (cls, decision) => {
    for (const facts of [
      FACTS,
      {
        confirmedRefusal: true,
        afterOurReversal: true,
        firstSendOfNumber: false,
        numbersTaken: 9,
        atDayEdge: true,
        earlierRefusals: 0,
      },
    ]) {
      expect(decideAfterCancel(cls, undefined, facts)).toEqual(decision);
    }
  });
});

describe('decideAfterCancel: a refusal', () => {
  it('confirmed to mean nothing happened: rejected', () => {
    expect(decideAfterCancel('rejected', 'S001', { ...FACTS, confirmedRefusal: true })).toEqual({
      next: 'rejected',
    });
  });

  it('not confirmed: needs_review, unknown-code', () => {
    expect(decideAfterCancel('rejected', 'S001', FACTS)).toEqual({
      next: 'needs_review',
      note: 'unknown-code',
    });
    expect(decideAfterCancel('rejected', undefined, FACTS)).toEqual({
      next: 'needs_review',
      note: 'unknown-code',
    });
  });

  it('after a reversal of ours: needs_review even for a confirmed code', () => {
    for (const confirmedRefusal of [true, false]) {
      expect(
        decideAfterCancel('rejected', 'S004', {
          ...FACTS,
          confirmedRefusal,
          afterOurReversal: true,
        }),
      ).toEqual({ next: 'needs_review', note: 'refused-after-reversal' });
    }
  });

  it('a known code on the wrong endpoint (S006, S007 on reqCancel): unexpected, even confirmed', () => {
    for (const code of ['S006', 'S007']) {
      expect(decideAfterCancel('rejected', code, { ...FACTS, confirmedRefusal: true })).toEqual({
        next: 'needs_review',
        note: 'unexpected-answer',
      });
    }
  });

  it('an unknown code a manager confirmed: rejected (the table does not veto it)', () => {
    expect(decideAfterCancel('rejected', 'E777', { ...FACTS, confirmedRefusal: true })).toEqual({
      next: 'rejected',
    });
  });
});

describe('decideAfterCancel: a refusal at the edge of a KST day', () => {
  it('confirmed or not: queued for the new day, not "not refunded" (KICC may have refused the date)', () => {
    for (const confirmedRefusal of [true, false]) {
      for (const code of ['S008', 'E777', undefined]) {
        expect(
          decideAfterCancel('rejected', code, { ...FACTS, confirmedRefusal, atDayEdge: true }),
        ).toEqual({ next: 'after-day-edge' });
      }
    }
  });

  it('a resend refused at a midnight again waits again; the third such refusal goes to a manager', () => {
    const edge = { ...FACTS, atDayEdge: true };
    for (const confirmedRefusal of [true, false]) {
      expect(
        decideAfterCancel('rejected', 'S008', { ...edge, confirmedRefusal, earlierRefusals: 1 }),
      ).toEqual({ next: 'after-day-edge' });
      expect(
        decideAfterCancel('rejected', 'S008', {
          ...edge,
          confirmedRefusal,
          earlierRefusals: MAX_DAY_EDGE_REFUSALS - 1,
        }),
      ).toEqual({ next: 'needs_review', note: 'unexpected-answer' });
    }
  });

  it('a resend refused away from any midnight decides as any refusal', () => {
    const again = { ...FACTS, atDayEdge: false, earlierRefusals: 1 };
    expect(decideAfterCancel('rejected', 'S008', { ...again, confirmedRefusal: true })).toEqual({
      next: 'rejected',
    });
    expect(decideAfterCancel('rejected', 'S008', again)).toEqual({
      next: 'needs_review',
      note: 'unknown-code',
    });
  });

  it('after a reversal of ours, or a code this step never gets: a manager still', () => {
    expect(
      decideAfterCancel('rejected', 'S008', { ...FACTS, atDayEdge: true, afterOurReversal: true }),
    ).toEqual({ next: 'needs_review', note: 'refused-after-reversal' });
    expect(decideAfterCancel('rejected', 'S007', { ...FACTS, atDayEdge: true })).toEqual({
      next: 'needs_review',
      note: 'unexpected-answer',
    });
  });
});

describe('dayEdge and dayEdgeResendAt', () => {
  const start = Date.UTC(2024, 2, 9, 15); // 00:00 KST on 2024-03-10, the day tranDt names
  const midnight = Date.UTC(2024, 2, 10, 15); // 00:00 KST on 2024-03-11, the next
  const tranDt = '20240310';
  const noon = midnight - 12 * 3_600_000;
  it.each([
    [
      'sent 5 min + 1 ms before midnight, answered before it',
      midnight - DAY_EDGE_MS - 1,
      midnight - 1,
      null,
    ],
    [
      'sent exactly 5 min before midnight',
      midnight - DAY_EDGE_MS,
      midnight - DAY_EDGE_MS,
      midnight,
    ],
    ['sent at noon, answered at noon', noon, noon, null],
    ['sent at noon, answered just after midnight', noon, midnight, midnight],
    ['sent at noon, answered 1 ms before midnight', noon, midnight - 1, null],
    // a PC clock ahead of KICC's: KICC may still be on the day before
    ['sent at 00:00 (the PC), the day tranDt names just begun', start, start, start],
    [
      'sent 1 ms under 5 min after the day began',
      start + DAY_EDGE_MS - 1,
      start + DAY_EDGE_MS - 1,
      start,
    ],
    ['sent exactly 5 min after the day began', start + DAY_EDGE_MS, start + DAY_EDGE_MS, null],
  ])('%s', (_what, sentAt, answeredAt, edge) => {
    expect(dayEdge(tranDt, sentAt, answeredAt)).toBe(edge);
  });

  it("resends once KICC is surely on the PC's day, or now when that is past", () => {
    expect(dayEdgeResendAt(midnight, midnight - 1000)).toBe(midnight + DAY_EDGE_MS);
    expect(dayEdgeResendAt(midnight, midnight + DAY_EDGE_MS + 1)).toBe(midnight + DAY_EDGE_MS + 1);
    expect(dayEdgeResendAt(start, start + 1000)).toBe(start + DAY_EDGE_MS);
  });
});

describe('decideAfterCancel: S005 (duplicate mercTrxNo)', () => {
  it('to a first send: another transaction owns the number, so a fresh number', () => {
    for (let taken = 0; taken < MAX_NUMBERS_TAKEN; taken += 1) {
      expect(decideAfterCancel('duplicate', 'S005', { ...FACTS, numbersTaken: taken })).toEqual({
        next: 'fresh-number',
      });
    }
  });

  it(`after ${MAX_NUMBERS_TAKEN} taken numbers: a person looks`, () => {
    expect(
      decideAfterCancel('duplicate', 'S005', { ...FACTS, numbersTaken: MAX_NUMBERS_TAKEN }),
    ).toEqual({ next: 'needs_review', note: 'unexpected-answer' });
  });

  it("to a number we may have sent before: the first one's outcome is unknown, verify", () => {
    for (const numbersTaken of [0, MAX_NUMBERS_TAKEN]) {
      expect(
        decideAfterCancel('duplicate', 'S005', {
          ...FACTS,
          firstSendOfNumber: false,
          numbersTaken,
        }),
      ).toEqual({ next: 'in_doubt' });
    }
  });
});

describe('resendAsStored: a request proven not sent', () => {
  it('is resent as it was on the same KST day, afresh on another', () => {
    expect(resendAsStored('20240105', '20240105')).toBe(true);
    expect(resendAsStored('20240105', '20240106')).toBe(false);
  });
});
