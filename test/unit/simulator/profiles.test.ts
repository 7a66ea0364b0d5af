import { afterEach, describe, expect, it } from 'vitest';
import { kstDateTime } from '../../../shared/kicc/time';
import type { KiccSimulator, SimOriginal } from '../../../electron/kicc/simulator';
import {
  KICC_PROFILE_NAMES,
  profileByName,
  startKiccSimulator,
  UNKNOWN_CODES,
} from '../../../electron/kicc/simulator';
import type { TestClock } from './sim-http';
import { cancelOf, DAY, kicc, MINUTE, netCancelOf, signed, T0, testClock } from './sim-http';

/**
 * The KICC profiles (electron/kicc/simulator/profiles.ts): each flips one [A] of KICC-API.md,
 * and does exactly that — checked here through the wire, as the app meets them.
 */
let sim: KiccSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(profile: string, clock: TestClock): Promise<[KiccSimulator, SimOriginal]> {
  sim = await startKiccSimulator({ clock, seed: 5, profile });
  return [sim, sim.approve({ trxAmt: 22_000 })];
}

describe('profile names', () => {
  it('every name resolves, combinations join with +, anything else is refused', async () => {
    for (const name of KICC_PROFILE_NAMES) expect(profileByName(name)).toBeDefined();
    expect(profileByName('slow-issuer+window-first')).toMatchObject({
      issuer: 'slow',
      netCancelOrder: 'window-first',
      codes: 'table',
    });
    expect(profileByName('slow-issuer+nope')).toBeUndefined();
    await expect(startKiccSimulator({ profile: 'nope' })).rejects.toThrow(/unknown KICC profile/);
  });
});

describe('unknown-codes: KICC answers with codes the app does not know', () => {
  it('maps every placeholder code but 0000, and says which ones mean "nothing happened"', async () => {
    const clock = testClock(T0);
    const [s, original] = await start('unknown-codes', clock);
    const first = cancelOf(original, clock.now());
    expect((await kicc(s, 'cancel', first, clock.now())).respCd).toBe('0000');
    const again = cancelOf(original, clock.now());
    expect((await kicc(s, 'cancel', again, clock.now())).respCd).toBe(UNKNOWN_CODES.S002);
    const none = cancelOf(original, clock.now(), { orgAprvNo: '99999999' });
    expect((await kicc(s, 'cancel', none, clock.now())).respCd).toBe(UNKNOWN_CODES.S001);
    expect(s.refusalCodes).toEqual(['E101', 'E103', 'E104', 'E108']);
    expect(s.ledger.requests().map((r) => r.respCd)).toEqual(['0000', 'E102', 'E101']);
  });

  it('as modelled, the refusal codes are the table codes', async () => {
    const [s] = await start('as-modelled', testClock(T0));
    expect(s.refusalCodes).toEqual(['S001', 'S003', 'S004', 'S008']);
  });
});

describe('window-first: the net-cancel window is checked before "already reversed"', () => {
  it.each([
    ['as-modelled', 'S006'],
    ['window-first', 'S007'],
  ])('%s: a reversed cancellation 40 minutes later answers %s', async (profile, code) => {
    const clock = testClock(T0);
    const [s, original] = await start(profile, clock);
    const lost = cancelOf(original, clock.now());
    await kicc(s, 'cancel', lost, clock.now());
    expect((await kicc(s, 'netCancel', netCancelOf(lost), clock.now())).respCd).toBe('0000');
    clock.advance(40 * MINUTE);
    expect((await kicc(s, 'netCancel', netCancelOf(lost), clock.now())).respCd).toBe(code);
    // either way the original stays approved again: S007 here is a lie about the past
    expect(s.ledger.original(original.vanTrxNo)?.status).toBe('approved');
  });

  it('within the window a reversed one is still S006 under window-first', async () => {
    const clock = testClock(T0);
    const [s, original] = await start('window-first', clock);
    const lost = cancelOf(original, clock.now());
    await kicc(s, 'cancel', lost, clock.now());
    await kicc(s, 'netCancel', netCancelOf(lost), clock.now());
    clock.advance(10 * MINUTE);
    expect((await kicc(s, 'netCancel', netCancelOf(lost), clock.now())).respCd).toBe('S006');
  });
});

describe('foreign-numbers: a fresh number of ours is owned by another transaction', () => {
  it('answers S005 to its first send; a net-cancel under it is refused (another payment: S003)', async () => {
    const clock = testClock(T0);
    sim = await startKiccSimulator({
      clock,
      seed: 5,
      profile: { numbers: 'foreign', foreignShare: 1 },
    });
    const original = sim.approve({ trxAmt: 22_000 });
    const ours = cancelOf(original, clock.now());
    expect((await kicc(sim, 'cancel', ours, clock.now())).respCd).toBe('S005');
    const foreign = sim.ledger.originals().filter((o) => o.foreign === true);
    expect(foreign).toMatchObject([{ mercTrxNo: ours.mercTrxNo, trxAmt: 23_000 }]);
    expect(sim.ledger.original(original.vanTrxNo)?.status).toBe('approved');
    // a reqRtran of ours under that number names another payment: refused, nothing reversed
    expect((await kicc(sim, 'netCancel', netCancelOf(ours), clock.now())).respCd).toBe('S003');
    expect(sim.ledger.netCancels()).toEqual([]);
  });

  it('with a share of 0 nothing is foreign', async () => {
    const clock = testClock(T0);
    sim = await startKiccSimulator({ clock, profile: { numbers: 'foreign', foreignShare: 0 } });
    const original = sim.approve();
    expect((await kicc(sim, 'cancel', cancelOf(original, clock.now()), clock.now())).respCd).toBe(
      '0000',
    );
  });
});

describe("tranDt-today: reqCancel's tranDt must be KICC's Korea date", () => {
  it.each([
    ['as-modelled', '0000'],
    ['tranDt-today', 'S008'],
  ])('%s: a request dated yesterday answers %s', async (profile, code) => {
    const clock = testClock(T0);
    const [s, original] = await start(profile, clock);
    const yesterday = cancelOf(original, clock.now() - DAY);
    const answer = await kicc(s, 'cancel', yesterday, clock.now());
    expect(answer.respCd).toBe(code);
    if (code === 'S008') expect(String(answer.respMsg)).toContain('tranDt');
  });

  it("today is accepted, and a net-cancel keeps its lost request's own date", async () => {
    const clock = testClock(T0);
    const [s, original] = await start('tranDt-today', clock);
    const lost = cancelOf(original, clock.now());
    expect((await kicc(s, 'cancel', lost, clock.now())).respCd).toBe('0000');
    clock.set(T0 + DAY); // a day later the lost request's date is yesterday's
    expect(kstDateTime(clock.now()).date).not.toBe(lost.tranDt);
    expect((await kicc(s, 'netCancel', netCancelOf(lost), clock.now())).respCd).toBe('S007');
  });
});

describe('slow-issuer: the cancel lands, its answer comes after the client gave up', () => {
  it('lateAnswerMs 0: committed, then the connection closes without an answer', async () => {
    const clock = testClock(T0);
    sim = await startKiccSimulator({ clock, profile: { issuer: 'slow', lateAnswerMs: 0 } });
    const original = sim.approve();
    const exchange = await signed(sim, 'cancel', JSON.stringify(cancelOf(original, T0)), T0);
    expect(exchange.kind).toBe('broken');
    expect(sim.ledger.original(original.vanTrxNo)?.status).toBe('cancelled');
  });

  it('a late answer arrives after the delay; reqRtran is not slow', async () => {
    const clock = testClock(T0);
    sim = await startKiccSimulator({ clock, profile: { issuer: 'slow', lateAnswerMs: 400 } });
    const original = sim.approve();
    const lost = cancelOf(original, T0);
    const gaveUp = await signed(sim, 'cancel', JSON.stringify(lost), T0, { giveUpAfterMs: 100 });
    expect(gaveUp).toMatchObject({ kind: 'broken', code: 'TIMEOUT' });
    expect(sim.ledger.original(original.vanTrxNo)?.status).toBe('cancelled');
    expect((await kicc(sim, 'netCancel', netCancelOf(lost), T0)).respCd).toBe('0000');
  });
});

describe('unparseable-200: a landed reqCancel answered with a number where KICC documents a String', () => {
  it('aprvNo comes as a JSON number; refusals are untouched', async () => {
    const clock = testClock(T0);
    const [s, original] = await start('unparseable-200', clock);
    const answer = await kicc(s, 'cancel', cancelOf(original, T0), T0);
    expect(answer).toMatchObject({ respCd: '0000', aprvNo: Number(original.aprvNo) });
    expect(s.ledger.original(original.vanTrxNo)?.status).toBe('cancelled');
    const again = await kicc(s, 'cancel', cancelOf(original, T0), T0);
    expect(again.respCd).toBe('S002');
  });
});

describe("clock-skew: KICC's clock 7 minutes from the PC's", () => {
  it('answers 401 with its own Date header; set in sync, it answers', async () => {
    const clock = testClock(T0);
    const [s, original] = await start('clock-skew', clock);
    const refused = await signed(s, 'cancel', JSON.stringify(cancelOf(original, T0)), T0);
    expect(refused).toMatchObject({ kind: 'answer', status: 401 });
    if (refused.kind !== 'answer') throw new Error('no answer');
    expect(Date.parse(refused.headers.date ?? '')).toBe(T0 + 7 * MINUTE);
    s.setClockOffset(0);
    const answered = await signed(s, 'cancel', JSON.stringify(cancelOf(original, T0)), T0);
    expect(answered).toMatchObject({ kind: 'answer', status: 200 });
    if (answered.kind === 'answer') expect(Date.parse(answered.headers.date ?? '')).toBe(T0);
  });
});
