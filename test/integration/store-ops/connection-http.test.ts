import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHttpStub } from '../kicc-client/stub-servers';
import type { StubServer } from '../kicc-client/stub-servers';
import { createWorld } from './world';
import type { StoreOpsWorld } from './world';

/**
 * Issue 11 finding 7, as the attack: '"Test connection" sends real credentials over plain http
 * to any loopback port'. A cashier's own listener on 127.0.0.1 saved as the API address (the
 * settings allow http://127.0.0.1 for a simulator in training) received the channel id and a
 * signed request. Now only https, or the app's own simulator, is ever called.
 */
let w: StoreOpsWorld;
let listener: StubServer | undefined;
beforeAll(async () => {
  w = await createWorld();
  await w.stack.becomeManager();
});
afterAll(() => w.close());
afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

async function configure(apiBaseUrl: string): Promise<void> {
  expect(
    await w.stack.call('settings.update', {
      apiBaseUrl,
      terminalId: w.sim.merchant.tid,
      serviceId: w.sim.merchant.svcId,
      businessNumber: w.sim.merchant.bizrNo,
    }),
  ).toMatchObject({ ok: true });
  expect(
    await w.stack.call('credentials.set', {
      channelId: w.sim.credentials.channelId,
      secretKey: w.sim.credentials.secretKey,
    }),
  ).toMatchObject({ ok: true });
}

describe('finding 7: test connection over plain http', () => {
  it('to a listener that is not the app’s simulator: refused, not one byte sent', async () => {
    listener = await startHttpStub((_req, res) => res.end('{"respCd":"S006"}'));
    await configure(listener.url);
    const answer = await w.stack.call('connection.test', {});
    expect(answer).toMatchObject({
      ok: true,
      value: {
        result: 'not-configured',
        httpStatus: null,
        message: { ko: expect.stringContaining('https'), en: expect.stringContaining('https') },
      },
    });
    expect(listener.requests).toEqual([]);
    expect(listener.connections()).toBe(0);
    const tested = w.storeOps.audit
      .list({ afterSeq: 0, limit: 1000 })
      .events.filter((e) => e.kind === 'connection.tested');
    expect(JSON.parse(tested.at(-1)?.details ?? '{}')).toMatchObject({
      result: 'not-configured',
    });
  });

  it('to the app’s own simulator: allowed (training)', async () => {
    await configure(w.sim.url);
    const before = w.sim.ledger.requests().length;
    expect(await w.stack.call('connection.test', {})).toMatchObject({
      ok: true,
      value: { result: 'ok', respCd: 'S006' },
    });
    expect(w.sim.ledger.requests().length).toBe(before + 1);
  });
});
