import { freshCancelRequest, targetOf } from '../../../electron/cancellations/kiccRequests';
import { createTransitions } from '../../../electron/cancellations/transitions';
import type { KiccClass, KiccOutcome } from '../../../electron/kicc/outcome';
import { cancelBody } from '../../../electron/kicc/body';
import type { CancellationChange } from '../../../electron/ledger/cancellations';
import type {
  Attempt,
  Cancellation,
  CancellationState,
  NewReceipt,
} from '../../../electron/ledger/types';
import { NOTHING_HAPPENED_CODES } from '../../../electron/kicc/simulator/result-codes';
import { sampleCancellation, sampleReceipt, tempLedger } from '../ledger/tmpLedger';
import { fakeOutcome } from './fakeKicc';
import { T0, TERMINAL } from './harness';

/**
 * The transitions (electron/cancellations/transitions.ts) on their own, over a real ledger: a
 * cancellation put in any state with the attempts a test needs, a hand-moved clock, a number
 * generator the test controls, and the audit events each step wrote.
 */
export function transitionsWorld(options: { newMercTrxNo?: () => string } = {}) {
  const t = tempLedger();
  let now = T0;
  let seq = 0;
  const terminal = { ...TERMINAL };
  const transitions = createTransitions({
    ledger: t.ledger,
    clock: { now: () => now },
    terminal,
    newMercTrxNo: options.newMercTrxNo ?? (() => `M${String((seq += 1)).padStart(6, '0')}`),
    retryDelay: (tries) => 1000 * tries,
    confirmedRefusalCodes: () => NOTHING_HAPPENED_CODES,
  });

  function stored(id: number): Cancellation {
    const c = t.ledger.cancellations.get(id);
    if (c === null) throw new Error(`cancellation ${id} is not in the ledger`);
    return c;
  }

  return {
    ledger: t.ledger,
    transitions,
    /** the terminal settings the transitions read (a test may break them) */
    terminal,
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    stored,
    /** runs `step` as the workflow does: inside one ledger transaction */
    write: <T>(step: () => T): T => t.ledger.write(step),
    /** a cancellation of a new receipt, in `state`, with `change` applied (no audit event) */
    cancellation(
      state: CancellationState,
      change: CancellationChange = {},
      receiptFields: Partial<NewReceipt> = {},
    ): Cancellation {
      const receipt = t.ledger.receipts.insert(sampleReceipt(receiptFields), now);
      const id = t.ledger.cancellations.insert(
        { ...sampleCancellation(receipt.id, state), target: targetOf(receipt) },
        now,
      );
      return t.ledger.cancellations.update(id, change, now);
    },
    /** a reqCancel of `c` as sent now under `mercTrxNo` (a resend when `repeats` is given) */
    attempt(c: Cancellation, mercTrxNo: string, repeats: Attempt | null = null): Attempt {
      const req = freshCancelRequest(terminal, c.target, mercTrxNo, now);
      if (!req.ok) throw new Error('unbuildable');
      return t.ledger.attempts.begin({
        cancellationId: c.id,
        kind: 'cancel',
        mercTrxNo,
        repeatsAttemptId: repeats?.id ?? null,
        body: repeats?.body ?? cancelBody(req.value),
        sentAt: now,
      });
    },
    /** the reqRtran that verifies `lost` */
    verification(lost: Attempt): Attempt {
      return t.ledger.attempts.begin({
        cancellationId: lost.cancellationId,
        kind: 'net-cancel',
        mercTrxNo: lost.mercTrxNo,
        repeatsAttemptId: lost.id,
        body: '{}',
        sentAt: now,
      });
    },
    /** KICC's answer of class `cls` to `attempt`, as the client reports it */
    answer(attempt: Attempt, cls: KiccClass): KiccOutcome {
      const req = JSON.parse(attempt.body) as Parameters<typeof fakeOutcome>[1];
      return fakeOutcome(attempt.kind, { ...req, mercTrxNo: attempt.mercTrxNo }, cls, now);
    },
    /** the audit events of cancellation `id`: kind and detail, in order */
    events: (id: number) =>
      t.ledger.audit.forCancellation(id).map((e) => ({ kind: e.kind, detail: e.detail })),
    attempts: (id: number): Attempt[] => t.ledger.attempts.forCancellation(id),
    remove: t.remove,
  };
}

export type TransitionsWorld = ReturnType<typeof transitionsWorld>;
