import { describe, expect, it } from 'vitest';
import {
  decideAfterVerification,
  MAX_UNANSWERED_CANCELS,
  noteAtDeadline,
  type VerificationFacts,
} from '../../../electron/cancellations/verificationPolicy';
import type { HoldBack } from '../../../electron/cancellations/reversalPolicy';
import type { KiccClass } from '../../../electron/kicc/outcome';

/**
 * What a reqRtran answer means (electron/cancellations/verificationPolicy.ts), under every fact
 * that changes it: whether this reqRtran was allowed to reverse, and whether an earlier one of
 * ours for the same request went unanswered (issue 9, sequences 2, 3 and 4).
 */
const FREE: VerificationFacts = { holdBack: null, earlierUnanswered: false, unansweredCancels: 1 };
const HOLD_BACKS: HoldBack[] = ['reversal-limit', 'reversal-not-safe', 'answered-landed'];

describe('decideAfterVerification', () => {
  it.each<[KiccClass, ReturnType<typeof decideAfterVerification>]>([
    ['ok', { next: 'fresh-attempt' }],
    ['not-found', { next: 'fresh-attempt' }],
    ['landed', { next: 'cancelled' }],
    ['not-sent', { next: 'keep-verifying' }],
    ['in-doubt', { next: 'keep-verifying' }],
    ['retryable', { next: 'keep-verifying' }],
    ['auth', { next: 'pause-for-auth' }],
    ['rejected', { next: 'needs-review', note: 'unexpected-answer' }],
    ['already-cancelled', { next: 'needs-review', note: 'unexpected-answer' }],
    ['duplicate', { next: 'needs-review', note: 'unexpected-answer' }],
  ])('a reqRtran free to reverse, answered %s -> %j', (cls, decision) => {
    expect(decideAfterVerification(cls, FREE)).toEqual(decision);
  });

  it.each<[HoldBack, string]>([
    ['reversal-limit', 'reversal-limit'],
    ['reversal-not-safe', 'reversal-not-safe'],
    ['answered-landed', 'unexpected-answer'],
  ])(
    'sent only to tell (%s), it reversed after all (0000): needs_review %s, no redo',
    (holdBack, note) => {
      expect(decideAfterVerification('ok', { ...FREE, holdBack })).toEqual({
        next: 'needs-review',
        note,
      });
    },
  );

  it.each(HOLD_BACKS)('sent only to tell (%s): S006 and S007 decide as usual', (holdBack) => {
    const facts = { ...FREE, holdBack };
    expect(decideAfterVerification('not-found', facts)).toEqual({ next: 'fresh-attempt' });
    expect(decideAfterVerification('landed', facts)).toEqual({ next: 'cancelled' });
  });

  it('S007 after an earlier reqRtran of ours for the same request went unanswered: needs_review', () => {
    for (const holdBack of [null, ...HOLD_BACKS]) {
      expect(
        decideAfterVerification('landed', { ...FREE, holdBack, earlierUnanswered: true }),
      ).toEqual({
        next: 'needs-review',
        note: 'window-after-unanswered-reversal',
      });
    }
  });

  it('an earlier unanswered reqRtran changes nothing else', () => {
    const facts = { ...FREE, earlierUnanswered: true };
    expect(decideAfterVerification('ok', facts)).toEqual({ next: 'fresh-attempt' });
    expect(decideAfterVerification('not-found', facts)).toEqual({ next: 'fresh-attempt' });
    expect(decideAfterVerification('in-doubt', facts)).toEqual({ next: 'keep-verifying' });
  });
});

describe('no cancel -> verify -> cancel loop', () => {
  it(`S006 after ${MAX_UNANSWERED_CANCELS} unanswered reqCancels: needs_review, no more fresh attempts`, () => {
    expect(MAX_UNANSWERED_CANCELS).toBe(3);
    for (const unansweredCancels of [0, 1, MAX_UNANSWERED_CANCELS - 1]) {
      expect(decideAfterVerification('not-found', { ...FREE, unansweredCancels })).toEqual({
        next: 'fresh-attempt',
      });
    }
    for (const unansweredCancels of [MAX_UNANSWERED_CANCELS, MAX_UNANSWERED_CANCELS + 5]) {
      expect(decideAfterVerification('not-found', { ...FREE, unansweredCancels })).toEqual({
        next: 'needs-review',
        note: 'unanswered-cancels',
      });
    }
  });

  it('the count changes nothing else', () => {
    const facts = { ...FREE, unansweredCancels: 9 };
    expect(decideAfterVerification('ok', facts)).toEqual({ next: 'fresh-attempt' });
    expect(decideAfterVerification('landed', facts)).toEqual({ next: 'cancelled' });
  });
});

describe('noteAtDeadline: an in-doubt item handed over at its verification deadline', () => {
  it.each<[HoldBack | null, string]>([
    [null, 'verification-deadline'],
    ['answered-landed', 'verification-deadline'],
    ['reversal-limit', 'reversal-limit'],
    ['reversal-not-safe', 'reversal-not-safe'],
  ])('held back %s -> %s', (holdBack, note) => {
    expect(noteAtDeadline(holdBack)).toBe(note);
  });
});
