import { describe, expect, it } from 'vitest';
import {
  emptyResolution,
  resolutionRequest,
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
    expect(validateResolution(input)).toEqual(expected);
  });

  it('sends the trimmed note, and the number only for "cancelled"', () => {
    expect(
      resolutionRequest('7', {
        outcome: 'cancelled',
        note: ' seen in portal ',
        cancelAprvNo: ' 7700 ',
      }),
    ).toEqual({ id: '7', outcome: 'cancelled', note: 'seen in portal', cancelAprvNo: '7700' });
    expect(
      resolutionRequest('7', {
        outcome: 'not-cancelled',
        note: 'still approved',
        cancelAprvNo: '7700',
      }),
    ).toEqual({ id: '7', outcome: 'not-cancelled', note: 'still approved' });
  });
});
