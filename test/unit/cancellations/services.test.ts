import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services, type ServicesConfig } from '../../../electron/services';
import { createManualTime } from '../../../electron/queue/scheduler';
import type { ServiceEvent } from '../../../electron/queue/status';
import { tempDir } from '../ledger/tmpLedger';
import {
  cancellationSchema,
  queueSummarySchema,
  receiptSchema,
} from '../../../shared/contract/models';
import { createFakeKicc } from './fakeKicc';
import { NOTHING_HAPPENED_CODES } from '../../../electron/kicc/simulator/result-codes';
import { T0, TERMINAL } from './harness';

/**
 * createServices over a scripted KICC (the simulator-backed tests are in
 * test/integration/engine/). Here: the input boundary of every service function, restart on the
 * same data folder, the status stream.
 */
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function start(dir?: string, at = T0) {
  const t = dir === undefined ? tempDir('services-') : { dir, remove: () => undefined };
  const time = createManualTime(at);
  const kicc = createFakeKicc(time.clock.now);
  const config: ServicesConfig = {
    dataDir: t.dir,
    kicc: {
      baseUrl: 'http://127.0.0.1:9',
      credentials: () => ({ channelId: 'c', secretKey: 's' }),
      // the fake answers with the simulator's placeholder codes: its refusals are confirmed
      confirmedRefusalCodes: () => NOTHING_HAPPENED_CODES,
    },
    terminal: TERMINAL,
    limits: { cashierMaxAmount: 500_000, offlineMaxCount: 10, offlineMaxTotal: 1_000_000 },
    verificationDeadlineMs: 86_400_000,
    clock: time.clock,
    random: () => 0.5,
    probe: false,
    queue: { scheduler: time.scheduler },
    kiccPort: kicc.port,
  };
  const services = createServices(config);
  let closed = false;
  const close = async () => {
    if (!closed) await services.close();
    closed = true;
  };
  cleanups.push(async () => {
    await close();
    t.remove();
  });
  return { services, kicc, time, dir: t.dir, close };
}

const PAPER = {
  orgAprvDt: '20240105',
  orgAprvNo: '30001234',
  wcc: 'T',
  cndTrxNo: 'V00000012345',
  alotMonth: '00',
  trxAmt: 10_000,
  vatAmt: 909,
  svcAmt: 0,
  cardConfirmNo: '1234-56**-****-1234',
} as const;

function counts(services: Services) {
  return services.ledger.db
    .prepare(
      `SELECT (SELECT count(*) FROM receipts) AS receipts, (SELECT count(*) FROM cancellations) AS cancellations,
              (SELECT count(*) FROM attempts) AS attempts, (SELECT count(*) FROM audit_events) AS audit`,
    )
    .get();
}

function request(receiptId: string, extra: Record<string, unknown> = {}) {
  return {
    clientRequestId: randomUUID(),
    receiptId,
    trxAmt: PAPER.trxAmt,
    vatAmt: PAPER.vatAmt,
    svcAmt: PAPER.svcAmt,
    reason: '고객 변심',
    ...extra,
  };
}

describe('bad input to every service function: a typed error, nothing written', () => {
  const BAD: [string, (s: Services) => unknown, unknown[]][] = [
    [
      'requestCancellation',
      (s) => s.requestCancellation,
      [
        undefined,
        null,
        'receipt 1',
        {},
        request('1', { clientRequestId: 'not-a-uuid' }),
        request('1', { trxAmt: -1 }),
        request('1', { vatAmt: 20_000 }),
        request('1', { reason: '' }),
        request('1', { receiptId: '../1' }),
        request('1', { extra: true }),
      ],
    ],
    [
      'getCancellation',
      (s) => s.getCancellation,
      [undefined, {}, { id: 1 }, { id: '' }, { id: '1; DROP' }],
    ],
    [
      'listCancellations',
      (s) => s.listCancellations,
      [null, { states: ['lost'] }, { from: '20230230' }, { limit: 0 }, { offset: -1 }, { what: 1 }],
    ],
    [
      'lookupReceipts',
      (s) => s.lookupReceipts,
      [
        undefined,
        {},
        { by: 'number' },
        { by: 'number', query: '' },
        { by: 'amount', from: '20240101', to: '20240102', amount: 0 },
        { by: 'vanTrxNo', vanTrxNo: '한글' },
      ],
    ],
    [
      'addReceipt',
      (s) => s.addReceipt,
      [
        undefined,
        {},
        { ...PAPER, orgAprvDt: '20230230' },
        { ...PAPER, wcc: 'X' },
        { ...PAPER, alotMonth: '1' },
        { ...PAPER, vatAmt: 10_001 },
        { ...PAPER, cardConfirmNo: '1234567812345678' }, // an unmasked card number
        { aprvNo: '1', aprvDt: '20240105', alotMonth: '00', trxAmt: 1, vatAmt: 0, svcAmt: 0 }, // no key
      ],
    ],
    [
      'retryNow',
      (s) => s.retryNow,
      [null, 'all', { cancellationId: 5 }, { cancellationId: '' }, { all: true }],
    ],
  ];

  it.each(BAD)('%s', async (_name, pick, inputs) => {
    const { services, kicc } = start();
    const before = counts(services);
    for (const input of inputs) {
      const fn = pick(services) as (input: unknown) => unknown;
      const result = (await fn(input)) as {
        ok: boolean;
        error?: { code: string; message: { ko: string; en: string } };
      };
      expect(result.ok, JSON.stringify(input)).toBe(false);
      expect(result.error?.code).toBe('invalid-request');
      expect(result.error?.message.ko).toBeTruthy();
    }
    expect(counts(services)).toEqual(before);
    expect(kicc.calls).toEqual([]);
  });

  it('an id that names nothing is not-found, and nothing is written', async () => {
    const { services } = start();
    const before = counts(services);
    expect(await services.requestCancellation(request('424242'))).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(services.getCancellation({ id: '99' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(services.retryNow({ cancellationId: '99' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(counts(services)).toEqual(before);
  });
});

describe('services over a scripted KICC', () => {
  it('adds a paper receipt, finds it by each key, cancels it, and shows the status on lookup', async () => {
    const { services } = start();
    const added = services.addReceipt(PAPER);
    expect(added).toMatchObject({
      ok: true,
      value: { vanTrxNo: PAPER.cndTrxNo, source: 'typed', cancellation: null },
    });
    if (!added.ok) return;
    for (const query of [
      { by: 'number', query: PAPER.cndTrxNo },
      { by: 'number', query: PAPER.orgAprvNo },
      { by: 'number', query: PAPER.orgAprvNo, aprvDt: PAPER.orgAprvDt },
      { by: 'amount', from: '20240101', to: '20240131', amount: 10_000, cardDigits: '1234' },
      { by: 'vanTrxNo', vanTrxNo: PAPER.cndTrxNo },
      { by: 'approval', aprvNo: PAPER.orgAprvNo, aprvDt: PAPER.orgAprvDt },
    ]) {
      expect(services.lookupReceipts(query), JSON.stringify(query)).toMatchObject({
        ok: true,
        value: { receipts: [{ id: added.value.id }] },
      });
    }
    const done = await services.requestCancellation(request(added.value.id), {
      requestedBy: 'kim',
    });
    expect(done).toMatchObject({
      ok: true,
      value: { state: 'cancelled', requestedBy: 'kim', attempts: 1 },
    });
    expect(services.lookupReceipts({ by: 'number', query: PAPER.cndTrxNo })).toMatchObject({
      ok: true,
      value: { receipts: [{ cancellation: { state: 'cancelled' } }] },
    });
    const detail = services.getCancellation({ id: done.ok ? done.value.id : '' });
    expect(detail.ok && detail.value.attemptLog.map((a) => [a.kind, a.class])).toEqual([
      ['cancel', 'ok'],
    ]);
  });

  it('merges a second entry of the same original, and refuses a contradicting one', () => {
    const { services } = start();
    const a = services.addReceipt(PAPER);
    const again = services.addReceipt({ ...PAPER, wcc: 'G', cndTrxNo: 'ORD_PAPER_1' });
    expect(again.ok && again.value.id).toBe(a.ok && a.value.id);
    expect(again.ok && again.value).toMatchObject({
      vanTrxNo: PAPER.cndTrxNo,
      mercTrxNo: 'ORD_PAPER_1',
    });
    // the same vanTrxNo with another amount: two different stories about one payment
    expect(services.addReceipt({ ...PAPER, trxAmt: 11_000, vatAmt: 1000 })).toMatchObject({
      ok: false,
      error: { code: 'receipt-conflict' },
    });
    expect(services.addReceipt({ ...PAPER, alotMonth: '03' })).toMatchObject({
      ok: false,
      error: { code: 'receipt-conflict' },
    });
  });

  it('refuses a second receipt for the same approval number and date under another key and amount (issue 13 finding 2)', () => {
    const { services } = start();
    expect(services.addReceipt(PAPER).ok).toBe(true);
    const before = counts(services);
    // typed from paper: the payment's merchant number, another amount
    const typed = { ...PAPER, wcc: 'G', cndTrxNo: 'ORD_OTHER_9', trxAmt: 90_000, vatAmt: 8_182 };
    expect(services.addReceipt(typed)).toMatchObject({
      ok: false,
      error: { code: 'receipt-conflict' },
    });
    // the import path: the same rule in the same place
    const imported = {
      mercTrxNo: 'ORD_OTHER_9',
      aprvNo: PAPER.orgAprvNo,
      aprvDt: PAPER.orgAprvDt,
      alotMonth: '00',
      trxAmt: 90_000,
      vatAmt: 8_182,
      svcAmt: 0,
    };
    expect(services.addReceipt(imported)).toMatchObject({
      ok: false,
      error: { code: 'receipt-conflict' },
    });
    // another VAN number for the same approval, same amount: a contradiction too
    expect(services.addReceipt({ ...PAPER, cndTrxNo: 'V99999999999' })).toMatchObject({
      ok: false,
      error: { code: 'receipt-conflict' },
    });
    expect(counts(services)).toEqual(before);
  });

  it('keeps two payments apart when two card issuers gave the same approval number on one day', () => {
    const { services } = start();
    const base = {
      aprvNo: '00001234',
      aprvDt: '20240105',
      alotMonth: '00',
      trxAmt: 10_000,
      vatAmt: 909,
      svcAmt: 0,
    };
    const a = services.addReceipt({ ...base, vanTrxNo: 'V00000000001', issuerCode: '06' });
    const b = services.addReceipt({
      ...base,
      vanTrxNo: 'V00000000002',
      trxAmt: 20_000,
      vatAmt: 1_818,
      issuerCode: '07',
    });
    expect(a.ok && b.ok && a.value.id !== b.value.id).toBe(true);
  });

  it('lists cancellations by state and Korea date, with a total', async () => {
    const { services, kicc } = start();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const r = services.addReceipt({
        ...PAPER,
        cndTrxNo: `V0000000000${i}`,
        orgAprvNo: `3000000${i}`,
      });
      if (r.ok) ids.push(r.value.id);
    }
    kicc.script('cancel', ['ok', 'rejected', 'in-doubt']);
    for (const id of ids) await services.requestCancellation(request(id));
    expect(services.listCancellations({})).toMatchObject({ ok: true, value: { total: 3 } });
    const rejected = services.listCancellations({ states: ['rejected'] });
    expect(rejected.ok && rejected.value.items.map((c) => [c.state, c.rejection?.respCd])).toEqual([
      ['rejected', 'S001'],
    ]);
    expect(services.listCancellations({ from: '20240106' })).toMatchObject({
      ok: true,
      value: { total: 0 },
    });
    expect(services.listCancellations({ from: '20240105', to: '20240105' })).toMatchObject({
      ok: true,
      value: { total: 3 },
    });
    const status = services.queueStatus();
    expect(status.ok && status.value.summary).toMatchObject({
      count: 1,
      totalAmount: 10_000,
      online: true,
      pausedReason: null,
    });
  });

  it('survives a restart on the same data folder: an exchange cut off by the restart is verified', async () => {
    const first = start();
    const r = first.services.addReceipt(PAPER);
    if (!r.ok) throw new Error('setup');
    first.kicc.hold(); // the answer never comes back...
    const pending = first.services.requestCancellation(request(r.value.id));
    await new Promise((resolve) => setImmediate(resolve));
    // ...the process dies: the ledger is closed under the exchange (what kill -9 leaves)
    first.services.ledger.close();
    first.kicc.release();
    await pending.catch(() => undefined);
    const second = start(first.dir);
    const [c] = second.services.ledger.cancellations.list({ limit: 1, offset: 0 });
    expect(c).toMatchObject({ state: 'in_doubt' });
    second.kicc.script('net-cancel', ['not-found']);
    const summary = await second.services.drain();
    expect(summary.count).toBe(0);
    expect(second.services.ledger.cancellations.get(c?.id ?? 0)?.state).toBe('cancelled');
    expect(second.kicc.calls.map((x) => x.kind)).toEqual(['net-cancel', 'cancel']);
  });

  it('verifies an item in doubt before its deadline after a restart that came a weekend later', async () => {
    const first = start();
    const r = first.services.addReceipt(PAPER);
    if (!r.ok) throw new Error('setup');
    first.kicc.script('cancel', ['in-doubt']);
    const asked = await first.services.requestCancellation(request(r.value.id));
    if (!asked.ok) throw new Error('setup');
    await first.close(); // the PC is switched off for the weekend
    const deadline = 86_400_000;
    const second = start(first.dir, T0 + 3 * deadline);
    const id = second.services.ledger.cancellations.list({ limit: 1, offset: 0 })[0]?.id ?? 0;
    second.kicc.script('net-cancel', ['not-found']);
    await second.services.drain();
    // at least one verification since the restart, not a hand-over to a manager without one
    expect(second.kicc.calls.map((x) => x.kind)).toEqual(['net-cancel', 'cancel']);
    expect(second.services.ledger.cancellations.get(id)?.state).toBe('cancelled');
  });

  it('counts the deadline of a doubt found at start-up from the restart: it still ends in needs_review', async () => {
    const first = start();
    const r = first.services.addReceipt(PAPER);
    if (!r.ok) throw new Error('setup');
    first.kicc.script('cancel', ['in-doubt']);
    await first.services.requestCancellation(request(r.value.id));
    await first.close();
    const deadline = 86_400_000;
    const restartAt = T0 + 3 * deadline;
    const second = start(first.dir, restartAt);
    const id = second.services.ledger.cancellations.list({ limit: 1, offset: 0 })[0]?.id ?? 0;
    second.kicc.script('net-cancel', Array<'not-sent'>(40).fill('not-sent')); // KICC unreachable
    second.time.advance(deadline - 1);
    await second.services.drain();
    expect(second.services.ledger.cancellations.get(id)?.state).toBe('in_doubt');
    second.time.advance(1);
    await second.services.drain();
    expect(second.services.ledger.cancellations.get(id)).toMatchObject({
      state: 'needs_review',
      note: 'verification-deadline',
    });
  });

  it('pushes every cancellation update, and queue summaries coalesced per turn', async () => {
    const { services, kicc } = start();
    const events: ServiceEvent[] = [];
    const stop = services.subscribe((e) => events.push(e));
    const r = services.addReceipt(PAPER);
    kicc.script('cancel', ['not-sent']);
    await services.requestCancellation(request(r.ok ? r.value.id : ''));
    await new Promise((resolve) => setImmediate(resolve));
    const updates = events.flatMap((e) =>
      e.type === 'cancellation.updated' ? [e.cancellation.state] : [],
    );
    expect(updates).toEqual(['sending', 'queued']);
    const summaries = events.filter((e) => e.type === 'queue.summary');
    // one per turn of the event loop at most: never one per change
    expect(summaries.length).toBeGreaterThanOrEqual(1);
    expect(summaries.length).toBeLessThanOrEqual(updates.length);
    expect(summaries.at(-1)).toMatchObject({ summary: { count: 1, online: false } });
    expect(events.filter((e) => e.type === 'connectivity.changed').at(-1)).toMatchObject({
      online: false,
    });
    stop();
    const seen = events.length;
    services.notifyOnline();
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toHaveLength(seen);
  });

  it('answers in the IPC contract shapes, so the IPC layer can pass them on', async () => {
    const { services, kicc } = start();
    const r = services.addReceipt(PAPER);
    expect(r.ok && receiptSchema.safeParse(r.value).success).toBe(true);
    kicc.script('cancel', ['ok', 'rejected', 'in-doubt']);
    for (const extra of [
      {},
      { cndTrxNo: 'V00000099999', orgAprvNo: '31111111' },
      { cndTrxNo: 'V00000088888', orgAprvNo: '32222222' },
    ]) {
      const receipt = services.addReceipt({ ...PAPER, ...extra });
      if (!receipt.ok) throw new Error('setup');
      const c = await services.requestCancellation(request(receipt.value.id));
      expect(c.ok && cancellationSchema.safeParse(c.value).error).toBeUndefined();
    }
    const status = services.queueStatus();
    expect(status.ok && queueSummarySchema.safeParse(status.value.summary).success).toBe(true);
    const looked = services.lookupReceipts({ by: 'number', query: PAPER.cndTrxNo });
    expect(
      looked.ok && looked.value.receipts.every((x) => receiptSchema.safeParse(x).success),
    ).toBe(true);
  });

  it('refuses to start on a data folder another process owns, and starts once it is free', async () => {
    const first = start();
    expect(() => start(first.dir)).toThrow(/locked/);
    await first.close();
    const second = start(first.dir);
    expect(second.services.queueStatus().ok).toBe(true);
  });

  it('after close, every function answers closed or does nothing', async () => {
    const { services, close } = start();
    await close();
    expect(await services.requestCancellation(request('1'))).toMatchObject({
      ok: false,
      error: { code: 'closed' },
    });
    expect(services.lookupReceipts({ by: 'number', query: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'closed' },
    });
    expect(services.addReceipt(PAPER)).toMatchObject({ ok: false, error: { code: 'closed' } });
    expect(() => services.notifyOnline()).not.toThrow();
  });
});
