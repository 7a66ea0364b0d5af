import { afterEach, describe, expect, it } from 'vitest';
import { createBackoff } from '../../../electron/queue/backoff';
import { createQueue } from '../../../electron/queue/queue';
import { createManualTime } from '../../../electron/queue/scheduler';
import { T0, workflowHarness } from '../cancellations/harness';

/**
 * The queue with a manual clock and scheduler: nothing here waits for real time. Back-off has no
 * jitter in these tests (random = 0: half the step), so every retry time is exact.
 */
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function setup(
  options: {
    concurrency?: number;
    probe?: () => Promise<boolean>;
    deadlineMs?: number;
    /** the harness's exposure limits (3 items, 50,000 won) otherwise */
    offlineMaxCount?: number;
  } = {},
) {
  const time = createManualTime(T0);
  const retryDelay = createBackoff({ baseMs: 2000, maxMs: 60_000, random: () => 0 });
  let queue: ReturnType<typeof createQueue> | null = null;
  const h = workflowHarness({
    clock: time.clock,
    retryDelay,
    verificationDeadlineMs: options.deadlineMs ?? 3_600_000,
    exposureApplies: () => queue?.isDegraded() ?? false,
    ...(options.offlineMaxCount === undefined
      ? {}
      : {
          limits: {
            cashierMaxAmount: 1_000_000,
            offlineMaxCount: options.offlineMaxCount,
            offlineMaxTotal: 50_000,
          },
        }),
    observer: {
      cancellationChanged: () => undefined,
      connectivity: (s, answered, settled) => queue?.signal(s, answered, settled),
    },
  });
  const errors: unknown[] = [];
  queue = createQueue({
    ledger: h.ledger,
    workflow: h.workflow,
    clock: time.clock,
    scheduler: time.scheduler,
    concurrency: options.concurrency ?? 4,
    verificationDeadlineMs: options.deadlineMs ?? 3_600_000,
    ...(options.probe ? { probe: options.probe } : {}),
    probeDelay: createBackoff({ baseMs: 10_000, maxMs: 60_000, random: () => 0 }),
    onChange: () => undefined,
    onError: (e) => errors.push(e),
  });
  const q = queue;
  cleanups.push(async () => {
    await q.close();
    await h.workflow.close();
    h.remove();
    expect(errors).toEqual([]);
  });
  /**
   * Moves time forward timer by timer, letting the steps each timer starts finish before the
   * next (what real time does: an exchange completes before the next timer is due).
   */
  const advance = async (ms: number) => {
    const until = time.clock.now() + ms;
    for (;;) {
      await flush();
      await q.whenIdle();
      const next = time.nextAt();
      if (next === null || next > until) break;
      time.advance(Math.max(0, next - time.clock.now()));
    }
    time.advance(until - time.clock.now());
    await flush();
    await q.whenIdle();
  };
  const request = async (cls: Parameters<typeof h.kicc.script>[1][number]) => {
    const r = h.receipt();
    h.kicc.script('cancel', [cls]);
    const result = await h.workflow.request(h.input(r.id));
    if (!result.ok) throw new Error(result.error.code);
    q.kick();
    return result.value;
  };
  const state = (id: number) => h.ledger.cancellations.get(id);
  return { h, time, queue: q, advance, request, state, errors };
}

describe('back-off', () => {
  it('retries a queued item at its back-off time, doubling each time, never sooner', async () => {
    const { h, queue, advance, request, state } = setup();
    const c = await request('not-sent');
    h.kicc.script('cancel', ['not-sent', 'not-sent', 'ok']);
    queue.notifyOnline(); // the shell says we are online: the item is due now...
    await advance(0);
    // ...and each not-sent makes the queue try again after 1 s, 2 s, 4 s (step/2, no jitter)
    const sends = () => h.kicc.calls.filter((x) => x.kind === 'cancel').length;
    expect(sends()).toBe(2);
    queue.notifyOnline();
    await advance(0);
    expect(sends()).toBe(3);
    expect(state(c.id)?.nextTryAt).toBe(T0 + 4000);
    await advance(3999);
    expect(sends()).toBe(3);
    await advance(1);
    expect(sends()).toBe(4);
    expect(state(c.id)?.state).toBe('cancelled');
  });

  it('verifies an in-doubt item at its back-off time without any signal', async () => {
    const { h, advance, request, state } = setup();
    const c = await request('in-doubt');
    expect(state(c.id)?.nextTryAt).toBe(T0 + 1000);
    await advance(999);
    expect(h.kicc.calls).toHaveLength(1);
    await advance(1);
    expect(h.kicc.calls.map((x) => x.kind)).toEqual(['cancel', 'net-cancel', 'cancel']);
    expect(state(c.id)?.state).toBe('cancelled');
  });

  it('uses jitter from the injected random source, within half a step to a full step', () => {
    const values = [0, 0.5, 0.999];
    for (const r of values) {
      const delay = createBackoff({ baseMs: 1000, maxMs: 8000, random: () => r });
      expect(delay(1)).toBe(Math.round(500 + r * 500));
      expect(delay(3)).toBe(Math.round(2000 + r * 2000));
      expect(delay(30)).toBe(Math.round(4000 + r * 4000)); // capped at maxMs
    }
  });
});

describe('bounded concurrency', () => {
  it('never has more than `concurrency` queue items in flight', async () => {
    // five in doubt in a row: past the harness's limit of 3 while KICC does not answer
    const { h, queue, request, advance } = setup({ concurrency: 2, offlineMaxCount: 10 });
    const items = [];
    for (let i = 0; i < 5; i += 1) items.push(await request('in-doubt'));
    h.kicc.hold();
    h.kicc.calls.length = 0;
    queue.retryNow();
    await flush();
    expect(h.kicc.pending()).toBe(2);
    expect(queue.summary().inFlight).toBe(2);
    for (let round = 0; round < 20 && h.kicc.pending() > 0; round += 1) {
      expect(h.kicc.pending()).toBeLessThanOrEqual(2);
      h.kicc.release();
      h.kicc.hold();
      await flush();
      await flush();
    }
    h.kicc.release();
    await advance(0);
    expect(items.map((c) => h.ledger.cancellations.get(c.id)?.state)).toEqual(
      Array(5).fill('cancelled'),
    );
  });
});

describe('auth failure', () => {
  it('pauses the queue without touching any item, and resumes on retry now', async () => {
    const { h, queue, request, advance, state } = setup();
    const b = await request('in-doubt');
    const a = await request('not-sent');
    h.kicc.script('cancel', ['auth']);
    h.kicc.script('net-cancel', ['auth']);
    queue.notifyOnline();
    await advance(0);
    expect(queue.summary()).toMatchObject({ pausedReason: 'auth', count: 2 });
    const before = [state(a.id), state(b.id)];
    const calls = h.kicc.calls.length;
    await advance(3_000_000); // long past every back-off: still nothing is sent
    expect(h.kicc.calls.length).toBe(calls);
    expect([state(a.id), state(b.id)]).toEqual(before);
    expect(queue.isDegraded()).toBe(true);
    queue.retryNow(); // the manager fixed the credentials
    await advance(0);
    expect([state(a.id)?.state, state(b.id)?.state]).toEqual(['cancelled', 'cancelled']);
    expect(queue.summary()).toMatchObject({ pausedReason: null, count: 0 });
  });
});

describe('auth pause: only a real KICC answer or retry now lifts it', () => {
  it.each([
    { second: 'in-doubt', paused: 'auth' },
    { second: 'not-sent', paused: 'auth' },
    { second: 'retryable', paused: null },
    { second: 'rejected', paused: null },
  ] as const)(
    'a 401 then $second on the other item in flight -> paused: $paused',
    async ({ second, paused }) => {
      const { h, queue, request, advance, state } = setup();
      const a = await request('not-sent');
      await request('not-sent');
      const before = state(a.id);
      h.kicc.script('cancel', ['auth', second]);
      h.kicc.hold();
      queue.retryNow(); // both resent at once
      await flush();
      expect(h.kicc.pending()).toBe(2);
      h.kicc.release();
      await advance(0);
      expect(queue.summary().pausedReason).toBe(paused);
      if (paused === 'auth') {
        // the 401 left its item as it was when sent: no try counted, no back-off added
        expect(state(a.id)).toMatchObject({ state: 'queued', tries: before?.tries, nextTryAt: T0 });
      }
    },
  );
});

describe('a step that fails before its exchange', () => {
  it('backs the item off like a failed try instead of making it due again at once', async () => {
    const { h, queue, request, advance, state, errors } = setup();
    const c = await request('not-sent');
    const begin = h.ledger.attempts.begin.bind(h.ledger.attempts);
    let failures = 50; // a ledger write that throws (a bug, a disk refusing)
    let begun = 0;
    h.ledger.attempts.begin = (attempt) => {
      begun += 1;
      if (failures > 0) {
        failures -= 1;
        throw new Error('disk says no');
      }
      return begin(attempt);
    };
    queue.retryNow();
    await advance(0);
    expect(begun).toBe(1); // not a tight loop of immediate retries
    expect(errors.splice(0)).toHaveLength(1);
    expect(state(c.id)).toMatchObject({ state: 'queued', tries: 2, nextTryAt: T0 + 2000 });
    failures = 0;
    await advance(1999);
    expect(begun).toBe(1);
    await advance(1);
    expect(state(c.id)?.state).toBe('cancelled');
  });
});

describe('connectivity', () => {
  it('stops trying while offline, probes with back-off, and works everything when the probe answers', async () => {
    let reachable = false;
    let probes = 0;
    const { h, advance, request, state, queue } = setup({
      probe: async () => {
        probes += 1;
        return reachable;
      },
    });
    const a = await request('not-sent');
    expect(queue.summary().online).toBe(false);
    const b = await request('not-sent');
    await advance(60_000);
    expect(h.kicc.calls).toHaveLength(2); // items wait; only the probe runs
    expect(probes).toBeGreaterThanOrEqual(2);
    reachable = true;
    await advance(60_000);
    expect([state(a.id)?.state, state(b.id)?.state]).toEqual(['cancelled', 'cancelled']);
    expect(queue.summary().online).toBe(true);
  });

  it('notifyOffline stops, notifyOnline works every waiting item at once', async () => {
    const { h, queue, advance, request, state } = setup();
    const c = await request('in-doubt');
    queue.notifyOffline();
    await advance(0);
    expect(queue.summary().online).toBe(false);
    queue.notifyOnline();
    await advance(0);
    expect(state(c.id)?.state).toBe('cancelled');
    expect(h.kicc.calls).toHaveLength(3);
  });

  it('retryNow for one item leaves the others at their back-off', async () => {
    const { h, queue, advance, request, state } = setup();
    const a = await request('in-doubt');
    h.kicc.script('net-cancel', ['in-doubt']);
    await advance(1000); // a: verified, still in doubt, next try in 2 s
    const b = await request('in-doubt');
    queue.retryNow(b.id);
    await advance(0);
    expect(state(b.id)?.state).toBe('cancelled');
    expect(state(a.id)?.state).toBe('in_doubt');
  });
});

describe('resume from sleep / window focus (notifyResume)', () => {
  it('online: keeps the back-off of an item whose last exchange was answered', async () => {
    const { h, queue, advance, request, state } = setup();
    const c = await request('in-doubt');
    h.kicc.script('net-cancel', ['retryable']); // KICC answered S999: verify again after back-off
    await advance(1000);
    const waiting = state(c.id);
    expect(waiting).toMatchObject({ state: 'in_doubt', nextTryAt: T0 + 1000 + 2000 });
    const calls = h.kicc.calls.length;
    queue.notifyResume(); // a cashier focusing the window
    await advance(0);
    expect(h.kicc.calls.length).toBe(calls);
    expect(state(c.id)).toEqual(waiting);
  });

  it('offline with a probe: probes at once instead of waiting for the probe back-off', async () => {
    let probes = 0;
    const { queue, advance, request } = setup({
      probe: async () => {
        probes += 1;
        return false;
      },
    });
    await request('not-sent');
    await advance(0);
    const before = probes;
    queue.notifyResume();
    await advance(0);
    expect(probes).toBe(before + 1);
  });
});

describe('verification deadline', () => {
  it('moves an item that cannot be verified to needs_review when the deadline passes, even offline', async () => {
    const { h, queue, advance, request, state } = setup({
      deadlineMs: 600_000,
      probe: async () => false,
    });
    const c = await request('in-doubt');
    queue.notifyOffline();
    await advance(599_999);
    expect(state(c.id)?.state).toBe('in_doubt');
    await advance(1);
    expect(state(c.id)).toMatchObject({ state: 'needs_review', note: 'verification-deadline' });
    expect(h.kicc.calls).toHaveLength(1);
  });
});

describe('close', () => {
  it('leaves no timer behind and starts nothing after', async () => {
    const { h, time, queue, request } = setup();
    await request('in-doubt');
    expect(time.pending()).toBeGreaterThan(0);
    await queue.close();
    expect(time.pending()).toBe(0);
    time.advance(10_000_000);
    await flush();
    expect(h.kicc.calls).toHaveLength(1);
  });

  it('waits for the steps in flight to be recorded', async () => {
    const { h, queue, request, state } = setup();
    const c = await request('in-doubt');
    h.kicc.hold();
    queue.retryNow();
    await flush();
    const closing = queue.close();
    h.kicc.release();
    await closing;
    await h.workflow.close();
    expect(state(c.id)?.state).toBe('cancelled');
    expect(h.ledger.attempts.sending()).toEqual([]);
  });
});

describe('8. One ledger error stalls the queue', () => {
  it('an exception in a queue pass (due(), the deadline pass) is caught, logged, and the next pass is still scheduled', async () => {
    const { h, time, queue, advance, request, state, errors } = setup();
    const c = await request('in-doubt'); // due at T0 + 1 s
    const due = h.ledger.cancellations.due.bind(h.ledger.cancellations);
    const expire = h.workflow.expireDeadlines;
    let dueFails = 1;
    let expireFails = 1;
    h.ledger.cancellations.due = (now, limit) => {
      if (dueFails > 0) {
        dueFails -= 1;
        throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
      }
      return due(now, limit);
    };
    h.workflow.expireDeadlines = () => {
      if (expireFails > 0) {
        expireFails -= 1;
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      }
      return expire();
    };
    // the timer fires into the failing passes (the deadline pass, then due()): nothing escapes
    // into the timer, each error is logged, and a pass is still scheduled
    expect(() => time.advance(1000)).not.toThrow();
    expect(errors.splice(0).map((e) => (e as { code?: string }).code)).toEqual([
      'SQLITE_FULL',
      'SQLITE_IOERR',
    ]);
    expect(time.pending()).toBeGreaterThan(0);
    expect(h.kicc.calls).toHaveLength(1);
    expect(() => queue.kick()).not.toThrow();
    // the queue goes on by itself: the item is verified at the next pass
    await advance(60_000);
    expect(state(c.id)?.state).toBe('cancelled');
  });
});

describe('a KICC that takes requests and settles none of them (exposure limits)', () => {
  it('an exchange left in doubt makes the queue degraded until KICC settles something again', async () => {
    const { h, queue, request, advance, state } = setup();
    expect(queue.isDegraded()).toBe(false);
    const c = await request('in-doubt');
    expect(queue.isDegraded()).toBe(true);
    // still online: the item is verified at its back-off, nothing waits for a probe
    expect(queue.isOnline()).toBe(true);
    h.kicc.script('net-cancel', ['in-doubt', 'not-found']);
    h.kicc.script('cancel', ['ok']);
    await advance(1000); // the first verification: unanswered as well
    expect(queue.isDegraded()).toBe(true);
    await advance(2000); // the second: S006, then the fresh attempt's 0000
    expect(state(c.id)?.state).toBe('cancelled');
    expect(queue.isDegraded()).toBe(false);
  });

  it('S999 ("outcome unknown") settles nothing either', async () => {
    const { queue, request } = setup();
    await request('retryable');
    expect(queue.isDegraded()).toBe(true);
  });

  it.each(['rejected', 'landed'] as const)(
    'an answer that settles something (%s) after an unsettled exchange ends the degraded state',
    async (cls) => {
      const { queue, request } = setup();
      await request('in-doubt');
      expect(queue.isDegraded()).toBe(true);
      await request(cls);
      expect(queue.isDegraded()).toBe(false);
    },
  );

  it('retry now ends it, as it ends the belief that KICC is offline', async () => {
    const { h, queue, request } = setup();
    await request('in-doubt');
    h.kicc.hold(); // the verification retry now starts stays in flight
    queue.retryNow();
    const degraded = queue.isDegraded();
    h.kicc.release(); // before the assertion: a failing test must not leave an exchange held
    expect(degraded).toBe(false);
  });

  it('only while items wait to be settled: a verification left in doubt, then handed to a manager at its deadline, does not block the desk for good', async () => {
    const { h, queue, request, advance, state } = setup({ deadlineMs: 600_000 });
    h.kicc.script('net-cancel', Array<'in-doubt'>(50).fill('in-doubt'));
    const c = await request('in-doubt');
    await advance(600_000); // every verification unanswered; the deadline: needs_review
    expect(state(c.id)?.state).toBe('needs_review');
    expect(queue.isDegraded()).toBe(false);
  });
});

describe('exposure limits while KICC leaves every exchange unanswered', () => {
  it('the fourth cancellation in doubt is refused (limit 3), and accepted again once KICC answers', async () => {
    const { h, request, advance, queue } = setup();
    for (let i = 0; i < 3; i += 1) await request('in-doubt');
    const r = h.receipt();
    const refused = await h.workflow.request(h.input(r.id));
    expect(refused).toMatchObject({ ok: false, error: { code: 'exposure-limit' } });
    h.kicc.script('net-cancel', ['not-found', 'not-found', 'not-found']);
    h.kicc.script('cancel', ['ok', 'ok', 'ok']);
    await advance(1000);
    expect(queue.isDegraded()).toBe(false);
    h.kicc.script('cancel', ['ok']);
    const accepted = await h.workflow.request(h.input(r.id));
    expect(accepted.ok && accepted.value.state).toBe('cancelled');
  });

  it('S999 to every reqCancel: the fourth is refused too', async () => {
    const { h, request } = setup();
    h.kicc.script('net-cancel', Array<'retryable'>(20).fill('retryable'));
    for (let i = 0; i < 3; i += 1) await request('retryable');
    const refused = await h.workflow.request(h.input(h.receipt().id));
    expect(refused).toMatchObject({ ok: false, error: { code: 'exposure-limit' } });
  });
});
