import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kstDateTime } from '../../../shared/kicc/time';
import type { NetCancelRequest } from '../../../shared/kicc/types';
import type { KiccSimulator, SimOriginal } from '../../../electron/kicc/simulator';
import { startKiccSimulator } from '../../../electron/kicc/simulator';
import type { TestClock } from './sim-http';
import { cancelOf, kicc, MINUTE, netCancelOf, T0, testClock } from './sim-http';

describe('simulator reqRtran (net-cancel)', () => {
  let clock: TestClock;
  let sim: KiccSimulator;
  let original: SimOriginal;

  beforeEach(async () => {
    clock = testClock(T0);
    sim = await startKiccSimulator({ clock, seed: 3 });
    original = sim.approve({ trxAmt: 33_000, svcAmt: 3_000 });
  });
  afterEach(() => sim.close());

  it('reverses a landed cancellation; a fresh cancellation then succeeds', async () => {
    const lost = cancelOf(original, clock.now());
    expect((await kicc(sim, 'cancel', lost, clock.now())).respCd).toBe('0000');
    clock.advance(5 * MINUTE);

    const reversal = await kicc(sim, 'netCancel', netCancelOf(lost), clock.now());
    expect(reversal).toMatchObject({
      respCd: '0000',
      mercTrxNo: lost.mercTrxNo,
      aprvNo: original.aprvNo,
      vanTrxNo: sim.ledger.cancellations()[0]?.vanTrxNo,
    });
    expect(sim.ledger.original(original.vanTrxNo)?.status).toBe('approved');
    expect(sim.ledger.cancellations()[0]?.status).toBe('net-cancelled');
    expect(sim.ledger.netCancels()).toMatchObject([
      { mercTrxNo: lost.mercTrxNo, target: 'cancellation', at: clock.now() },
    ]);

    const fresh = cancelOf(original, clock.now());
    expect((await kicc(sim, 'cancel', fresh, clock.now())).respCd).toBe('0000');
    expect(sim.ledger.original(original.vanTrxNo)?.status).toBe('cancelled');
  });

  it('answers S006 when nothing landed under that mercTrxNo', async () => {
    const neverSent = cancelOf(original, clock.now());
    expect((await kicc(sim, 'netCancel', netCancelOf(neverSent), clock.now())).respCd).toBe('S006');
    expect(sim.ledger.netCancels()).toEqual([]);
  });

  it('answers S006 to a repeated net-cancel: there is nothing left to reverse', async () => {
    const lost = cancelOf(original, clock.now());
    await kicc(sim, 'cancel', lost, clock.now());
    expect((await kicc(sim, 'netCancel', netCancelOf(lost), clock.now())).respCd).toBe('0000');
    expect((await kicc(sim, 'netCancel', netCancelOf(lost), clock.now())).respCd).toBe('S006');
    expect(sim.ledger.original(original.vanTrxNo)?.status).toBe('approved');
  });

  it('answers S006 for a cancellation that was refused (it never landed)', async () => {
    const refused = cancelOf(original, clock.now(), { trxAmt: original.trxAmt + 1000 });
    expect((await kicc(sim, 'cancel', refused, clock.now())).respCd).toBe('S003');
    expect((await kicc(sim, 'netCancel', netCancelOf(refused), clock.now())).respCd).toBe('S006');
  });

  const window: [string, number, string][] = [
    ['30 minutes after it landed', 30 * MINUTE, '0000'],
    ['30 minutes and 1 second after', 30 * MINUTE + 1000, 'S007'],
  ];
  it.each(window)('applies the 30-minute window: %s', async (_name, after, code) => {
    const lost = cancelOf(original, clock.now());
    await kicc(sim, 'cancel', lost, clock.now());
    clock.advance(after);
    expect((await kicc(sim, 'netCancel', netCancelOf(lost), clock.now())).respCd).toBe(code);
    expect(sim.ledger.original(original.vanTrxNo)?.status).toBe(
      code === '0000' ? 'approved' : 'cancelled',
    );
  });

  const mismatched: [keyof NetCancelRequest, Partial<NetCancelRequest>][] = [
    ['trxAmt', { trxAmt: 30_000 }],
    ['vatAmt', { vatAmt: 0 }],
    ['svcAmt', { svcAmt: 0 }],
    ['alotMonth', { alotMonth: '02' }],
    ['tranDt', { tranDt: '20240316' }],
    ['tranTm', { tranTm: '000000' }],
  ];
  it.each(mismatched)(
    'answers S003 naming %s when the net-cancel does not repeat the lost request',
    async (field, change) => {
      const lost = cancelOf(original, clock.now());
      await kicc(sim, 'cancel', lost, clock.now());
      const answer = await kicc(sim, 'netCancel', { ...netCancelOf(lost), ...change }, clock.now());
      expect(answer.respCd).toBe('S003');
      expect(answer.respMsg).toContain(field);
      expect(sim.ledger.original(original.vanTrxNo)?.status).toBe('cancelled');
    },
  );

  it('finds the target within its own merchant only', async () => {
    const lost = cancelOf(original, clock.now());
    await kicc(sim, 'cancel', lost, clock.now());
    const other = { ...netCancelOf(lost), tid: 'T000000009' };
    expect((await kicc(sim, 'netCancel', other, clock.now())).respCd).toBe('S006');
  });

  describe('of an approval', () => {
    const approvalNetCancel = (o: SimOriginal): NetCancelRequest => ({
      tid: o.tid,
      svcId: o.svcId,
      bizrNo: o.bizrNo,
      mercTrxNo: o.mercTrxNo,
      alotMonth: o.alotMonth,
      trxAmt: o.trxAmt,
      vatAmt: o.vatAmt,
      svcAmt: o.svcAmt,
      tranDt: o.tranDt,
      tranTm: o.tranTm,
    });

    it('reverses the approval; a cancellation of it is then S002', async () => {
      clock.advance(10 * MINUTE);
      const answer = await kicc(sim, 'netCancel', approvalNetCancel(original), clock.now());
      expect(answer).toMatchObject({ respCd: '0000', vanTrxNo: original.vanTrxNo });
      expect(sim.ledger.original(original.vanTrxNo)?.status).toBe('net-cancelled');
      expect(sim.ledger.netCancels()).toMatchObject([{ target: 'approval' }]);
      const cancel = await kicc(sim, 'cancel', cancelOf(original, clock.now()), clock.now());
      expect(cancel.respCd).toBe('S002');
    });

    it('reverses an approval made over HTTP, with its tokenKey', async () => {
      const sent = kstDateTime(clock.now());
      const approval = {
        tid: original.tid,
        svcId: original.svcId,
        bizrNo: original.bizrNo,
        mercTrxNo: 'ORD_HTTP_0001',
        tokenKey: 'TOKEN123',
        alotMonth: '00',
        trxAmt: 5000,
        vatAmt: 455,
        svcAmt: 0,
        tranDt: sent.date,
        tranTm: sent.time,
      };
      const approved = await kicc(sim, 'approve', approval, clock.now());
      expect(approved.respCd).toBe('0000');
      expect((await kicc(sim, 'netCancel', approval, clock.now())).respCd).toBe('0000');
      expect(sim.ledger.original(String(approved.vanTrxNo))?.status).toBe('net-cancelled');
    });

    it('answers S002 when a cancellation of the approval stands', async () => {
      await kicc(sim, 'cancel', cancelOf(original, clock.now()), clock.now());
      expect((await kicc(sim, 'netCancel', approvalNetCancel(original), clock.now())).respCd).toBe(
        'S002',
      );
    });

    it('answers S007 past the window after the approval', async () => {
      clock.advance(31 * MINUTE);
      expect((await kicc(sim, 'netCancel', approvalNetCancel(original), clock.now())).respCd).toBe(
        'S007',
      );
      expect(sim.ledger.original(original.vanTrxNo)?.status).toBe('approved');
    });
  });
});
