import type { Clock } from '../../shared/clock';
import type { ConnectivitySignal } from '../cancellations/exchange';
import type { CancellationWorkflow } from '../cancellations/workflow';
import type { Ledger } from '../ledger/ledger';
import type { Scheduler } from './scheduler';

/**
 * The offline queue (DESIGN.md "The queue"): works `queued` and `in_doubt` cancellations when
 * KICC can be reached, with exponential back-off and jitter, a bounded number in flight, and a
 * pause (items untouched) while KICC refuses our credentials.
 *
 * Its state lives in the ledger (state, next_try_at, tries), so it survives restarts and power
 * loss; in memory it only knows whether KICC is reachable and what is in flight. Every timer goes
 * through the injected Scheduler; nothing runs after close().
 *
 * Connectivity comes from four places: every exchange's outcome (not-sent -> offline, auth ->
 * paused, anything else -> online), the optional probe while offline, the shell's signals
 * (online, offline, resume from sleep) and the cashier's "retry now".
 */

export interface QueueSummary {
  /** unresolved: queued + in_doubt */
  count: number;
  totalAmount: number;
  /** epoch ms the oldest unresolved cancellation was requested */
  oldestAt: number | null;
  nextTryAt: number | null;
  online: boolean;
  /**
   * 'auth': KICC refused our credentials; the queue waits for a manager (KICC-API.md 401/403).
   * 'clock-skew': KICC refused us and its clock is minutes from the PC's: the PC's clock is wrong.
   */
  pausedReason: PauseReason | null;
  /** exchanges in flight now */
  inFlight: number;
}

export type PauseReason = 'auth' | 'clock-skew';

/** A pass whose own bookkeeping failed (the ledger refused a read) is tried again after this. */
export const PASS_RETRY_MS = 5000;

export interface QueueDeps {
  ledger: Ledger;
  workflow: Pick<
    CancellationWorkflow,
    | 'work'
    | 'expireDeadlines'
    | 'deadlineOf'
    | 'isBusy'
    | 'busyCount'
    | 'keptAnswersDue'
    | 'nextInMemoryAt'
    | 'retryKeptNow'
  >;
  clock: Clock;
  scheduler: Scheduler;
  /** at most this many queue items in flight at once */
  concurrency: number;
  verificationDeadlineMs: number;
  /** A cheap check that KICC's host answers (e.g. a TCP connect), used while offline. */
  probe?: () => Promise<boolean>;
  /** back-off between probes while offline (try 1, 2, ...) */
  probeDelay: (tries: number) => number;
  /** the queue's own state changed (online, paused, in flight): push a summary */
  onChange: () => void;
  /** a bug inside a step or a pass: logged by the owner, never thrown into a timer */
  onError: (error: unknown) => void;
}

export function createQueue(deps: QueueDeps) {
  const { ledger, workflow, clock, scheduler } = deps;
  let online = true;
  let paused: PauseReason | null = null;
  /**
   * The last exchange reached KICC and settled nothing: no answer (a timeout, a reset after the
   * request left) or S999 "outcome unknown" (../cancellations/exchange.ts settlesSomething). A
   * KICC that takes requests and settles none is no better than one that cannot be reached: the
   * exposure limits apply (isDegraded) while this holds and the queue still has items to settle,
   * or new cancellations would pile up in doubt without a bound. An answer that settles
   * something, or retryNow(), ends it.
   *
   * It starts set: after a restart nothing has shown yet that KICC settles anything, and the
   * ledger may hold items left in doubt by a KICC that settled nothing before the restart. So the
   * limits apply from the start while items wait to be settled (isDegraded also asks for that),
   * until the first exchange that settles something; a restart cannot lift them. With nothing
   * to settle, nothing changes: isDegraded is false.
   */
  let unsettled = true;
  let closed = false;
  let inFlight = 0;
  let timer: unknown = null;
  let timerAt: number | null = null;
  let passing = false;
  let passAgain = false;
  /** a pass is asked for once the current microtasks have run (passAfterThisTurn) */
  let passAsked = false;
  /** the last pass threw: nothing more can start before its retry timer */
  let failedPass = false;
  /** when the last pass looked for due items */
  let dueAsOf = Number.POSITIVE_INFINITY;
  let probing = false;
  let probeTries = 0;
  let probeAt: number | null = null;
  const work = new Set<Promise<unknown>>();
  const idleWaiters: (() => void)[] = [];
  /** the process is kept alive while someone waits for idleness (whenIdle) */
  let releaseAlive: (() => void) | null = null;

  /** Returns whether anything changed. */
  function setOnline(value: boolean): boolean {
    if (online === value) return false;
    online = value;
    if (value) {
      probeTries = 0;
      probeAt = null;
      // Connectivity is back: every waiting item is worked now, not at its back-off time.
      ledger.cancellations.makeAllDue(clock.now());
    } else {
      probeTries = 1;
      probeAt = clock.now() + deps.probeDelay(probeTries);
    }
    deps.onChange();
    return true;
  }

  /**
   * What an exchange said about the way to KICC (the workflow's observer calls this).
   * `answered`: KICC really answered (HTTP 200, a respCd), the only proof that lifts an auth
   * pause besides retryNow(): a timeout while paused says nothing about our credentials.
   * `settled`: the answer says what happened (not in doubt, not S999).
   */
  function signal(what: ConnectivitySignal, answered: boolean, settled = answered): void {
    if (closed) return;
    if (what === 'auth' || what === 'clock-skew') {
      if (paused !== what) {
        paused = what;
        deps.onChange();
      }
      return;
    }
    let changed = false;
    unsettled = what === 'online' && !settled;
    if (answered && paused !== null) {
      // an answer that is not 401/403 proves the credentials (and the clock) work again
      paused = null;
      ledger.cancellations.makeAllDue(clock.now());
      deps.onChange();
      changed = true;
    }
    if (setOnline(what === 'online')) changed = true;
    if (changed) kick();
  }

  function kick(): void {
    if (closed) return;
    if (timer !== null) {
      scheduler.clearTimer(timer);
      timer = null;
      timerAt = null;
    }
    pass();
  }

  /** Runs `part` of a pass; what it throws is logged, never left to escape into a timer. */
  function guarded(part: () => void): boolean {
    try {
      part();
      return true;
    } catch (error) {
      deps.onError(error);
      return false;
    }
  }

  /**
   * One pass. Whatever a part of it throws (the ledger refusing a read: issue 9, sequence 8) is
   * caught and logged, and a next pass is ALWAYS scheduled: the queue never stalls silently.
   */
  function pass(): void {
    if (closed) return;
    if (passing) {
      passAgain = true;
      return;
    }
    passing = true;
    let passed = true;
    try {
      do {
        passAgain = false;
        passed = guarded(passOnce);
      } while (passAgain && !closed);
    } finally {
      passing = false;
    }
    // a pass that failed left due items unstarted: a pass is tried again soon, whatever else
    failedPass = !passed;
    if (!guarded(scheduleNext) || failedPass) setTimer(clock.now() + PASS_RETRY_MS);
    settleIdleOrRetry();
  }

  function passOnce(): void {
    let free = deps.concurrency - inFlight;
    // answers KICC gave that the ledger refused: written again, whatever the connectivity
    for (const id of workflow.keptAnswersDue()) {
      if (free <= 0) break;
      if (workflow.isBusy(id)) continue;
      launch(id);
      free -= 1;
    }
    workflow.expireDeadlines();
    if (paused !== null) return;
    const now = clock.now();
    if (!online && deps.probe !== undefined) {
      if (probeAt !== null && probeAt <= now) startProbe();
      return;
    }
    // items due by now and not started wait for a step to end (concurrency) or are busy
    dueAsOf = now;
    if (free <= 0) return;
    const due = ledger.cancellations.due(now, free + workflow.busyCount());
    let launched = 0;
    for (const id of due) {
      if (launched >= free) break;
      if (workflow.isBusy(id)) continue;
      launch(id);
      launched += 1;
    }
  }

  /**
   * One pass for every item that ended in this turn. A group commit resolves several items' last
   * steps together (../ledger/groupCommit.ts), and each ends a few promise hops later: a pass
   * per item would read the due items once per item, starting one each. process.nextTick runs
   * after the microtasks of this turn (Node runs its tick queue once V8's microtask queue is
   * empty), so the pass sees every slot freed in the turn and fills them in one read, with no
   * turn of the event loop lost. (docs/bench.md "One pass per turn")
   */
  function passAfterThisTurn(): void {
    if (passAsked) return;
    passAsked = true;
    process.nextTick(() => {
      passAsked = false;
      pass();
    });
  }

  function launch(id: number): void {
    inFlight += 1;
    const step = workflow
      .work(id)
      .catch((error: unknown) => deps.onError(error))
      .finally(() => {
        inFlight -= 1;
        work.delete(step);
        passAfterThisTurn();
      });
    work.add(step);
  }

  function startProbe(): void {
    const probe = deps.probe;
    if (probing || probe === undefined) return;
    probing = true;
    probeAt = null;
    const check = probe()
      .catch(() => false)
      .then((reachable) => {
        probing = false;
        if (closed) return;
        if (reachable) {
          setOnline(true);
        } else {
          probeTries += 1;
          probeAt = clock.now() + deps.probeDelay(probeTries);
        }
        pass();
      });
    work.add(check);
    void check.finally(() => work.delete(check));
  }

  /**
   * One timer, at the earliest of: the next due item, the next deadline, the next probe, the
   * next thing held in memory (an answer to write again).
   */
  function scheduleNext(): void {
    if (closed) return;
    const now = clock.now();
    const candidates: number[] = [];
    const inMemory = workflow.nextInMemoryAt();
    if (inMemory !== null) candidates.push(inMemory);
    if (paused === null && (online || deps.probe === undefined)) {
      // after the time the pass looked for due items: one that fell due since gets a pass now
      const next = ledger.cancellations.nextTryAfter(Math.min(now, dueAsOf));
      if (next !== null) candidates.push(next);
    }
    if (!online && paused === null && deps.probe !== undefined && probeAt !== null && !probing) {
      candidates.push(probeAt);
    }
    // A deadline already past belongs to an item being worked right now (the pass just expired
    // every other one); the end of that step runs a pass anyway, so no timer spins for it.
    const doubt = ledger.cancellations.earliestDoubtSince();
    const deadline = doubt === null ? null : workflow.deadlineOf(doubt);
    if (deadline !== null && deadline > now) candidates.push(deadline);
    if (candidates.length === 0) return;
    setTimer(Math.min(...candidates));
  }

  /** The one timer, at `at` (or now), unless one is already set for sooner. */
  function setTimer(at: number): void {
    const now = clock.now();
    const when = Math.max(now, at);
    if (timer !== null && timerAt !== null && timerAt <= when) return;
    if (timer !== null) scheduler.clearTimer(timer);
    timerAt = when;
    timer = scheduler.setTimer(() => {
      timer = null;
      timerAt = null;
      pass();
    }, when - now);
  }

  /** Nothing in flight and nothing due that could be started now. */
  function isIdle(): boolean {
    if (inFlight > 0 || probing) return false;
    if (failedPass) return true;
    if (workflow.keptAnswersDue().some((id) => !workflow.isBusy(id))) return false;
    if (paused !== null || (!online && deps.probe !== undefined)) return true;
    return ledger.cancellations
      .due(clock.now(), 1 + workflow.busyCount())
      .every((id) => workflow.isBusy(id));
  }

  function settleIdle(): void {
    if (idleWaiters.length === 0 || !(closed || isIdle())) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
    releaseAlive?.();
    releaseAlive = null;
  }

  /** The idleness check refused (a ledger read): logged, and looked at again by a pass soon. */
  function settleIdleOrRetry(): void {
    if (!guarded(settleIdle)) setTimer(clock.now() + PASS_RETRY_MS);
  }

  /**
   * Resolves at the end of a pass that leaves the queue idle. Until then the process is kept
   * alive: the pass that ends the wait may hang on an unref'd timer (an item that fell due
   * between the pass's look for due items and its idleness check waits for a timer at 0 ms),
   * and without a hold a process with nothing else to do would exit with the promise pending —
   * status 0, the drain never finished (the crash test's rare "in doubt after the last run").
   */
  function whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      idleWaiters.push(resolve);
      releaseAlive ??= scheduler.keepAlive();
      settleIdleOrRetry();
    });
  }

  return {
    /** Starts working: call once, after start-up recovery. */
    start(): void {
      kick();
    },
    signal,
    /** The shell says the OS is online: work every waiting item now. */
    notifyOnline(): void {
      if (closed) return;
      setOnline(true);
      ledger.cancellations.makeAllDue(clock.now());
      kick();
    },
    /** The shell says the OS is offline: stop trying until a probe or a signal says otherwise. */
    notifyOffline(): void {
      if (closed) return;
      setOnline(false);
      kick();
    },
    /**
     * Resume from sleep (and the window's focus, which the shell sends the same way): the
     * network may have changed; look again now. Online, the items keep their back-off (timers
     * overdue during sleep fire by themselves; a focus must not defeat the back-off of items
     * KICC answered); offline, the probe runs now, or without a probe the items are the probe.
     */
    notifyResume(): void {
      if (closed) return;
      if (!online) {
        if (deps.probe === undefined) ledger.cancellations.makeAllDue(clock.now());
        else probeAt = clock.now();
      }
      kick();
    },
    /**
     * The cashier's (or manager's) "retry now": every waiting item (or one) is tried at once,
     * whatever the queue believed about connectivity or credentials (a manager fixing the
     * credentials ends with this).
     */
    retryNow(cancellationId?: number): void {
      if (closed) return;
      const now = clock.now();
      workflow.retryKeptNow();
      if (cancellationId === undefined) ledger.cancellations.makeAllDue(now);
      else ledger.cancellations.makeDue(cancellationId, now);
      paused = null;
      online = true;
      unsettled = false;
      probeAt = null;
      deps.onChange();
      kick();
    },
    /** Runs a pass now (after new work was added, or a manual clock moved). */
    kick,
    /** Resolves when nothing is in flight and nothing due can be started (tests, bench). */
    whenIdle,
    /** Every waiting item made due now, then worked until the queue is idle. */
    async drain(): Promise<void> {
      workflow.retryKeptNow();
      ledger.cancellations.makeAllDue(clock.now());
      if (!online) probeAt = clock.now();
      kick();
      await whenIdle();
    },
    summary(): QueueSummary {
      const s = ledger.cancellations.unresolvedSummary();
      return {
        count: s.count,
        totalAmount: s.total,
        oldestAt: s.oldestCreatedAt,
        nextTryAt: s.nextTryAt,
        online,
        pausedReason: paused,
        inFlight,
      };
    },
    /**
     * KICC is believed unreachable, refuses our credentials, or settled nothing in the last
     * exchange while items wait to be settled: exposure limits apply.
     */
    isDegraded: (): boolean =>
      !online ||
      paused !== null ||
      (unsettled && ledger.cancellations.unresolvedSummary().count > 0),
    isOnline: (): boolean => online,
    /** Stops the timer and waits for the steps in flight to be recorded. */
    async close(): Promise<void> {
      closed = true;
      if (timer !== null) scheduler.clearTimer(timer);
      timer = null;
      while (work.size > 0) await Promise.allSettled([...work]);
      settleIdle();
    },
  };
}

export type CancellationQueue = ReturnType<typeof createQueue>;
