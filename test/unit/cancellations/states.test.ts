import { describe, expect, it } from 'vitest';
import { assertMove, canMove } from '../../../electron/cancellations/states';
import { createTransitions } from '../../../electron/cancellations/transitions';
import type { CancellationState } from '../../../electron/ledger/types';
import { tempLedger, sampleReceipt } from '../ledger/tmpLedger';
import { TERMINAL, T0 } from './harness';

/**
 * The state machine's table (DESIGN.md "A cancellation's life"), every pair of states, and the
 * guard that refuses a move outside it BEFORE anything is written (issue 9: the mutant that
 * removes `assertMove` survived every other test).
 */
const STATES: CancellationState[] = [
  'draft',
  'pending',
  'sending',
  'queued',
  'in_doubt',
  'cancelled',
  'rejected',
  'needs_review',
];

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
    else
      expect(() => assertMove(7, from, to)).toThrow(
        `cancellation 7: ${from} -> ${to} is not allowed`,
      );
  });

  it('a final state never changes: cancelled, rejected and needs_review lead nowhere', () => {
    for (const final of ['cancelled', 'rejected', 'needs_review'] as const) {
      expect(STATES.filter((to) => canMove(final, to))).toEqual([]);
    }
  });
});

describe('the transitions refuse a move outside the table, and write nothing', () => {
  it('a cancelled cancellation is not moved back to sending: no state, no audit event', () => {
    const t = tempLedger();
    try {
      const receipt = t.ledger.receipts.insert(sampleReceipt(), T0);
      const transitions = createTransitions({
        ledger: t.ledger,
        clock: { now: () => T0 },
        terminal: TERMINAL,
        newMercTrxNo: () => 'M000001',
        retryDelay: () => 1000,
        confirmedRefusalCodes: () => [],
      });
      const id = t.ledger.cancellations.insert(
        {
          receiptId: receipt.id,
          clientRequestId: null,
          state: 'cancelled',
          requestedBy: 'cashier-1',
          approvedBy: null,
          reason: null,
          target: {
            wcc: 'T',
            cndTrxNo: receipt.vanTrxNo ?? '',
            orgAprvNo: receipt.aprvNo,
            orgAprvDt: receipt.aprvDt,
            alotMonth: receipt.alotMonth,
            trxAmt: receipt.trxAmt,
            vatAmt: receipt.vatAmt,
            svcAmt: receipt.svcAmt,
          },
        },
        T0,
      );
      const before = t.ledger.cancellations.get(id);
      if (before === null) throw new Error('not written');
      expect(() => t.ledger.write(() => transitions.move(before, 'sending', {}, {}))).toThrow(
        `cancellation ${id}: cancelled -> sending is not allowed`,
      );
      expect(t.ledger.cancellations.get(id)).toEqual(before);
      expect(t.ledger.audit.forCancellation(id)).toEqual([]);
    } finally {
      t.remove();
    }
  });
});
