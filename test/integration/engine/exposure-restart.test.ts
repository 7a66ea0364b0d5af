import { afterEach, describe, expect, it } from 'vitest';
import { createWorld } from './world';

/**
 * The exposure limits while KICC settles nothing (docs/engine.md "Queue") do not start clear
 * after a restart: the items left in doubt still count until an exchange settles something.
 */
let world: Awaited<ReturnType<typeof createWorld>> | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

describe('exposure limits across a restart', () => {
  it('a restart while KICC settles nothing does not lift the limits; an answer that settles something does', async () => {
    const w = (world = await createWorld({
      services: {
        limits: {
          cashierMaxAmount: 10_000_000,
          offlineMaxCount: 2,
          offlineMaxTotal: 1_000_000_000,
        },
      },
    }));
    // every answer lost after KICC committed: each exchange settles nothing
    w.sim.faults.setProbability({ endpoint: 'any', kind: 'commit-then-drop', p: 1 });
    const receipts = [w.receipt(), w.receipt(), w.receipt()];
    for (const r of receipts.slice(0, 2)) {
      const result = await w.cancel(r.id);
      expect(result.ok && result.value.state).toBe('in_doubt');
    }
    expect(await w.cancel(receipts[2]!.id)).toMatchObject({
      ok: false,
      error: { code: 'exposure-limit' },
    });

    // the process dies and starts again, KICC as silent as before (the queue not started yet)
    await w.crash({ autoStart: false });
    const sentBefore = w.sim.ledger.requests().length;
    expect(await w.cancel(receipts[2]!.id)).toMatchObject({
      ok: false,
      error: { code: 'exposure-limit' },
    });
    expect(w.sim.ledger.requests().length).toBe(sentBefore); // refused before anything was sent

    // KICC answers again: the verifications settle the two, and the third is accepted
    w.sim.faults.clear();
    await w.settle();
    const third = await w.cancel(receipts[2]!.id);
    expect(third.ok && third.value.state).toBe('cancelled');
    w.expectAgreement();
  });
});
