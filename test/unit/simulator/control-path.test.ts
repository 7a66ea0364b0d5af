import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KiccSimulator } from '../../../electron/kicc/simulator';
import { startKiccSimulator } from '../../../electron/kicc/simulator';
import type { Exchange } from './sim-http';
import { cancelOf, send, signed, T0, testClock } from './sim-http';

describe('simulator control path /__sim/', () => {
  let sim: KiccSimulator;
  beforeEach(async () => {
    sim = await startKiccSimulator({ clock: testClock(T0), sampleReceipts: true });
  });
  afterEach(() => sim.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    send(sim.url, `/__sim/${path}`, '', headers, 'GET');
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    send(sim.url, `/__sim/${path}`, JSON.stringify(body), headers);
  const json = (exchange: Exchange): unknown => {
    if (exchange.kind !== 'answer') throw new Error(`no answer: ${exchange.code}`);
    return JSON.parse(exchange.body) as unknown;
  };

  it('answers health with the clock and the settings, and no secret', async () => {
    const exchange = await get('health');
    expect(exchange).toMatchObject({ kind: 'answer', status: 200 });
    expect(json(exchange)).toMatchObject({
      status: 'ok',
      now: T0,
      kst: { date: '20240315', time: '143000' },
      duplicateMode: 'reject',
      cancelWindowDays: 45,
    });
    expect(exchange.kind === 'answer' && exchange.body).not.toContain(sim.credentials.secretKey);
  });

  it('shows the ledger, including every request seen', async () => {
    await signed(sim, 'approve', '{}', T0);
    const ledger = json(await get('ledger')) as Record<string, unknown[]>;
    expect(ledger.originals).toHaveLength(12);
    expect(ledger.cancellations).toHaveLength(2);
    expect(ledger.netCancels).toEqual([]);
    expect(ledger.requests).toMatchObject([{ endpoint: 'approve', body: '{}', respCd: 'S008' }]);
  });

  it('lists the samples', async () => {
    expect(json(await get('samples'))).toEqual(sim.samples);
  });

  it('injects, lists and clears faults', async () => {
    const injected = await post('faults', {
      action: 'inject',
      endpoint: 'cancel',
      kind: 'http-503',
      count: 2,
    });
    expect(injected).toMatchObject({ status: 200 });
    expect(json(await get('faults'))).toEqual({
      counted: [{ endpoint: 'cancel', kind: 'http-503', remaining: 2 }],
      probabilities: [],
    });
    await post('faults', {
      action: 'probability',
      endpoint: 'any',
      kind: 'delay',
      p: 0.1,
      delayMs: 10,
    });
    expect(sim.faults.plan().probabilities).toEqual([
      { endpoint: 'any', kind: 'delay', p: 0.1, delayMs: 10 },
    ]);
    await post('faults', { action: 'clear' });
    expect(sim.faults.plan()).toEqual({ counted: [], probabilities: [] });
  });

  const badFaults: [string, unknown][] = [
    ['an unknown kind', { action: 'inject', endpoint: 'cancel', kind: 'meteor' }],
    ['an unknown endpoint', { action: 'inject', endpoint: 'refund', kind: 'http-500' }],
    [
      'a probability above 1',
      { action: 'probability', endpoint: 'cancel', kind: 'http-500', p: 2 },
    ],
    [
      'a contradictory commit',
      { action: 'inject', endpoint: 'cancel', kind: 'drop-before-commit', commit: true },
    ],
    ['no action', { endpoint: 'cancel', kind: 'http-500' }],
  ];
  it.each(badFaults)('answers 400 to a fault with %s', async (_name, body) => {
    expect(await post('faults', body)).toMatchObject({ status: 400 });
    expect(sim.faults.plan()).toEqual({ counted: [], probabilities: [] });
  });

  it('approves from the control path, and answers 400 to a bad approval', async () => {
    const made = json(await post('approve', { trxAmt: 77_000, alotMonth: '02' }));
    expect(made).toMatchObject({ trxAmt: 77_000, alotMonth: '02', status: 'approved' });
    expect(await post('approve', { trxAmt: -1 })).toMatchObject({ status: 400 });
    expect(await post('approve', { colour: 'red' })).toMatchObject({ status: 400 });
  });

  it('resets to the start state', async () => {
    const sample = sim.samples[0];
    if (sample === undefined) throw new Error('no samples');
    await signed(sim, 'cancel', JSON.stringify(cancelOf(sample.original, T0)), T0);
    expect(await post('reset', {})).toMatchObject({ status: 200 });
    expect(sim.samples[0]?.original.status).toBe('approved');
    expect(sim.ledger.requests()).toEqual([]);
  });

  it('refuses connections for a while on request, after answering', async () => {
    expect(await post('faults', { action: 'refuse', forMs: 60_000 })).toMatchObject({
      status: 200,
    });
    expect(await get('health')).toMatchObject({ kind: 'broken', code: 'ECONNREFUSED' });
  });

  const foreign: [string, Record<string, string>][] = [
    ['a web page (Origin header)', { Origin: 'https://example.com' }],
    ['a rebound DNS name (Host header)', { Host: 'attacker.example:80' }],
  ];
  it.each(foreign)('refuses %s with 403', async (_name, headers) => {
    expect(await post('reset', {}, headers)).toMatchObject({ status: 403, body: '' });
    expect(await get('ledger', headers)).toMatchObject({ status: 403 });
  });

  it('accepts Host localhost:<port>', async () => {
    expect(await get('health', { Host: `localhost:${sim.port}` })).toMatchObject({ status: 200 });
  });

  it('answers 404 to an unknown control route', async () => {
    expect(await get('secrets')).toMatchObject({ status: 404 });
  });
});
