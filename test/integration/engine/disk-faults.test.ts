import { afterEach, describe, expect, it } from 'vitest';
import { createManualTime } from '../../../electron/queue/scheduler';
import type { ServiceEvent } from '../../../electron/queue/status';
import { faultyDisk, type DiskFaults } from '../../unit/ledger/diskFaults';
import { createWorld, type World } from './world';

/**
 * Disk faults on each write of a cancellation's life (issue 9): the first write (TX1), the
 * answer writes, the verification's writes, the fresh attempt's, and a group-commit batch that
 * fails as a whole. Whatever write is refused: nothing lost, nothing false shown — the cashier
 * never sees "cancelled" unless KICC holds it cancelled, never "rejected", never an error after
 * the first write, and the books agree with KICC's once the disk is back.
 */
const NOON = Date.UTC(2024, 2, 10, 3, 0, 0);

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

/** what the screen was told, with KICC's truth at that very moment */
interface Shown {
  state: string;
  kicc: string | undefined;
}

async function faultyWorld(): Promise<{ x: World; disk: DiskFaults; shown: Shown[] }> {
  const faulty = faultyDisk();
  const x = await createWorld({
    time: createManualTime(NOON),
    services: { openLedger: faulty.openLedger },
  });
  w = x;
  const disk = faulty.disk();
  const shown: Shown[] = [];
  const sim = x.sim;
  x.services.subscribe((event: ServiceEvent) => {
    if (event.type !== 'cancellation.updated') return;
    const receipt = x.services.ledger.receipts.get(Number(event.cancellation.receiptId));
    const kicc = sim.ledger.original(receipt?.vanTrxNo ?? '')?.status;
    shown.push({ state: event.cancellation.state, kicc });
  });
  return { x, disk, shown };
}

/** never "cancelled" unless KICC holds it cancelled; never "rejected" (every original cancellable) */
function expectNothingFalseShown(shown: readonly Shown[]): void {
  expect(shown.length).toBeGreaterThan(0);
  for (const s of shown) {
    expect(s.state).not.toBe('rejected');
    if (s.state === 'cancelled') expect(s.kicc).toBe('cancelled');
  }
}

function expectSettledRight(x: World): void {
  const all = x.services.ledger.cancellations.list({ limit: 10, offset: 0 });
  expect(all.map((c) => c.state)).toEqual(['cancelled']);
  expect(x.services.ledger.attempts.sending()).toEqual([]);
  expect(x.sim.ledger.netCancels().length).toBeLessThanOrEqual(1);
  x.expectAgreement();
}

describe.each([
  ['KICC answers at once', false],
  ['the first answer is lost (verification, then a fresh attempt)', true],
])('%s: one write refused (SQLITE_FULL)', (_name, lost) => {
  it.each(Array.from({ length: 8 }, (_, i) => i + 1))(
    "the write number %i of the cancellation's life",
    async (n) => {
      const { x, disk, shown } = await faultyWorld();
      const r = x.receipt();
      if (lost) x.sim.faults.inject({ endpoint: 'cancel', kind: 'commit-then-drop' });
      disk.failAt(n);
      const result = await x.cancel(r.id);
      if (!result.ok) {
        // only the first write may refuse the cashier, and then nothing happened anywhere
        expect(n).toBe(1);
        expect(result.error.code).toBe('not-recorded');
        expect(x.sim.ledger.requests()).toEqual([]);
        expect(x.services.ledger.cancellations.count({})).toBe(0);
        x.sim.faults.clear();
        const again = await x.cancel(r.id);
        expect(again.ok).toBe(true);
      } else {
        expect(['sending', 'in_doubt', 'cancelled']).toContain(result.value.state);
      }
      await x.settleInTime();
      expectSettledRight(x);
      expectNothingFalseShown(shown);
    },
  );
});

describe('a group-commit batch that fails as a whole', () => {
  it('every step in it learns so: nothing is sent on an unwritten attempt, and all settle right', async () => {
    const { x, disk, shown } = await faultyWorld();
    const receipts = [x.receipt(), x.receipt(), x.receipt()];
    x.sim.faults.inject({ endpoint: 'cancel', kind: 'commit-then-drop', count: 3 });
    for (const r of receipts) expect((await x.cancel(r.id)).ok).toBe(true);
    const before = x.sim.ledger.requests().length;
    // the three verifications begin in one turn, so their attempt rows share one batch
    disk.poisonNextBatch();
    await x.services.drain();
    const all = x.services.ledger.cancellations.list({ limit: 10, offset: 0 });
    // the whole batch rolled back: all three verifications learned it, none was sent
    expect(all.map((c) => c.state)).toEqual(['in_doubt', 'in_doubt', 'in_doubt']);
    for (const c of all) {
      expect(x.services.ledger.attempts.forCancellation(c.id).map((a) => a.kind)).toEqual([
        'cancel',
      ]);
    }
    // no verification left 'sending' in the ledger, nor sent on an attempt that was rolled back
    expect(x.services.ledger.attempts.sending()).toEqual([]);
    const requests = x.sim.ledger.requests().slice(before);
    const recorded = new Set(
      all.flatMap((c) => x.services.ledger.attempts.forCancellation(c.id)).map((a) => a.body),
    );
    for (const request of requests) expect(recorded).toContain(request.body);
    await x.settleInTime();
    const final = x.services.ledger.cancellations.list({ limit: 10, offset: 0 });
    expect(final.map((c) => c.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    x.expectAgreement();
    expectNothingFalseShown(shown);
  });
});
