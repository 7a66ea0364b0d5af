import { afterEach, describe, expect, it } from 'vitest';
import { assertMove, canMove } from '../../../electron/cancellations/states';
import type { CancellationState } from '../../../electron/ledger/types';
import { cancellationStateSchema, FINAL_STATES } from '../../../shared/contract/models';
import { transitionsWorld, type TransitionsWorld } from './transitionsWorld';

/**
 * The state machine's table (DESIGN.md "A cancellation's life"), every pair of states, and the
 * guard that refuses a move outside it BEFORE anything is written (issue 9: the mutant that
 * removes `assertMove` survived every other test).
 */
const STATES: readonly CancellationState[] = cancellationStateSchema.options;

const ALLOWED: Readonly<Record<CancellationState, readonly CancellationState[]>> = {
  draft: ['pending', 'rejected'],
  pending: ['sending', 'queued'],
  sending: ['sending', 'queued', 'in_doubt', 'cancelled', 'rejected', 'needs_review'],
  queued: ['sending', 'queued', 'needs_review'],
  in_doubt: ['sending', 'in_doubt', 'cancelled', 'needs_review'],
  cancelled: [],
  rejected: [],
  needs_review: [],
};

const PAIRS = STATES.flatMap((from) =>
  STATES.map((to) => ({ from, to, allowed: ALLOWED[from].includes(to) })),
);

describe('the moves of a cancellation', () => {
  it.each(PAIRS)('$from -> $to: allowed $allowed', ({ from, to, allowed }) => {
    expect(canMove(from, to)).toBe(allowed);
    if (allowed) expect(() => assertMove(7, from, to)).not.toThrow();
    else {
      expect(() => assertMove(7, from, to)).toThrow(
        `cancellation 7: ${from} -> ${to} is not allowed`,
      );
    }
  });

  it('a final state never changes: the final states lead nowhere', () => {
    for (const final of FINAL_STATES) expect(STATES.filter((to) => canMove(final, to))).toEqual([]);
  });
});

describe('the transitions refuse a move outside the table, and write nothing', () => {
  let w: TransitionsWorld;
  afterEach(() => w.remove());

  it('a cancelled cancellation is not moved back to sending: no state, no audit event', () => {
    w = transitionsWorld();
    const before = w.cancellation('cancelled');
    expect(() => w.write(() => w.transitions.move(before, 'sending', {}, {}))).toThrow(
      `cancellation ${before.id}: cancelled -> sending is not allowed`,
    );
    expect(w.stored(before.id)).toEqual(before);
    expect(w.events(before.id)).toEqual([]);
  });
});
