import { describe, expect, it } from 'vitest';
import { createDesk } from '../../../renderer/stores/desk';
import { createLookupStore } from '../../../renderer/stores/lookup';
import { createNavStore, currentScreen } from '../../../renderer/stores/nav';
import { createQueueStore, isRetrying } from '../../../renderer/stores/queue';
import { createHistoryStore } from '../../../renderer/stores/history';
import type { PosResult } from '../../../shared/contract/errors';
import type { AppInfo } from '../../../shared/contract/models';
import { appInfo, cancellation, deferred, fakePos, okResult, receipt, summary } from '../fakePos';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('nav store', () => {
  it('keeps a stack so Esc returns where the cashier came from, look-up at the bottom', () => {
    const nav = createNavStore();
    nav.getState().go('queue');
    nav.getState().go('cancel');
    nav.getState().replace('outcome');
    expect(nav.getState().stack).toEqual(['lookup', 'queue', 'outcome']);
    nav.getState().back();
    expect(currentScreen(nav.getState())).toBe('queue');
    nav.getState().back();
    nav.getState().back();
    expect(nav.getState().stack).toEqual(['lookup']);
  });

  it('an outcome opened from history shows on top, and Esc returns to history', () => {
    const nav = createNavStore();
    nav.getState().go('cancel');
    nav.getState().replace('outcome');
    nav.getState().go('history');
    nav.getState().go('cancel'); // "open" on a history row
    nav.getState().replace('outcome');
    expect(nav.getState().stack).toEqual(['lookup', 'history', 'outcome']);
    nav.getState().back();
    expect(currentScreen(nav.getState())).toBe('history');
  });

  it('returns to a screen already open instead of stacking it again (F8 F9 F8)', () => {
    const nav = createNavStore();
    nav.getState().go('queue');
    nav.getState().go('history');
    nav.getState().go('queue');
    expect(nav.getState().stack).toEqual(['lookup', 'queue']);
  });

  it('saves the language when it is switched', () => {
    const saved: string[] = [];
    const nav = createNavStore('ko', (language) => saved.push(language));
    nav.getState().setLanguage('en');
    expect(nav.getState().language).toBe('en');
    expect(saved).toEqual(['en']);
  });

  it('closes the slip on any navigation', () => {
    const nav = createNavStore();
    nav.getState().setSlipOpen(true);
    nav.getState().home();
    expect(nav.getState().slipOpen).toBe(false);
  });
});

describe('lookup store', () => {
  it('asks main by number, with the approval date when it is complete', async () => {
    const fake = fakePos({ 'receipts.lookup': () => okResult({ receipts: [receipt()] }) });
    const lookup = createLookupStore(fake.pos);
    lookup.getState().setAprvDt('2023-12-25');
    await lookup.getState().search({ query: ' 12345678 ' });
    expect(fake.callsTo('receipts.lookup')).toEqual([
      { by: 'number', query: '12345678', aprvDt: '20231225' },
    ]);
    expect(lookup.getState()).toMatchObject({
      phase: 'done',
      searched: '12345678',
      results: [{ id: 'r1' }],
    });
  });

  it('keeps the newest search when an older answer arrives late', async () => {
    const fake = fakePos();
    const slow = deferred<PosResult<unknown>>();
    fake.handle('receipts.lookup', (payload) =>
      (payload as { query: string }).query === 'OLD1234'
        ? slow.promise
        : okResult({ receipts: [receipt({ id: 'new' })] }),
    );
    const lookup = createLookupStore(fake.pos);
    const old = lookup.getState().search({ query: 'OLD1234' });
    await lookup.getState().search({ query: 'NEW1234', scanned: true });
    slow.resolve(okResult({ receipts: [receipt({ id: 'old' })] }));
    await old;
    expect(lookup.getState()).toMatchObject({
      searched: 'NEW1234',
      scanned: true,
      results: [{ id: 'new' }],
    });
  });

  it('does not search for nothing', async () => {
    const fake = fakePos();
    await createLookupStore(fake.pos).getState().search({ query: '   ' });
    expect(fake.callsTo('receipts.lookup')).toEqual([]);
  });
});

describe('queue store', () => {
  it('loads the items and drops each as soon as it is final', async () => {
    const items = [
      cancellation({ id: 'q1', state: 'queued', cancelled: null }),
      cancellation({ id: 'q2', state: 'in_doubt', cancelled: null }),
    ];
    const fake = fakePos({
      'queue.status': () => okResult({ summary: summary({ count: 2 }), items }),
    });
    const queue = createQueueStore(fake.pos);
    await queue.getState().load();
    expect(queue.getState().items.map((i) => i.id)).toEqual(['q1', 'q2']);
    queue.getState().applyUpdate(cancellation({ id: 'q1', state: 'cancelled' }));
    queue
      .getState()
      .applyUpdate(cancellation({ id: 'q2', state: 'in_doubt', attempts: 3, cancelled: null }));
    expect(queue.getState().items.map((i) => [i.id, i.attempts])).toEqual([['q2', 3]]);
  });

  it('asks main to retry one or all, and marks them until the next update', async () => {
    const fake = fakePos();
    const queue = createQueueStore(fake.pos);
    await queue.getState().retryNow('q1');
    expect(isRetrying(queue.getState(), 'q1')).toBe(true);
    await queue.getState().retryNow();
    expect(fake.callsTo('queue.retryNow')).toEqual([{ cancellationId: 'q1' }, {}]);
    queue.getState().applyUpdate(cancellation({ id: 'q1', state: 'in_doubt', cancelled: null }));
    expect(isRetrying(queue.getState(), 'q1')).toBe(false);
  });
});

describe('history store', () => {
  it('loads a small first page, then the rest, never a row twice, and filters in the page', async () => {
    // 2,000 + 20,000 + 3 rows; the third page repeats one row (a new cancellation shifted it)
    const all = Array.from({ length: 22_003 }, (_, i) =>
      cancellation({ id: `h${i}`, orgAprvNo: String(10_000_000 + i) }),
    );
    const fake = fakePos({
      'cancellations.list': (payload) => {
        const { offset, limit } = payload as { offset: number; limit: number };
        const start = offset === 22_000 ? offset - 1 : offset;
        return okResult({ items: all.slice(start, offset + limit), total: all.length });
      },
    });
    const history = createHistoryStore(fake.pos);
    await history.getState().load();
    expect(fake.callsTo('cancellations.list')).toEqual([
      { offset: 0, limit: 2_000 },
      { offset: 2_000, limit: 20_000 },
      { offset: 22_000, limit: 20_000 },
    ]);
    expect(history.getState()).toMatchObject({ phase: 'ready', total: 22_003 });
    expect(history.getState().rows).toHaveLength(22_003);
    history.getState().setFilter({ text: '10021999' });
    expect([...history.getState().result.matches]).toEqual([21_999]);
  });

  // found by a review, 2026-12-06: pushes while the later pages loaded were dropped
  it("keeps main's pushes that arrive while the later pages load", async () => {
    const page2 = deferred<PosResult<unknown>>();
    const first = Array.from({ length: 2_000 }, (_, i) =>
      cancellation({ id: `h${i}`, receiptId: `r${i}` }),
    );
    first[0] = cancellation({ id: 'h0', state: 'rejected', cancelled: null, updatedAt: 10 });
    const fake = fakePos({
      'cancellations.list': (p) =>
        (p as { offset: number }).offset === 0
          ? okResult({ items: first, total: 2_001 })
          : page2.promise,
    });
    const history = createHistoryStore(fake.pos);
    const loading = history.getState().load();
    await flush();
    expect(history.getState().phase).toBe('more');
    const reopened = cancellation({
      id: 'h0',
      state: 'needs_review',
      cancelled: null,
      updatedAt: 20,
    });
    history.getState().applyUpdate(reopened);
    history.getState().applyUpdate(cancellation({ id: 'new', updatedAt: 30 })); // made meanwhile
    // an older word on the same one is not taken over the newer
    history.getState().applyUpdate(cancellation({ id: 'h0', state: 'rejected', updatedAt: 15 }));
    page2.resolve(okResult({ items: [cancellation({ id: 'h2000' })], total: 2_001 }));
    await loading;
    const byId = new Map(history.getState().rows.map((r) => [r.cancellation.id, r.cancellation]));
    expect(byId.get('h0')?.state).toBe('needs_review');
    expect(byId.has('new')).toBe(true);
    expect(history.getState()).toMatchObject({ phase: 'ready', total: 2_002 });
    expect(history.getState().rows).toHaveLength(2_002);
  });

  it('keeps live updates in the list once loaded', async () => {
    const items = [cancellation({ id: 'h1', orgAprvNo: '11110000' })];
    const fake = fakePos({ 'cancellations.list': () => okResult({ items, total: 1 }) });
    const history = createHistoryStore(fake.pos);
    await history.getState().load();
    history.getState().setFilter({ text: '2222' });
    expect(history.getState().result.matches).toHaveLength(0);
    history.getState().applyUpdate(cancellation({ id: 'h3', orgAprvNo: '22223333' }));
    expect(history.getState().rows.map((r) => r.cancellation.id)).toEqual(['h3', 'h1']);
    expect(history.getState().result.matches).toHaveLength(1);
  });
});

describe('desk wiring', () => {
  it("routes main's events to the status bar, the queue, the look-up and the outcome", async () => {
    const fake = fakePos({
      'receipts.lookup': () =>
        okResult({ receipts: [receipt({ cancellation: { id: 'c1', state: 'in_doubt' } })] }),
    });
    const desk = createDesk(fake.pos, { newId: () => '00000000-0000-4000-8000-000000000009' });
    const stop = desk.start();
    await flush();
    await desk.lookup.getState().search({ query: '12345678' });
    desk.cancel.getState().show(cancellation({ state: 'in_doubt', updatedAt: 1, cancelled: null }));

    fake.emit('connectivity.changed', { online: false, at: 5 });
    expect(desk.status.getState().online).toBe(false);
    fake.emit('queue.summary', summary({ count: 1, totalAmount: 10000, online: false }));
    expect(desk.status.getState().summary?.count).toBe(1);
    fake.emit('cancellation.updated', cancellation({ state: 'cancelled', updatedAt: 2 }));
    expect(desk.cancel.getState().cancellation?.state).toBe('cancelled');
    expect(desk.lookup.getState().results[0]?.cancellation?.state).toBe('cancelled');
    fake.emit('cancellation.updated', { not: 'a cancellation' }); // dropped by the factory
    expect(desk.cancel.getState().cancellation?.state).toBe('cancelled');

    stop();
    fake.emit('connectivity.changed', { online: true, at: 6 });
    expect(desk.status.getState().online).toBe(false);
  });

  it('takes the saved language from main at start', async () => {
    const fake = fakePos({ 'app.info': () => okResult(appInfo({ mode: 'live', language: 'en' })) });
    const desk = createDesk(fake.pos);
    desk.start();
    await flush();
    expect(desk.nav.getState().language).toBe('en');
    expect(desk.status.getState().info?.mode).toBe('live');
  });

  it('a switch made before main answered stands: the saved language does not undo it', async () => {
    const info = deferred<PosResult<AppInfo>>();
    const fake = fakePos({ 'app.info': () => info.promise });
    const desk = createDesk(fake.pos);
    desk.start();
    await flush();
    desk.nav.getState().setLanguage('en'); // F7, while main is still reading its settings
    info.resolve(okResult(appInfo({ mode: 'live', language: 'ko' })));
    await flush();
    expect(desk.status.getState().info?.mode).toBe('live');
    expect(desk.nav.getState().language).toBe('en');
  });
});
