import { afterEach, describe, expect, it } from 'vitest';
import type { KiccSimulator } from '../../../electron/kicc/simulator';
import { CARD_ISSUERS, startKiccSimulator } from '../../../electron/kicc/simulator';
import { cancelOf, kicc, T0, testClock } from './sim-http';

describe('simulator training samples', () => {
  const sims: KiccSimulator[] = [];
  const start = async (seed = 1) => {
    const sim = await startKiccSimulator({ clock: testClock(T0), seed, sampleReceipts: true });
    sims.push(sim);
    return sim;
  };
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((sim) => sim.close()));
  });

  it('creates a dozen originals across every card company, with installments and a service charge', async () => {
    const { samples } = await start();
    expect(samples).toHaveLength(12);
    expect(new Set(samples.map((s) => s.original.issFmCd))).toEqual(
      new Set(CARD_ISSUERS.map((c) => c.issFmCd)),
    );
    expect(samples.some((s) => s.original.alotMonth !== '00')).toBe(true);
    expect(samples.some((s) => s.original.svcAmt > 0)).toBe(true);
    expect(samples.filter((s) => s.expect === 'already-cancelled')).toHaveLength(2);
    expect(samples.filter((s) => s.expect === 'expired')).toHaveLength(2);
    for (const s of samples) expect(s.original.approvedAt).toBeLessThanOrEqual(T0);
  });

  it('answers each sample as its expectation says', async () => {
    const sim = await start();
    const expected = { cancellable: '0000', 'already-cancelled': 'S002', expired: 'S004' };
    for (const sample of sim.samples) {
      const answer = await kicc(sim, 'cancel', cancelOf(sample.original, T0), T0);
      expect([sample.no, answer.respCd]).toEqual([sample.no, expected[sample.expect]]);
    }
  });

  it('shows the samples as they stand after a trainee cancels one', async () => {
    const sim = await start();
    const first = sim.samples[0];
    if (first === undefined) throw new Error('no samples');
    await kicc(sim, 'cancel', cancelOf(first.original, T0), T0);
    expect(sim.samples[0]?.original.status).toBe('cancelled');
  });

  it('gives the same samples for the same seed and clock', async () => {
    const a = await start(9);
    const b = await start(9);
    expect(b.samples).toEqual(a.samples);
  });

  it('starts with an empty ledger unless asked for samples', async () => {
    const sim = await startKiccSimulator({ clock: testClock(T0) });
    sims.push(sim);
    expect(sim.samples).toEqual([]);
    expect(sim.ledger.originals()).toEqual([]);
  });

  it('reset() brings the same samples back and forgets everything else', async () => {
    const sim = await start();
    const before = sim.samples;
    const first = before[0];
    if (first === undefined) throw new Error('no samples');
    await kicc(sim, 'cancel', cancelOf(first.original, T0), T0);
    sim.approve();
    sim.reset();
    expect(sim.samples).toEqual(before);
    expect(sim.ledger.originals()).toHaveLength(12);
    expect(sim.ledger.requests()).toEqual([]);
  });
});
