import { afterEach, describe, expect, it } from 'vitest';
import type { KiccSimulator } from '../../../electron/kicc/simulator';
import { startKiccSimulator } from '../../../electron/kicc/simulator';
import { cancelOf, DAY, kicc, T0, testClock } from './sim-http';

describe('simulator duplicate mercTrxNo', () => {
  let sim: KiccSimulator | undefined;
  afterEach(() => sim?.close());

  it("answers S005 to a repeated cancellation mercTrxNo in 'reject' mode, and changes nothing", async () => {
    const clock = testClock(T0);
    sim = await startKiccSimulator({ clock });
    const first = sim.approve();
    const second = sim.approve();
    const request = cancelOf(first, T0);
    expect((await kicc(sim, 'cancel', request, T0)).respCd).toBe('0000');
    // The same mercTrxNo for ANOTHER original: still a duplicate (same tid + svcId, same day).
    const again = cancelOf(second, T0, { mercTrxNo: request.mercTrxNo });
    const answer = await kicc(sim, 'cancel', again, T0);
    expect(answer).toMatchObject({ respCd: 'S005', mercTrxNo: request.mercTrxNo });
    expect(sim.ledger.original(second.vanTrxNo)?.status).toBe('approved');
  });

  it("replays the first answer, byte for byte in content, in 'replay' mode", async () => {
    const clock = testClock(T0);
    sim = await startKiccSimulator({ clock, duplicateMode: 'replay' });
    const original = sim.approve();
    const request = cancelOf(original, T0);
    const firstAnswer = await kicc(sim, 'cancel', request, T0);
    clock.advance(90_000);
    const replayed = await kicc(sim, 'cancel', request, clock.now());
    expect(replayed).toEqual(firstAnswer);
    expect(sim.ledger.cancellations()).toHaveLength(1);
  });

  it('replays a refusal too: the first answer, whatever it was', async () => {
    const clock = testClock(T0);
    sim = await startKiccSimulator({ clock, duplicateMode: 'replay' });
    const original = sim.approve();
    const wrong = cancelOf(original, T0, { trxAmt: original.trxAmt + 1000 });
    expect((await kicc(sim, 'cancel', wrong, T0)).respCd).toBe('S003');
    const fixed = { ...wrong, trxAmt: original.trxAmt };
    expect((await kicc(sim, 'cancel', fixed, T0)).respCd).toBe('S003');
  });

  it('does not take a mercTrxNo with an S008 answer', async () => {
    const clock = testClock(T0);
    sim = await startKiccSimulator({ clock });
    const original = sim.approve();
    const request = cancelOf(original, T0);
    expect((await kicc(sim, 'cancel', { ...request, wcc: 'X' }, T0)).respCd).toBe('S008');
    expect((await kicc(sim, 'cancel', request, T0)).respCd).toBe('0000');
  });

  it('shares the namespace between approvals and cancellations', async () => {
    const clock = testClock(T0);
    sim = await startKiccSimulator({ clock });
    const original = sim.approve({ mercTrxNo: 'ORD_SHARED_1' });
    const answer = await kicc(
      sim,
      'cancel',
      cancelOf(original, T0, { mercTrxNo: 'ORD_SHARED_1' }),
      T0,
    );
    expect(answer.respCd).toBe('S005');
  });

  const scope: [string, { tid?: string; svcId?: string; days?: number }][] = [
    ['another day (KST)', { days: 1 }],
    ['another terminal', { tid: 'T000000002' }],
    ['another service id', { svcId: 'SVC_OTHER' }],
  ];
  it.each(scope)('accepts the same mercTrxNo on %s', async (_name, { tid, svcId, days = 0 }) => {
    const clock = testClock(T0);
    sim = await startKiccSimulator({ clock });
    const first = sim.approve();
    const second = sim.approve({
      ...(tid === undefined ? {} : { tid }),
      ...(svcId === undefined ? {} : { svcId }),
    });
    const request = cancelOf(first, T0);
    expect((await kicc(sim, 'cancel', request, T0)).respCd).toBe('0000');
    clock.advance(days * DAY);
    const again = cancelOf(second, clock.now(), { mercTrxNo: request.mercTrxNo });
    expect((await kicc(sim, 'cancel', again, clock.now())).respCd).toBe('0000');
  });
});
