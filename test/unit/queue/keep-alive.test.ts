import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createQueue, PASS_RETRY_MS } from '../../../electron/queue/queue';
import { createManualTime } from '../../../electron/queue/scheduler';
import { DEADLINE_MS, T0, workflowHarness } from '../cancellations/harness';

/**
 * Waiting for the queue to be idle (drain(), whenIdle()) keeps the process alive. The queue's
 * timers are unref'd, and a pending promise keeps no process alive: without the hold, a process
 * whose only work was a drain could exit with status 0 in the middle of it (the crash test's rare
 * "in doubt after the last run": the final run's drain ended that way, nothing logged).
 */
/** A queue on a manual clock over the workflow harness; `onError` gets what its steps throw. */
function manualQueue(onError: (error: unknown) => void) {
  const time = createManualTime(T0);
  const h = workflowHarness({ clock: time.clock });
  const queue = createQueue({
    ledger: h.ledger,
    workflow: h.workflow,
    clock: time.clock,
    scheduler: time.scheduler,
    concurrency: 4,
    verificationDeadlineMs: DEADLINE_MS,
    probeDelay: () => 10_000,
    onChange: () => undefined,
    onError,
  });
  return { time, h, queue };
}

describe('whenIdle keeps the process alive', () => {
  it('a process waiting on a drain whose end hangs on a 0 ms timer finishes the drain, not exits', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'whenIdleChild.ts')],
      { cwd: join(__dirname, '../../..'), encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // the race was really forced, and the wait ended with the item worked
    expect(run.stdout).toBe('idle cancelled jumped=true\n');
  });

  it('an idleness check the ledger refuses is logged and looked at again: the wait ends, the hold with it', async () => {
    const errors: unknown[] = [];
    const { time, h, queue } = manualQueue((error) => errors.push(error));
    const cancellations = h.ledger.cancellations;
    const due = cancellations.due.bind(cancellations);
    let refusals = 0;
    try {
      // a queued item, due in a second: the queue is idle until then
      const receipt = h.receipt();
      h.kicc.script('cancel', ['not-sent', 'ok']);
      const requested = await h.workflow.request(h.input(receipt.id));
      if (!requested.ok || requested.value.state !== 'queued') throw new Error('not queued');
      cancellations.due = (now, limit) => {
        if (refusals < 2) {
          refusals += 1;
          throw new Error('SQLITE_IOERR: disk I/O error');
        }
        return due(now, limit);
      };
      // the wait's own check is refused, and so is the first pass's (due() twice)
      let ended = false;
      const wait = queue.whenIdle().then(() => (ended = true));
      await Promise.resolve();
      expect(ended).toBe(false);
      expect(time.keptAlive()).toBe(1);
      expect(errors).toHaveLength(1);
      time.advance(PASS_RETRY_MS);
      await wait;
      expect(refusals).toBe(2);
      expect(errors).toHaveLength(2);
      expect(time.keptAlive()).toBe(0);
    } finally {
      cancellations.due = due;
      await queue.close();
      await h.workflow.close();
      h.remove();
    }
  });

  it('holds while a wait is pending, and lets go once it ends or the queue closes', async () => {
    const { time, h, queue } = manualQueue((error) => {
      throw error;
    });
    try {
      // idle at once: no hold left behind
      await queue.whenIdle();
      expect(time.keptAlive()).toBe(0);

      // a step in flight: held until it is recorded, one hold for two waiters
      const receipt = h.receipt();
      h.kicc.script('cancel', ['in-doubt']);
      const requested = await h.workflow.request(h.input(receipt.id));
      if (!requested.ok) throw new Error(requested.error.code);
      h.kicc.script('net-cancel', ['not-found']);
      h.kicc.script('cancel', ['ok']);
      h.kicc.hold();
      queue.retryNow();
      const waits = [queue.whenIdle(), queue.whenIdle()];
      expect(time.keptAlive()).toBe(1);
      h.kicc.release();
      await Promise.all(waits);
      expect(time.keptAlive()).toBe(0);
      expect(h.ledger.cancellations.get(requested.value.id)?.state).toBe('cancelled');

      // close ends a wait too, and its hold
      const receipt2 = h.receipt();
      h.kicc.script('cancel', ['in-doubt']);
      const second = await h.workflow.request(h.input(receipt2.id));
      if (!second.ok) throw new Error(second.error.code);
      h.kicc.script('net-cancel', ['not-found']);
      h.kicc.hold();
      queue.retryNow();
      const pending = queue.whenIdle();
      expect(time.keptAlive()).toBe(1);
      const closing = queue.close();
      h.kicc.release();
      await closing;
      await pending;
      expect(time.keptAlive()).toBe(0);
    } finally {
      await queue.close();
      await h.workflow.close();
      h.remove();
    }
  });
});
