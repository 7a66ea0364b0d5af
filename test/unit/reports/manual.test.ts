import { describe, expect, it } from 'vitest';
import { isManualOutcome } from '../../../electron/reports/manual';
import type { CancellationState } from '../../../shared/contract/models';

/** "관리자 확인" on the close and the CSV: the manager's recorded outcome, final states only. */
describe('isManualOutcome', () => {
  it.each<[string, CancellationState, string | null, boolean]>([
    ['KICC’s own answer', 'cancelled', null, false],
    ['the earlier one stood (KICC said so)', 'cancelled', 'stood-earlier', false],
    ['the manager recorded cancelled', 'cancelled', 'manager-cancelled', true],
    ['the manager recorded not cancelled', 'rejected', 'manager-not-cancelled', true],
    ['reopened: waiting for the manager again', 'needs_review', 'verification-deadline', false],
    ['never an unresolved state, whatever its note', 'in_doubt', 'manager-cancelled', false],
  ])('%s', (_what, state, note, manual) => {
    expect(isManualOutcome({ state, note })).toBe(manual);
  });
});
