import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultKind, FaultSpec } from '../../../electron/kicc/simulator/faults';
import type { CancellationState } from '../../../electron/ledger/types';
import { createManualTime } from '../../../electron/queue/scheduler';
import { createWorld, DELAY_MS, type World } from './world';

/**
 * The fault matrix (issue 3 "What it must show"): every fault of the simulator on reqCancel, on
 * reqRtran during verification, and on the fresh attempt, plus restarts between and during
 * steps. Each case must end final, and the app's ledger must agree with the simulator's.
 */
let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(async () => {
  await w.close();
});

type Fault =
  { name: string; spec: Omit<FaultSpec, 'endpoint'> } | { name: 'refused'; refused: true };

/** Every fault kind, with both outcomes where the fault lets KICC commit or not. */
const FAULTS: Fault[] = [
  { name: 'commit-then-drop', spec: { kind: 'commit-then-drop' } },
  { name: 'drop-before-commit', spec: { kind: 'drop-before-commit' } },
  ...(
    [
      'delay',
      'corrupt-json',
      'truncated-body',
      'http-500',
      'http-503',
      'reset-mid-response',
      'temporary-error',
    ] as FaultKind[]
  ).flatMap((kind): Fault[] =>
    [true, false].map((commit) => ({
      name: `${kind} (${commit ? 'committed' : 'not committed'})`,
      spec: { kind, commit, ...(kind === 'delay' ? { delayMs: DELAY_MS } : {}) },
    })),
  ),
  { name: 'auth-failure', spec: { kind: 'auth-failure' } },
  { name: 'refused', refused: true },
];

async function withFault(
  fault: Fault,
  endpoint: 'cancel' | 'netCancel',
  during: () => Promise<unknown>,
) {
  if ('refused' in fault) {
    await w.sim.stop();
    await during();
    await w.sim.restart();
    return;
  }
  w.sim.faults.inject({ endpoint, ...fault.spec, count: 1 });
  await during();
}

/** What the first reqCancel's outcome must leave before the queue works it. */
function stateAfterCancelFault(fault: Fault): CancellationState {
  if ('refused' in fault) return 'queued';
  return fault.spec.kind === 'auth-failure' ? 'queued' : 'in_doubt';
}

describe('faults on reqCancel (the first attempt)', () => {
  it.each(FAULTS)('$name -> verified, then cancelled once', async (fault) => {
    const r = w.receipt();
    let state: CancellationState | undefined;
    await withFault(fault, 'cancel', async () => {
      const result = await w.cancel(r.id);
      expect(result.ok).toBe(true);
      state = result.ok ? result.value.state : undefined;
    });
    expect(state).toBe(stateAfterCancelFault(fault));
    await w.settle();
    const [c] = w.services.ledger.cancellations.list({ limit: 10, offset: 0 });
    expect(c?.state).toBe('cancelled');
    w.expectAgreement();
    // a cancellation that may have landed is always verified before anything else is sent
    const kinds = w.services.ledger.attempts.forCancellation(c?.id ?? 0).map((a) => a.kind);
    if (state === 'in_doubt') expect(kinds[1]).toBe('net-cancel');
    else expect(kinds).toEqual(['cancel', 'cancel']); // the same request, resent
  });
});

describe('faults on reqRtran during verification', () => {
  describe.each([
    ['the lost cancellation had landed', 'commit-then-drop'],
    ['the lost cancellation never landed', 'drop-before-commit'],
  ] as const)('%s', (_name, lostKind) => {
    it.each(FAULTS)(
      'verification meets $name -> verified again, then cancelled once',
      async (fault) => {
        const r = w.receipt();
        w.sim.faults.inject({ endpoint: 'cancel', kind: lostKind, count: 1 });
        const first = await w.cancel(r.id);
        expect(first.ok && first.value.state).toBe('in_doubt');
        await withFault(fault, 'netCancel', () => w.services.drain());
        const id = first.ok ? first.value.id : '';
        // the verification's fault must not decide anything by itself
        expect(['in_doubt', 'cancelled']).toContain(w.state(id)?.state);
        await w.settle();
        expect(w.state(id)?.state).toBe('cancelled');
        w.expectAgreement();
      },
    );
  });
});

/**
 * After one reversal of ours, a fresh attempt that ends in doubt is verified only once KICC's
 * net-cancel window is over (issue 9: at most one reversal per cancellation): these run on a
 * manual clock, which the queue moves past the window.
 */
async function withManualTime(): Promise<void> {
  await w.close();
  w = await createWorld({ time: createManualTime(Date.now()) });
}

describe('faults on the fresh attempt after a verification', () => {
  it.each(FAULTS.filter((f) => !('refused' in f)))(
    'fresh attempt meets $name -> cancelled once, never a second reversal',
    async (fault) => {
      await withManualTime();
      const r = w.receipt();
      w.sim.faults.inject({ endpoint: 'cancel', kind: 'commit-then-drop', count: 1 });
      const first = await w.cancel(r.id);
      expect(first.ok && first.value.state).toBe('in_doubt');
      await withFault(fault, 'cancel', () => w.services.drain());
      await w.settleInTime();
      expect(w.sim.ledger.netCancels()).toHaveLength(1);
      const id = first.ok ? first.value.id : '';
      expect(w.state(id)?.state).toBe('cancelled');
      w.expectAgreement();
      // verified (reversed), then a fresh attempt with a NEW mercTrxNo
      const attempts = w.services.ledger.attempts.forCancellation(Number(id));
      expect(attempts[1]?.kind).toBe('net-cancel');
      expect(attempts[2]).toMatchObject({ kind: 'cancel', repeatsAttemptId: null });
      expect(attempts[2]?.mercTrxNo).not.toBe(attempts[0]?.mercTrxNo);
    },
  );
});

describe('restarts between and during steps', () => {
  it('restart while in doubt: verified after the restart', async () => {
    const r = w.receipt();
    w.sim.faults.inject({ endpoint: 'cancel', kind: 'commit-then-drop', count: 1 });
    const first = await w.cancel(r.id);
    await w.restart();
    await w.settle();
    expect(w.state(first.ok ? first.value.id : '')?.state).toBe('cancelled');
    w.expectAgreement();
  });

  it('restart while queued: the same request (same mercTrxNo) is sent after the restart', async () => {
    const r = w.receipt();
    await w.sim.stop();
    const first = await w.cancel(r.id);
    expect(first.ok && first.value.state).toBe('queued');
    await w.restart();
    await w.sim.restart();
    await w.settle();
    const id = first.ok ? Number(first.value.id) : 0;
    const attempts = w.services.ledger.attempts.forCancellation(id);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(attempts.map((a) => a.mercTrxNo)).size).toBe(1);
    expect(attempts.map((a) => a.kind)).not.toContain('net-cancel');
    expect(w.state(String(id))?.state).toBe('cancelled');
    w.expectAgreement();
  });

  it('restart while paused for credentials: items kept, sent once the credentials work', async () => {
    const r = w.receipt();
    w.sim.faults.inject({ endpoint: 'cancel', kind: 'auth-failure', count: 1 });
    const first = await w.cancel(r.id);
    expect(w.services.queueStatus()).toMatchObject({
      ok: true,
      value: { summary: { pausedReason: 'auth', count: 1 } },
    });
    await w.restart();
    await w.settle();
    expect(w.state(first.ok ? first.value.id : '')?.state).toBe('cancelled');
    w.expectAgreement();
  });

  it.each([true, false])(
    'crash during the first reqCancel (it %s at KICC): in doubt at start, then cancelled once',
    async (commit) => {
      const r = w.receipt();
      w.sim.faults.inject({
        endpoint: 'cancel',
        kind: 'delay',
        commit,
        delayMs: DELAY_MS * 3,
        count: 1,
      });
      const pending = w.cancel(r.id).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 50)); // the request is on the wire
      await w.crash();
      await pending;
      const [c] = w.services.ledger.cancellations.list({ limit: 1, offset: 0 });
      expect(c?.state).toBe('in_doubt');
      await w.settle();
      expect(w.state(String(c?.id))?.state).toBe('cancelled');
      w.expectAgreement();
    },
  );

  it('crash during the verification: verified again after the restart, then cancelled once', async () => {
    const r = w.receipt();
    w.sim.faults.inject({ endpoint: 'cancel', kind: 'commit-then-drop', count: 1 });
    const first = await w.cancel(r.id);
    w.sim.faults.inject({
      endpoint: 'netCancel',
      kind: 'delay',
      commit: true,
      delayMs: DELAY_MS * 3,
      count: 1,
    });
    const draining = w.services.drain().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await w.crash();
    await draining;
    const id = first.ok ? first.value.id : '';
    expect(w.state(id)?.state).toBe('in_doubt');
    await w.settle();
    expect(w.state(id)?.state).toBe('cancelled');
    expect(w.sim.ledger.netCancels()).toHaveLength(1); // reversed once; the repeat found nothing (S006)
    w.expectAgreement();
  });

  it('crash during the fresh attempt: the fresh attempt is verified in turn, then cancelled once', async () => {
    await withManualTime();
    const r = w.receipt();
    w.sim.faults.inject({ endpoint: 'cancel', kind: 'commit-then-drop', count: 1 });
    const first = await w.cancel(r.id);
    w.sim.faults.inject({
      endpoint: 'cancel',
      kind: 'delay',
      commit: true,
      delayMs: DELAY_MS * 3,
      count: 1,
    });
    const draining = w.services.drain().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await w.crash({ autoStart: false });
    await draining;
    const id = first.ok ? first.value.id : '';
    const attempts = w.services.ledger.attempts.forCancellation(Number(id));
    expect(attempts.map((a) => [a.kind, a.class])).toEqual([
      ['cancel', 'in-doubt'],
      ['net-cancel', 'ok'],
      ['cancel', 'in-doubt'],
    ]);
    await w.settleInTime();
    expect(w.state(id)?.state).toBe('cancelled');
    // the fresh attempt's verification came after the window: it told, it did not reverse
    expect(w.sim.ledger.netCancels()).toHaveLength(1);
    w.expectAgreement();
  });
});
