import { describe, expect, it } from 'vitest';
import {
  emptyResolution,
  isAgainstRecord,
  resolutionRequest,
  validateReopenReason,
  validateResolution,
  type ResolutionDraft,
} from '../../../../renderer/screens/review/resolution';

const draft = (patch: Partial<ResolutionDraft>): ResolutionDraft => ({
  ...emptyResolution,
  ...patch,
});

describe('needs_review resolution form rules (the contract bounds: reviewResolveSchema)', () => {
  it.each([
    [
      'nothing chosen, no note',
      draft({}),
      { outcome: 'review.outcomeRequired', note: 'review.noteRequired' },
    ],
    [
      'a note of spaces only',
      draft({ outcome: 'cancelled', note: '   ' }),
      { note: 'review.noteRequired' },
    ],
    [
      'a note of 501 characters',
      draft({ outcome: 'not-cancelled', note: 'x'.repeat(501) }),
      { note: 'review.noteTooLong' },
    ],
    ['a note of 500 characters', draft({ outcome: 'cancelled', note: 'x'.repeat(500) }), {}],
    [
      'an approval number with Hangul',
      draft({ outcome: 'cancelled', note: 'ok', cancelAprvNo: '승인12' }),
      { cancelAprvNo: 'review.aprvNoAscii' },
    ],
    [
      'an approval number of 11 characters',
      draft({ outcome: 'cancelled', note: 'ok', cancelAprvNo: '12345678901' }),
      { cancelAprvNo: 'review.aprvNoTooLong' },
    ],
    [
      'an approval number ignored for "not cancelled"',
      draft({ outcome: 'not-cancelled', note: 'ok', cancelAprvNo: '승인' }),
      {},
    ],
    [
      'cancelled, note, number',
      draft({ outcome: 'cancelled', note: 'portal', cancelAprvNo: '77001234' }),
      {},
    ],
  ] as const)('%s', (_case, input, expected) => {
    expect(validateResolution(input, 'unknown')).toEqual(expected);
  });

  it.each([
    ['"cancelled" where KICC\'s answers say not refunded', 'cancelled', 'not-refunded', true],
    ['"not cancelled" where a cancellation of ours stands', 'not-cancelled', 'refunded', true],
    ['"cancelled" where a cancellation of ours stands', 'cancelled', 'refunded', false],
    ['"not cancelled" where nothing of ours stands', 'not-cancelled', 'not-refunded', false],
    ['either where the record cannot tell', 'cancelled', 'unknown', false],
  ] as const)(
    'a finding against the record needs a reason: %s',
    (_case, outcome, implies, against) => {
      const input = draft({ outcome, note: 'portal' });
      expect(isAgainstRecord(input, implies)).toBe(against);
      expect(validateResolution(input, implies)).toEqual(
        against ? { overrideReason: 'review.overrideRequired' } : {},
      );
      expect(
        validateResolution({ ...input, overrideReason: 'x'.repeat(501) }, implies).overrideReason,
      ).toBe(against ? 'review.overrideTooLong' : undefined);
      const sent = resolutionRequest(
        '7',
        { ...input, outcome, overrideReason: ' KICC staff ' },
        implies,
      );
      expect(sent.overrideReason).toBe(against ? 'KICC staff' : undefined);
    },
  );

  it('a reopening needs a reason of 1 to 500 characters', () => {
    expect(validateReopenReason('  ')).toBe('review.reopenRequired');
    expect(validateReopenReason('x'.repeat(501))).toBe('review.reopenTooLong');
    expect(validateReopenReason(' 포털 재확인 ')).toBeUndefined();
  });

  it('sends the trimmed note, and the number only for "cancelled"', () => {
    expect(
      resolutionRequest(
        '7',
        {
          outcome: 'cancelled',
          note: ' seen in portal ',
          cancelAprvNo: ' 7700 ',
          overrideReason: '',
        },
        'unknown',
      ),
    ).toEqual({ id: '7', outcome: 'cancelled', note: 'seen in portal', cancelAprvNo: '7700' });
    expect(
      resolutionRequest(
        '7',
        {
          outcome: 'not-cancelled',
          note: 'still approved',
          cancelAprvNo: '7700',
          overrideReason: '',
        },
        'unknown',
      ),
    ).toEqual({ id: '7', outcome: 'not-cancelled', note: 'still approved' });
  });
});
