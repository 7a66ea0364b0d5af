import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionTest } from '../../../shared/contract';
import { createWorld } from './world';
import type { StoreOpsWorld } from './world';

/**
 * Issue 6 "a test connection that makes a harmless signed call and explains the result in plain
 * words": with the saved settings and credentials, against the simulator on loopback.
 */
let w: StoreOpsWorld;
beforeAll(async () => {
  w = await createWorld();
  await w.stack.becomeManager();
});
afterAll(() => w.close());

async function configure(apiBaseUrl: string, secretKey: string): Promise<void> {
  const settings = await w.stack.call('settings.update', {
    apiBaseUrl,
    terminalId: w.sim.merchant.tid,
    serviceId: w.sim.merchant.svcId,
    businessNumber: w.sim.merchant.bizrNo,
  });
  expect(settings).toMatchObject({ ok: true });
  const saved = await w.stack.call('credentials.set', {
    channelId: w.sim.credentials.channelId,
    secretKey,
  });
  expect(saved).toMatchObject({ ok: true });
}

async function test(): Promise<ConnectionTest> {
  const answer = await w.stack.call('connection.test', {});
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.value as ConnectionTest;
}

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('test connection', () => {
  it('nothing saved yet: says what is missing, calls nobody', async () => {
    const requests = w.sim.ledger.requests().length;
    expect(await test()).toMatchObject({
      result: 'not-configured',
      message: { ko: expect.stringContaining('KICC 접속 주소') },
    });
    expect(w.sim.ledger.requests().length).toBe(requests);
  });

  it('a healthy KICC and good credentials: ok, and nothing changes at KICC', async () => {
    await configure(w.sim.url, w.sim.credentials.secretKey);
    const receipt = await w.receipt({ trxAmt: 1 });
    const result = await test();
    expect(result).toMatchObject({
      result: 'ok',
      respCd: 'S006',
      httpStatus: 200,
      apiBaseUrl: w.sim.url,
    });
    const last = w.sim.ledger.requests().at(-1);
    expect(last).toMatchObject({ endpoint: 'netCancel' });
    // even an original of 1 won stays approved: the test reverses nothing
    expect(w.sim.ledger.original(receipt.vanTrxNo ?? '')?.status).toBe('approved');
  });

  it('a wrong secret key: the credentials are refused (401), in plain words', async () => {
    await configure(w.sim.url, 'not-the-secret-key-at-all');
    const result = await test();
    expect(result).toMatchObject({
      result: 'credentials-refused',
      httpStatus: 401,
      message: { ko: expect.stringContaining('인증 정보를 거부') },
    });
    expect(JSON.stringify(result)).not.toContain('not-the-secret-key-at-all');
  });

  it('nobody listening at the address: unreachable', async () => {
    await configure(`https://127.0.0.1:${await closedPort()}`, w.sim.credentials.secretKey);
    expect(await test()).toMatchObject({ result: 'unreachable', httpStatus: null, respCd: null });
  });

  it('every test is in the audit log, without any credential', async () => {
    const events = w.storeOps.audit.list({ afterSeq: 0, limit: 1000 }).events;
    const tests = events.filter((e) => e.kind === 'connection.tested');
    expect(tests.map((e) => JSON.parse(e.details).result)).toEqual([
      'not-configured',
      'ok',
      'credentials-refused',
      'unreachable',
    ]);
    const credentials = events.filter((e) => e.kind === 'credentials.set');
    expect(credentials.length).toBe(3);
    expect(JSON.stringify(events)).not.toContain(w.sim.credentials.secretKey);
    expect(JSON.stringify(events)).not.toContain('not-the-secret-key-at-all');
  });
});
