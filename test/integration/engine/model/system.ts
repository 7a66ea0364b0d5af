import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createPrng } from '../../../../electron/kicc/simulator/prng';
import type { KiccSimulator } from '../../../../electron/kicc/simulator/server';
import type { ManualTime } from '../../../../electron/queue/scheduler';
import { createServices, type Services, type ServicesConfig } from '../../../../electron/services';
import { trainingReceiptOf } from '../../../../electron/training';
import { checkAtQuiescence, checkStep, type Books } from './invariants';

/**
 * The system under the model-based test: the services on a manual clock (shared with the
 * simulator, so clock jumps move both), the real client, the simulator over loopback. One
 * simulator serves every run of a profile (reset between runs); each run has its own data folder.
 */
export const T_START = Date.UTC(2024, 2, 10, 3, 0, 0); // 2024-03-10 12:00 KST

export interface ModelReceipt {
  id: string;
  vanTrxNo: string;
  trxAmt: number;
  vatAmt: number;
  svcAmt: number;
}

export interface ModelOptions {
  /** the codes the app takes as "nothing happened" (the simulator's, or none: unknown codes) */
  confirmedRefusalCodes: readonly string[];
}

export function createModelSystem(
  sim: KiccSimulator,
  time: ManualTime,
  baseDir: string,
  run: number,
  seed: number,
  options: ModelOptions,
) {
  const dataDir = join(baseDir, `run-${run}`);
  const prng = createPrng(seed);
  const random = (): number => prng.next();
  const config: ServicesConfig = {
    dataDir,
    kicc: {
      baseUrl: sim.url,
      credentials: () => sim.credentials,
      connectTimeoutMs: 500,
      readTimeoutMs: 5000,
      confirmedRefusalCodes: () => options.confirmedRefusalCodes,
    },
    terminal: sim.merchant,
    limits: {
      cashierMaxAmount: 10_000_000,
      offlineMaxCount: 10_000,
      offlineMaxTotal: 10_000_000_000,
    },
    verificationDeadlineMs: 30 * 86_400_000,
    clock: time.clock,
    random,
    probe: false,
    queue: { scheduler: time.scheduler, concurrency: 4 },
  };
  let services: Services = createServices(config);
  const receipts: ModelReceipt[] = [];
  /** receipts whose request was accepted (answered ok) */
  const accepted = new Set<number>();
  /** what the invariants have already seen final (a final state never changes) */
  const books: Books = { finalSeen: new Map(), elsewhere: new Set() };
  let simDown = false;

  const system = {
    get services() {
      return services;
    },
    sim,
    time,
    receipts,
    accepted,
    books,
    addReceipts(n: number): void {
      for (let i = 0; i < n; i += 1) {
        const o = sim.approve({ trxAmt: 1000 * (i + 1) + 100 * Math.floor(random() * 9) });
        const added = services.addReceipt(trainingReceiptOf(o));
        if (!added.ok) throw new Error(JSON.stringify(added.error));
        receipts.push({
          id: added.value.id,
          vanTrxNo: o.vanTrxNo,
          trxAmt: o.trxAmt,
          vatAmt: o.vatAmt,
          svcAmt: o.svcAmt,
        });
      }
    },
    request(index: number, clientRequestId: string = randomUUID()) {
      const r = receipts[index];
      if (r === undefined) throw new Error('no receipt');
      return services.requestCancellation(
        {
          clientRequestId,
          receiptId: r.id,
          trxAmt: r.trxAmt,
          vatAmt: r.vatAmt,
          svcAmt: r.svcAmt,
          reason: 'model',
        },
        { requestedBy: 'model' },
      );
    },
    hasLive(index: number): boolean {
      const r = receipts[index];
      return r !== undefined && services.ledger.cancellations.liveForReceipt(Number(r.id)) !== null;
    },
    async restart(): Promise<void> {
      await services.close();
      services = createServices(config);
    },
    /** kill -9: the ledger is closed under whatever is in flight; a new process opens the folder */
    async crash(): Promise<void> {
      const dying = services;
      const closing = dying.close();
      dying.ledger.close();
      await closing.catch(() => undefined);
      services = createServices(config);
    },
    async simStop(): Promise<void> {
      simDown = true;
      await sim.stop();
    },
    async simStart(): Promise<void> {
      simDown = false;
      await sim.restart();
    },
    isSimDown: () => simDown,

    /**
     * The PC's clock set so that KICC's clock minus the PC's is `offsetMs` (a PC clock going
     * wrong, or corrected either way). KICC's clock never moves: it does not go back when ours
     * does (a model that moved both let a reqRtran decided at minute 40 reach a KICC at minute 30).
     */
    setPcClockOffset(offsetMs: number): void {
      const kiccNow = time.clock.now() + sim.clockOffsetMs;
      sim.setClockOffset(offsetMs);
      time.set(kiccNow - offsetMs);
    },

    /**
     * Quiescence: KICC reachable, no faults, the PC's clock right, the queue worked (the clock
     * moved to each next try: back-off, a verification held past KICC's window) until nothing is
     * unresolved.
     */
    async settle(): Promise<void> {
      if (simDown) await system.simStart();
      sim.faults.clear();
      system.setPcClockOffset(0); // Windows time synchronised
      for (let round = 0; round < 200; round += 1) {
        const summary = await services.drain();
        if (summary.count === 0) return;
        if (summary.pausedReason !== null) services.retryNow();
        const next = summary.nextTryAt ?? time.clock.now();
        time.advance(Math.max(1, next - time.clock.now()));
      }
      throw new Error(`not quiescent: ${JSON.stringify(services.queueStatus())}`);
    },

    /** The rule of issue 9, after every step, against the simulator's books. */
    checkStep(): void {
      checkStep(services.ledger, sim, receipts, books);
    },

    /** And at quiescence: everything final, nothing lost, nothing left sending. */
    checkQuiescent(): void {
      checkStep(services.ledger, sim, receipts, books);
      checkAtQuiescence(services.ledger, sim, receipts, accepted);
    },

    async dispose(): Promise<void> {
      await services.close().catch(() => undefined);
      if (simDown) await system.simStart();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return system;
}

export type ModelSystem = ReturnType<typeof createModelSystem>;
