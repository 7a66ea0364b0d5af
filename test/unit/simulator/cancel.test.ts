import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CancelRequest } from '../../../shared/kicc/types';
import type { KiccSimulator, SimOriginal } from '../../../electron/kicc/simulator';
import { startKiccSimulator } from '../../../electron/kicc/simulator';
import type { TestClock } from './sim-http';
import { cancelOf, DAY, kicc, signed, T0, testClock } from './sim-http';

describe('simulator reqCancel', () => {
  let clock: TestClock;
  let sim: KiccSimulator;
  let original: SimOriginal;

  beforeEach(async () => {
    clock = testClock(T0);
    sim = await startKiccSimulator({ clock, seed: 7 });
    original = sim.approve({ trxAmt: 58_000, alotMonth: '03', svcAmt: 3_000 });
  });
  afterEach(() => sim.close());

  it('cancels by vanTrxNo (wcc T) and answers with the seed response fields', async () => {
    clock.advance(60_000);
    const request = cancelOf(original, clock.now());
    const answer = await kicc(sim, 'cancel', request, clock.now());
    expect(answer).toEqual({
      respCd: '0000',
      respMsg: '정상취소',
      tid: original.tid,
      svcId: original.svcId,
      bizrNo: original.bizrNo,
      mercTrxNo: request.mercTrxNo,
      trxDt: '20240315',
      trxTm: '143100',
      issFmCd: original.issFmCd,
      issFmNm: original.issFmNm,
      purchFmCd: original.purchFmCd,
      purchFmNm: original.purchFmNm,
      joShopNo: original.joShopNo,
      cndDt: '20240315',
      cndTm: '143101',
      aprvNo: original.aprvNo,
      vanTrxNo: expect.stringMatching(/^[0-9]{12}$/),
      cardConfirmNo: original.cardConfirmNo,
    });
    expect(answer.vanTrxNo).not.toBe(original.vanTrxNo);
    expect(sim.ledger.original(original.vanTrxNo)?.status).toBe('cancelled');
    expect(sim.ledger.cancellations()).toMatchObject([
      { mercTrxNo: request.mercTrxNo, originalVanTrxNo: original.vanTrxNo, status: 'landed' },
    ]);
  });

  it('cancels by the original mercTrxNo (wcc G)', async () => {
    const request = cancelOf(original, clock.now(), { wcc: 'G', cndTrxNo: original.mercTrxNo });
    expect((await kicc(sim, 'cancel', request, clock.now())).respCd).toBe('0000');
  });

  const notFound: [string, (o: SimOriginal) => Partial<CancelRequest>][] = [
    ['an unknown vanTrxNo', () => ({ cndTrxNo: '999999999999' })],
    ['the mercTrxNo sent as wcc T', (o) => ({ cndTrxNo: o.mercTrxNo })],
    ['the vanTrxNo sent as wcc G', (o) => ({ wcc: 'G', cndTrxNo: o.vanTrxNo })],
    ['another approval date', () => ({ orgAprvDt: '20240314' })],
    ['another approval number', () => ({ orgAprvNo: '11111111' })],
    ['another terminal', () => ({ tid: 'T000000001' })],
    ['another service id', () => ({ svcId: 'SVC_OTHER' })],
    ['another business number', () => ({ bizrNo: '9999999999' })],
  ];
  it.each(notFound)('answers S001 for %s', async (_name, change) => {
    const answer = await kicc(
      sim,
      'cancel',
      cancelOf(original, clock.now(), change(original)),
      clock.now(),
    );
    expect(answer.respCd).toBe('S001');
    expect(sim.ledger.original(original.vanTrxNo)?.status).toBe('approved');
  });

  it('answers S002 to a second cancellation of the same original', async () => {
    await kicc(sim, 'cancel', cancelOf(original, clock.now()), clock.now());
    const second = await kicc(sim, 'cancel', cancelOf(original, clock.now()), clock.now());
    expect(second.respCd).toBe('S002');
    expect(sim.ledger.cancellations()).toHaveLength(1);
  });

  const mismatches: [keyof CancelRequest, Partial<CancelRequest>][] = [
    ['trxAmt', { trxAmt: 57_000 }],
    ['vatAmt', { vatAmt: 1 }],
    ['svcAmt', { svcAmt: 0 }],
    ['alotMonth', { alotMonth: '00' }],
  ];
  it.each(mismatches)(
    'answers S003 naming %s when it differs from the original',
    async (field, change) => {
      const answer = await kicc(
        sim,
        'cancel',
        cancelOf(original, clock.now(), change),
        clock.now(),
      );
      expect(answer.respCd).toBe('S003');
      expect(answer.respMsg).toContain(field);
      expect(sim.ledger.cancellations()).toEqual([]);
    },
  );

  // Approved 2024-03-15 14:30 KST; 45 KST days later is 2024-04-29.
  const window: [string, number, string][] = [
    ['on the 45th day, at 23:59:59 KST', Date.UTC(2024, 3, 29, 14, 59, 59), '0000'],
    ['on the 46th day, at 00:00:00 KST', Date.UTC(2024, 3, 29, 15, 0, 0), 'S004'],
    ['60 days later', T0 + 60 * DAY, 'S004'],
  ];
  it.each(window)('applies the 45-day window in KST days: %s', async (_name, at, code) => {
    clock.set(at);
    const answer = await kicc(sim, 'cancel', cancelOf(original, at), at);
    expect(answer.respCd).toBe(code);
  });

  it('honours a configured cancel window', async () => {
    await sim.close();
    sim = await startKiccSimulator({ clock, cancelWindowDays: 7 });
    const o = sim.approve();
    clock.advance(8 * DAY);
    expect((await kicc(sim, 'cancel', cancelOf(o, clock.now()), clock.now())).respCd).toBe('S004');
  });

  const invalid: [string, (r: CancelRequest) => object, string][] = [
    ['a missing field', ({ orgAprvNo: _omit, ...rest }) => rest, 'orgAprvNo'],
    ['a Korean character', (r) => ({ ...r, tid: '단말기1' }), 'tid'],
    ['an amount sent as text', (r) => ({ ...r, trxAmt: '58000' }), 'trxAmt'],
    ['a bad wcc', (r) => ({ ...r, wcc: 'X' }), 'wcc'],
    ['an impossible date', (r) => ({ ...r, tranDt: '20240230' }), 'tranDt'],
    ['an unknown field', (r) => ({ ...r, memo: 'x' }), 'memo'],
  ];
  it.each(invalid)('answers S008 naming the field for %s', async (_name, change, field) => {
    const answer = await kicc(sim, 'cancel', change(cancelOf(original, clock.now())), clock.now());
    expect(answer.respCd).toBe('S008');
    expect(answer.respMsg).toContain(field);
    expect(sim.ledger.cancellations()).toEqual([]);
  });

  it('answers S008 to a body that is not JSON, with no echo fields', async () => {
    const exchange = await signed(sim, 'cancel', '{"tid":', clock.now());
    expect(exchange).toMatchObject({ kind: 'answer', status: 200 });
    const body = exchange.kind === 'answer' ? (JSON.parse(exchange.body) as object) : {};
    expect(body).toEqual({ respCd: 'S008', respMsg: expect.stringContaining('body') });
  });

  it('keeps respMsg within 128 bytes even when many fields are wrong', async () => {
    const answer = await kicc(sim, 'cancel', { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }, clock.now());
    expect(answer.respCd).toBe('S008');
    expect(Buffer.byteLength(String(answer.respMsg))).toBeLessThanOrEqual(128);
  });
});
