import {
  createCancellationWorkflow,
  type WorkflowDeps,
} from '../../../electron/cancellations/workflow';
import type { ConnectivitySignal } from '../../../electron/cancellations/exchange';
import type { Cancellation, NewReceipt } from '../../../electron/ledger/types';
import { sampleReceipt, tempLedger } from '../ledger/tmpLedger';
import { createFakeKicc, type FakeKicc } from './fakeKicc';
import { recoverAfterRestart } from '../../../electron/cancellations/recovery';
import { NOTHING_HAPPENED_CODES } from '../../../electron/kicc/simulator/result-codes';

/** 2024-01-05 10:15:00 KST */
export const T0 = Date.UTC(2024, 0, 5, 1, 15, 0);

/** long enough for the tests that jump a day; the deadline tests use it explicitly */
export const DEADLINE_MS = 2 * 86_400_000;

export const TERMINAL = { tid: 'T123456789', svcId: 'SVC_SIMPLE', bizrNo: '1234567890' };

/** A workflow over a real (tmpfs) ledger and a scripted KICC, with a hand-moved clock. */
export function workflowHarness(overrides: Partial<WorkflowDeps> = {}) {
  const t = tempLedger();
  let now = T0;
  const clock = overrides.clock ?? { now: () => now };
  const signals: ConnectivitySignal[] = [];
  const changes: Cancellation[] = [];
  let degraded = false;
  let seq = 0;
  const build = (kicc: FakeKicc) =>
    createCancellationWorkflow({
      ledger: t.ledger,
      kicc: kicc.port,
      clock,
      terminal: TERMINAL,
      newMercTrxNo: () => `M${String((seq += 1)).padStart(6, '0')}`,
      retryDelay: (tries) => 1000 * tries,
      verificationDeadlineMs: DEADLINE_MS,
      limits: { cashierMaxAmount: 1_000_000, offlineMaxCount: 3, offlineMaxTotal: 50_000 },
      exposureApplies: () => degraded,
      // the fake answers with the simulator's placeholder codes: its refusals are confirmed ones
      confirmedRefusalCodes: () => NOTHING_HAPPENED_CODES,
      observer: {
        cancellationChanged: (c) => changes.push(c),
        connectivity: (s) => signals.push(s),
      },
      ...overrides,
    });
  const kicc = createFakeKicc(clock.now);
  const workflow = build(kicc);
  return {
    ledger: t.ledger,
    kicc,
    workflow,
    signals,
    changes,
    clock,
    advance: (ms: number) => {
      now += ms;
    },
    setNow: (ms: number) => {
      now = ms;
    },
    setDegraded: (value: boolean) => {
      degraded = value;
    },
    receipt: (overrides2: Partial<NewReceipt> = {}) =>
      t.ledger.receipts.insert(sampleReceipt(overrides2), now),
    /** a cashier's confirmed request for `receiptId` */
    input: (receiptId: number, extra: Partial<Parameters<typeof workflow.request>[0]> = {}) => ({
      receiptId,
      clientRequestId: null,
      confirmedAmounts: null,
      reason: 'customer changed mind',
      requestedBy: 'cashier-1',
      approvedBy: null,
      ...extra,
    }),
    attempts: (cancellationId: number) => t.ledger.attempts.forCancellation(cancellationId),
    /**
     * The process died (whatever was in flight is never answered) and starts again on the same
     * ledger: start-up recovery, then a new workflow talking to a new scripted KICC.
     */
    restart() {
      recoverAfterRestart(t.ledger, clock);
      const kicc2 = createFakeKicc(clock.now);
      return { kicc: kicc2, workflow: build(kicc2) };
    },
    remove: t.remove,
  };
}

export type WorkflowHarness = ReturnType<typeof workflowHarness>;
