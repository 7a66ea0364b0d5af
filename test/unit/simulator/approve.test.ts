import { afterEach, describe, expect, it } from 'vitest';
import { kstDateTime } from '../../../shared/kicc/time';
import type { KiccSimulator, SimOriginal } from '../../../electron/kicc/simulator';
import { CARD_ISSUERS, startKiccSimulator } from '../../../electron/kicc/simulator';
import { DAY, kicc, T0, testClock } from './sim-http';

const ISSUER_NAMES = [
  'KB국민카드',
  '신한카드',
  '삼성카드',
  '현대카드',
  '롯데카드',
  '하나카드',
  '우리카드',
  'BC카드',
  'NH농협카드',
];

describe('simulator approvals', () => {
  const sims: KiccSimulator[] = [];
  const start = async (seed: number) => {
    const sim = await startKiccSimulator({ clock: testClock(T0), seed });
    sims.push(sim);
    return sim;
  };
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((sim) => sim.close()));
  });

  const numbersOf = (o: SimOriginal) => [
    o.aprvNo,
    o.vanTrxNo,
    o.cardConfirmNo,
    o.issFmCd,
    o.joShopNo,
  ];

  it('generates realistic numbers: 8-digit approval, 12-digit VAN number, masked card', async () => {
    const sim = await start(1);
    for (let i = 0; i < 50; i += 1) {
      const o = sim.approve();
      expect(o.aprvNo).toMatch(/^[1-9][0-9]{7}$/);
      expect(o.vanTrxNo).toMatch(/^[1-9][0-9]{11}$/);
      expect(o.cardConfirmNo).toMatch(/^[0-9]{4}-[0-9]{2}\*\*-\*\*\*\*-[0-9]{4}$/);
      expect(o.joShopNo).toMatch(/^[0-9]{10}$/);
      expect(ISSUER_NAMES).toContain(o.issFmNm);
    }
    const all = sim.ledger.originals();
    expect(new Set(all.map((o) => o.vanTrxNo)).size).toBe(all.length);
    expect(new Set(all.map((o) => o.aprvNo)).size).toBe(all.length);
  });

  it('knows the nine card companies, with KB국민카드 under the seed example code 06', () => {
    expect(CARD_ISSUERS.map((c) => c.issFmNm).sort()).toEqual([...ISSUER_NAMES].sort());
    expect(CARD_ISSUERS.find((c) => c.issFmCd === '06')?.issFmNm).toBe('KB국민카드');
  });

  it('is deterministic: the same seed gives the same numbers, another seed others', async () => {
    const [a, b, c] = [await start(5), await start(5), await start(6)];
    const run = (sim: KiccSimulator) => [1, 2, 3].map(() => numbersOf(sim.approve()));
    const first = run(a);
    expect(run(b)).toEqual(first);
    expect(run(c)).not.toEqual(first);
  });

  it('stamps dates and times in KST from the injected clock', async () => {
    // 2024-03-15 23:59:59.500 UTC is already 2024-03-16 08:59:59 in Korea.
    const clock = testClock(Date.UTC(2024, 2, 15, 23, 59, 59, 500));
    const sim = await startKiccSimulator({ clock });
    sims.push(sim);
    const o = sim.approve();
    expect([o.aprvDt, o.aprvTm, o.cndDt, o.cndTm]).toEqual([
      '20240316',
      '085959',
      '20240316',
      '090000',
    ]);
    expect(o.mercTrxNo).toBe('ORD_20240316_0001');
  });

  it('approves in the past from code, for window tests', async () => {
    const sim = await start(1);
    const o = sim.approve({ at: T0 - 10 * DAY, trxAmt: 50_000, alotMonth: '03', issFmCd: '07' });
    expect(o).toMatchObject({
      aprvDt: '20240305',
      trxAmt: 50_000,
      vatAmt: 4545,
      alotMonth: '03',
      issFmNm: '신한카드',
      status: 'approved',
    });
  });

  const badInputs: [string, Parameters<KiccSimulator['approve']>[0]][] = [
    ['a zero amount', { trxAmt: 0 }],
    ['VAT above the total', { trxAmt: 100, vatAmt: 200 }],
    ['a one-digit installment', { alotMonth: '3' }],
  ];
  it.each(badInputs)('throws on %s from code (a bug in the caller)', async (_name, input) => {
    const sim = await start(1);
    expect(() => sim.approve(input)).toThrow(RangeError);
  });

  it('throws on a mercTrxNo already used that day', async () => {
    const sim = await start(1);
    sim.approve({ mercTrxNo: 'ORD_X' });
    expect(() => sim.approve({ mercTrxNo: 'ORD_X' })).toThrow(/already used/);
  });

  it('approves over HTTP (reqAprv) with the seed response fields', async () => {
    const sim = await start(1);
    const sent = kstDateTime(T0);
    const request = {
      ...sim.merchant,
      mercTrxNo: 'ORD_20240315_0100',
      alotMonth: '00',
      trxAmt: 10_000,
      vatAmt: 909,
      svcAmt: 0,
      tranDt: sent.date,
      tranTm: sent.time,
    };
    const answer = await kicc(sim, 'approve', request, T0);
    expect(answer).toMatchObject({
      respCd: '0000',
      respMsg: '정상승인',
      mercTrxNo: request.mercTrxNo,
      trxDt: '20240315',
      trxTm: '143000',
      aprvNo: expect.stringMatching(/^[0-9]{8}$/),
      vanTrxNo: expect.stringMatching(/^[0-9]{12}$/),
    });
    expect(sim.ledger.original(String(answer.vanTrxNo))).toMatchObject({
      trxAmt: 10_000,
      status: 'approved',
    });
    expect((await kicc(sim, 'approve', request, T0)).respCd).toBe('S005');
  });
});
