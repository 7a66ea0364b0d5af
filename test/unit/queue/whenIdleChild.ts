import { createQueue } from '../../../electron/queue/queue';
import { systemScheduler } from '../../../electron/queue/scheduler';
import { DEADLINE_MS, workflowHarness } from '../cancellations/harness';

/**
 * A process whose only work is waiting for the queue to be idle (./keep-alive.test.ts), on real,
 * unref'd timers, with the race forced: a queued item falls due between the pass's look for due
 * items and its idleness check, so the wait ends only through a timer at 0 ms. Prints
 * `idle <state>` when the wait ends; a process that exits without printing it lost the wait.
 */
async function main(): Promise<void> {
  let offset = 0;
  const clock = { now: () => Date.now() + offset };
  const h = workflowHarness({ clock });
  const receipt = h.receipt();
  h.kicc.script('cancel', ['not-sent', 'ok']);
  const requested = await h.workflow.request(h.input(receipt.id));
  if (!requested.ok) throw new Error(requested.error.code);
  const id = requested.value.id;
  const waitMs = (h.ledger.cancellations.get(id)?.nextTryAt ?? 0) - clock.now();
  if (requested.value.state !== 'queued' || waitMs <= 0) {
    throw new Error(`expected a queued item waiting, got ${requested.value.state}, ${waitMs} ms`);
  }

  const cancellations = h.ledger.cancellations;
  const due = cancellations.due.bind(cancellations);
  let jumped = false;
  cancellations.due = (now, limit) => {
    const ids = due(now, limit);
    // the pass saw nothing due; the clock moves on past the item's time before its idle check
    if (!jumped && ids.length === 0) {
      jumped = true;
      offset += waitMs + 1;
    }
    return ids;
  };
  const queue = createQueue({
    ledger: h.ledger,
    workflow: h.workflow,
    clock,
    scheduler: systemScheduler,
    concurrency: 4,
    verificationDeadlineMs: DEADLINE_MS,
    probeDelay: () => 10_000,
    onChange: () => undefined,
    onError: (error) => process.stderr.write(`${String(error)}\n`),
  });
  queue.start();
  await queue.whenIdle();
  process.stdout.write(`idle ${h.ledger.cancellations.get(id)?.state ?? '?'} jumped=${jumped}\n`);
  await queue.close();
  await h.workflow.close();
  h.remove();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
