import { describe, expect, it } from 'vitest';
import {
  CANCEL_WINDOW_DAYS,
  CLOCK_TOLERANCE_MS,
  daysSinceApproval,
  HELD_VERIFICATION_WAIT_MS,
  holdBackOf,
  LONGEST_EXCHANGE_MS,
  NEAR_END_DAYS,
  NET_CANCEL_WINDOW_MS,
  redoCouldBeRefused,
  SAFETY_MARGIN_MS,
  verificationTiming,
  type ReversalFacts,
} from '../../../electron/cancellations/reversalPolicy';
import { DEFAULT_EXCHANGE_DEADLINE_MS } from '../../../electron/kicc/client';

/**
 * When a verification may reverse (electron/cancellations/reversalPolicy.ts): only when the redo
 * cannot be refused and no other reversal of ours happened; otherwise it waits out KICC's
 * net-cancel window, so it only tells (issue 9, sequences 2 and 3).
 */
/** 2024-03-10 12:00 KST */
const NOON = Date.UTC(2024, 2, 10, 3, 0, 0);
const MINUTE = 60_000;
const WAIT = NET_CANCEL_WINDOW_MS + 2 * CLOCK_TOLERANCE_MS + SAFETY_MARGIN_MS;

it('the wait is the window, the clock tolerance at the send and again at the verification, and a margin: 41 minutes', () => {
  expect(HELD_VERIFICATION_WAIT_MS).toBe(WAIT);
  expect(WAIT).toBe(41 * 60_000);
});

const facts = (over: Partial<ReversalFacts> = {}): ReversalFacts => ({
  now: NOON + MINUTE,
  waitMs: HELD_VERIFICATION_WAIT_MS,
  lost: { sentAt: NOON, tranDt: '20240310', answeredLanded: false },
  otherReversals: 0,
  orgAprvDt: '20240301',
  ...over,
});

describe('the constants are the [A] of KICC-API.md', () => {
  it('30-minute window, 5-minute clock tolerance, 45-day cancel window', () => {
    expect(NET_CANCEL_WINDOW_MS).toBe(30 * MINUTE);
    expect(CLOCK_TOLERANCE_MS).toBe(5 * MINUTE);
    expect(SAFETY_MARGIN_MS).toBe(MINUTE);
    expect(CANCEL_WINDOW_DAYS).toBe(45);
    expect(NEAR_END_DAYS).toBe(2);
  });
});

describe('daysSinceApproval: whole KST days', () => {
  it.each([
    ['20240310', 0],
    ['20240309', 1],
    ['20240125', 45],
  ])('approved %s, at noon on 2024-03-10: %i', (date, days) => {
    expect(daysSinceApproval(date, NOON)).toBe(days);
  });

  it('counts Korea days whatever the UTC date (00:30 KST is the previous UTC day)', () => {
    const justAfterKstMidnight = Date.UTC(2024, 2, 9, 15, 30); // 2024-03-10 00:30 KST
    expect(daysSinceApproval('20240309', justAfterKstMidnight)).toBe(1);
  });
});

describe('redoCouldBeRefused', () => {
  it('the same KST day, an original far from its window end: no', () => {
    expect(redoCouldBeRefused(facts())).toBe(false);
  });

  it('a new KST day since the lost request: yes', () => {
    expect(redoCouldBeRefused(facts({ lost: { ...facts().lost, tranDt: '20240309' } }))).toBe(true);
  });

  describe("within the clocks' tolerance of a KST midnight, now or when the redo goes (KICC may be on another day): yes", () => {
    // 2024-03-10 in KST: its midnights are 2024-03-09 15:00 and 2024-03-10 15:00 UTC
    const start = Date.UTC(2024, 2, 9, 15, 0);
    const end = Date.UTC(2024, 2, 10, 15, 0);
    const at = (now: number) =>
      redoCouldBeRefused(facts({ now, lost: { ...facts().lost, sentAt: now - MINUTE } }));
    const last = end - CLOCK_TOLERANCE_MS - LONGEST_EXCHANGE_MS;
    it.each([
      ['00:00:00', start, 'yes'],
      ['00:04:59.999', start + CLOCK_TOLERANCE_MS - 1, 'yes'],
      ['00:05:00', start + CLOCK_TOLERANCE_MS, 'no'],
      ['23:54:14.999 (the redo by 23:54:59.999)', last - 1, 'no'],
      ['23:54:15 (the redo may go at 23:55:00)', last, 'yes'],
      ['23:55:00', end - CLOCK_TOLERANCE_MS, 'yes'],
      ['23:59:59.999', end - 1, 'yes'],
    ])('%s KST: %s', (_kst, now, refusable) => {
      expect(at(now)).toBe(refusable === 'yes');
    });

    it("the longest exchange is the client's connect timeout and exchange deadline", () => {
      expect(LONGEST_EXCHANGE_MS).toBe(5000 + DEFAULT_EXCHANGE_DEADLINE_MS);
    });
  });

  it(`the original ${CANCEL_WINDOW_DAYS - NEAR_END_DAYS} or more days old: yes; one day younger: no`, () => {
    const day = (n: number) => {
      const d = new Date(Date.UTC(2024, 2, 10 - n));
      return d.toISOString().slice(0, 10).replaceAll('-', '');
    };
    const edge = CANCEL_WINDOW_DAYS - NEAR_END_DAYS;
    expect(redoCouldBeRefused(facts({ orgAprvDt: day(edge) }))).toBe(true);
    expect(redoCouldBeRefused(facts({ orgAprvDt: day(edge - 1) }))).toBe(false);
  });
});

describe('holdBackOf: why a reversal is not allowed', () => {
  it('none: the reqRtran may reverse, and go now', () => {
    expect(holdBackOf(facts())).toBeNull();
    expect(verificationTiming(facts())).toEqual({ at: NOON + MINUTE, holdBack: null });
  });

  it('another reversal of ours already: reversal-limit (first, whatever else holds)', () => {
    const all = facts({
      otherReversals: 1,
      lost: { sentAt: NOON, tranDt: '20240309', answeredLanded: true },
    });
    expect(holdBackOf(all)).toBe('reversal-limit');
    expect(holdBackOf(facts({ otherReversals: 2 }))).toBe('reversal-limit');
  });

  it('KICC answered 0000 but it was not recorded: answered-landed (before the redo risk)', () => {
    const f = facts({ lost: { sentAt: NOON, tranDt: '20240309', answeredLanded: true } });
    expect(holdBackOf(f)).toBe('answered-landed');
  });

  it('the redo could be refused: reversal-not-safe', () => {
    expect(holdBackOf(facts({ lost: { ...facts().lost, tranDt: '20240309' } }))).toBe(
      'reversal-not-safe',
    );
  });
});

describe('verificationTiming: held back, it waits until the window is surely over', () => {
  it.each([0, 1, WAIT - 1])(
    '%i ms after the lost request: wait until sentAt + window + margins',
    (after) => {
      const timing = verificationTiming(facts({ now: NOON + after, otherReversals: 1 }));
      expect(timing).toEqual({ at: NOON + WAIT, holdBack: 'reversal-limit' });
    },
  );

  it.each([WAIT, WAIT + 1, 3 * WAIT])(
    '%i ms after: now, still held back (it must not reverse)',
    (after) => {
      const timing = verificationTiming(facts({ now: NOON + after, otherReversals: 1 }));
      expect(timing).toEqual({ at: NOON + after, holdBack: 'reversal-limit' });
    },
  );

  it('a configured wait (tests on real time) is the one waited', () => {
    const timing = verificationTiming(facts({ waitMs: 2000, otherReversals: 1 }));
    expect(timing).toEqual({ at: NOON + MINUTE, holdBack: 'reversal-limit' });
    const early = verificationTiming(facts({ now: NOON + 500, waitMs: 2000, otherReversals: 1 }));
    expect(early.at).toBe(NOON + 2000);
  });
});
