import { trainingReceiptOf } from '../../electron/training';
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { systemClock } from '../../shared/clock';
import { createServices } from '../../electron/services';
import { startSimulatorProcess } from './engine-sim-process';
import { elapsedMs, round, scratchDir } from './engine-stats';

/**
 * Draining 10,000 in-doubt cancellations after reconnect (issue 3 "npm run bench"): every first
 * reqCancel was lost (half landed at KICC, half never arrived), then the queue verifies each
 * (reqRtran) and sends the fresh attempt the verification calls for, against the simulator.
 * Measured: items per second, whether every item ended right (cancelled here, exactly one
 * standing cancellation at KICC, sent under one of our mercTrxNos), peak memory (of this
 * process: the engine; the simulator runs in a child process, as KICC is another machine), and
 * the event-loop delay of this thread while it drains (issue 9): the services' thread is also
 * the IPC server the cashier's screen waits on, so a drain must not stall it.
 */
export interface DrainFigures {
  drain_items: number;
  drain_s: number;
  drain_per_s: number;
  /** 1 when every item ended right */
  drain_correct: number;
  drain_peak_rss_mb: number;
  drain_concurrency: number;
  /** p99 / max of the event-loop delay while draining (perf_hooks.monitorEventLoopDelay), ms */
  drain_loop_delay_p99_ms: number;
  drain_loop_delay_max_ms: number;
  /** CPU time of this process (all its threads) per drained item, µs */
  drain_cpu_us_per_item: number;
}

/** Several drains of the same size, one after the other (benchDrains). */
export interface DrainRunsFigures extends DrainFigures {
  drain_runs: number;
  drain_per_s_min: number;
  drain_per_s_max: number;
}

export interface DrainOptions {
  /** in-doubt cancellations (default 10,000) */
  items?: number;
  /** queue items in flight (default 16) */
  concurrency?: number;
  parentDir?: string;
}

export async function benchDrain(options: DrainOptions = {}): Promise<DrainFigures> {
  const items = options.items ?? 10_000;
  const concurrency = options.concurrency ?? 16;
  const sim = await startSimulatorProcess(9);
  const scratch = scratchDir('bench-drain-', options.parentDir);
  const services = createServices({
    dataDir: scratch.dir,
    kicc: { baseUrl: sim.url, credentials: () => sim.credentials, readTimeoutMs: 5000 },
    terminal: sim.merchant,
    limits: { cashierMaxAmount: 1e12, offlineMaxCount: 1e9, offlineMaxTotal: 1e15 },
    verificationDeadlineMs: 86_400_000,
    clock: systemClock,
    random: Math.random,
    probe: false,
    // the queue must not start verifying while the in-doubt items are being made
    queue: { concurrency, retryBaseMs: 3_600_000, retryMaxMs: 3_600_000 },
  });
  try {
    const receiptIds: string[] = [];
    for (let i = 0; i < items; i += 1) {
      const o = await sim.approve({ trxAmt: 1000 + i });
      const added = services.addReceipt(trainingReceiptOf(o));
      if (!added.ok) throw new Error(JSON.stringify(added.error));
      receiptIds.push(added.value.id);
    }
    // Every first answer lost: half after KICC committed, half before.
    await sim.faults({
      action: 'probability',
      endpoint: 'cancel',
      kind: 'commit-then-drop',
      p: 0.5,
    });
    await sim.faults({
      action: 'probability',
      endpoint: 'cancel',
      kind: 'drop-before-commit',
      p: 1,
    });
    for (let start = 0; start < items; start += 64) {
      await Promise.all(
        receiptIds.slice(start, start + 64).map(async (receiptId) => {
          const receipt = services.ledger.receipts.get(Number(receiptId));
          if (receipt === null) throw new Error('receipt');
          const result = await services.requestCancellation({
            clientRequestId: randomUUID(),
            receiptId,
            trxAmt: receipt.trxAmt,
            vatAmt: receipt.vatAmt,
            svcAmt: receipt.svcAmt,
            reason: 'bench',
          });
          if (!result.ok || result.value.state !== 'in_doubt')
            throw new Error(`setup: ${JSON.stringify(result)}`);
        }),
      );
    }
    await sim.faults({ action: 'clear' });
    services.notifyOffline();

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 25);

    // the delay of this thread's event loop, sampled every 10 ms, during the drain only
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    services.notifyOnline(); // reconnect
    const summary = await services.drain();
    const seconds = elapsedMs(t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    loopDelay.disable();
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);

    const landed = (await sim.cancellations()).filter((c) => c.status === 'landed');
    const standingByVan = new Map<string, string[]>();
    for (const c of landed)
      standingByVan.set(c.originalVanTrxNo, [
        ...(standingByVan.get(c.originalVanTrxNo) ?? []),
        c.mercTrxNo,
      ]);
    let correct = summary.count === 0;
    for (const c of services.ledger.cancellations.list({ limit: items + 1, offset: 0 })) {
      const receipt = services.ledger.receipts.get(c.receiptId);
      const standing = standingByVan.get(receipt?.vanTrxNo ?? '') ?? [];
      const ours = services.ledger.attempts.forCancellation(c.id).map((a) => a.mercTrxNo);
      if (c.state !== 'cancelled' || standing.length !== 1 || !ours.includes(standing[0] ?? ''))
        correct = false;
    }
    if (standingByVan.size !== items) correct = false;
    return {
      drain_items: items,
      drain_s: round(seconds),
      drain_per_s: Math.round(items / seconds),
      drain_correct: correct ? 1 : 0,
      drain_peak_rss_mb: Math.round(peakRss / (1024 * 1024)),
      drain_concurrency: concurrency,
      drain_loop_delay_p99_ms: round(loopDelay.percentile(99) / 1e6),
      drain_loop_delay_max_ms: round(loopDelay.max / 1e6),
      drain_cpu_us_per_item: Math.round((cpu.user + cpu.system) / items),
    };
  } finally {
    await services.close();
    await sim.close();
    scratch.remove();
  }
}

/**
 * `runs` drains (default 3) of the same size, one after the other in this process, each with its
 * own simulator, ledger and services. This 2-core VM's speed moves by a third from one minute to
 * the next (docs/bench.md "Figures"), so one drain is a noisy estimate of the engine's rate: the
 * rate printed is the median run's (its seconds and CPU per item beside it), with the slowest and
 * fastest. The rest are the worst over the runs: the highest loop delay and peak memory, and
 * `drain_correct` is 1 only when every run ended right. The first run also warms V8 up.
 */
export async function benchDrains(
  options: DrainOptions & { runs?: number; log?: (line: string) => void } = {},
): Promise<DrainRunsFigures> {
  const runs = options.runs ?? 3;
  if (!(Number.isInteger(runs) && runs >= 1)) throw new RangeError('runs: a positive integer');
  const results: DrainFigures[] = [];
  for (let i = 0; i < runs; i += 1) {
    const figures = await benchDrain(options);
    options.log?.(`drain ${i + 1} of ${runs}: ${figures.drain_per_s} /s`);
    results.push(figures);
  }
  const byRate = [...results].sort((a, b) => a.drain_per_s - b.drain_per_s);
  // the lower middle when the count is even
  const median = byRate[Math.floor((byRate.length - 1) / 2)]!;
  const worst = (pick: (f: DrainFigures) => number): number => Math.max(...results.map(pick));
  return {
    ...median,
    drain_correct: Math.min(...results.map((f) => f.drain_correct)),
    drain_peak_rss_mb: worst((f) => f.drain_peak_rss_mb),
    drain_loop_delay_p99_ms: worst((f) => f.drain_loop_delay_p99_ms),
    drain_loop_delay_max_ms: worst((f) => f.drain_loop_delay_max_ms),
    drain_runs: runs,
    drain_per_s_min: byRate[0]!.drain_per_s,
    drain_per_s_max: byRate[byRate.length - 1]!.drain_per_s,
  };
}
