import { describe, expect, it } from 'vitest';
import { isManualOutcome } from '../../../electron/reports/manual';
import type { ResolutionEventKind } from '../../../electron/reports/manual';
import type { CancellationState } from '../../../shared/contract/models';

/**
 * "관리자 확인" is decided in one place (electron/reports/manual.ts): from the cancellation's
 * resolution events when there are any (so it holds when the row keeps KICC's code and note),
 * else from the row's note.
 */
describe('isManualOutcome', () => {
  it.each<[string, CancellationState, string | null, ResolutionEventKind | null, boolean]>([
    ['KICC’s own answer', 'cancelled', null, null, false],
    ['the earlier one stood (KICC said so)', 'cancelled', 'stood-earlier', null, false],
    [
      'resolved cancelled, as recorded today',
      'cancelled',
      'manager-cancelled',
      'cancellation.resolved',
      true,
    ],
    ['resolved not cancelled', 'rejected', 'manager-not-cancelled', 'cancellation.resolved', true],
    [
      'resolved, the row keeping KICC’s note',
      'cancelled',
      'verification-deadline',
      'cancellation.resolved',
      true,
    ],
    ['an older ledger: the note alone', 'cancelled', 'manager-cancelled', null, true],
    [
      'reopened, then settled by KICC again',
      'cancelled',
      'manager-cancelled',
      'cancellation.reopened',
      false,
    ],
    [
      'reopened and waiting for the manager',
      'needs_review',
      'manager-cancelled',
      'cancellation.reopened',
      false,
    ],
    [
      'never for an unresolved state',
      'in_doubt',
      'manager-cancelled',
      'cancellation.resolved',
      false,
    ],
  ])('%s', (_what, state, note, event, manual) => {
    expect(isManualOutcome({ state, note }, event)).toBe(manual);
  });
});
