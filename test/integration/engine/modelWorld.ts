import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { KiccSimulator } from '../../../electron/kicc/simulator/server';
import type { createManualTime } from '../../../electron/queue/scheduler';
import { createServices, type Services, type ServicesConfig } from '../../../electron/services';

/**
 * The system under the model-based test: the services on a manual clock (shared with the
 * simulator, so clock jumps move both), the real client, the simulator over loopback. One
 * simulator serves every run (reset between runs); each run has its own data folder.
 */
export const T_START = Date.UTC(2024, 2, 10, 3, 0, 0); // 2024-03-10 12:00 KST

export interface ModelReceipt {
  id: string;
  vanTrxNo: string;
  trxAmt: number;
  vatAmt: number;
  svcAmt: number;
}

/** mulberry32: a seeded [0, 1) source, so a run's numbers depend on its seed only */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createModelSystem(
  sim: KiccSimulator,
  time: ReturnType<typeof createManualTime>,
  baseDir: string,
  run: number,
  seed: number,
) {
  const dataDir = join(baseDir, `run-${run}`);
  const random = seededRandom(seed);
  const config: ServicesConfig = {
    dataDir,
    kicc: {
      baseUrl: sim.url,
      credentials: () => sim.credentials,
      connectTimeoutMs: 500,
      readTimeoutMs: 5000,
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
  let simDown = false;

  const system = {
    get services() {
      return services;
    },
    receipts,
    accepted,
    addReceipts(n: number): void {
      for (let i = 0; i < n; i += 1) {
        const o = sim.approve({ trxAmt: 1000 * (i + 1) + 100 * Math.floor(random() * 9) });
        const added = services.addReceipt({
          vanTrxNo: o.vanTrxNo,
          mercTrxNo: o.mercTrxNo,
          aprvNo: o.aprvNo,
          aprvDt: o.aprvDt,
          alotMonth: o.alotMonth,
          trxAmt: o.trxAmt,
          vatAmt: o.vatAmt,
          svcAmt: o.svcAmt,
        });
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

    /** Quiescence: KICC reachable, no faults, the queue worked until nothing is unresolved. */
    async settle(): Promise<void> {
      if (simDown) await system.simStart();
      sim.faults.clear();
      for (let round = 0; round < 40; round += 1) {
        const summary = await services.drain();
        if (summary.count === 0) return;
        services.retryNow();
      }
      throw new Error(`not quiescent: ${JSON.stringify(services.queueStatus())}`);
    },

    /** The invariants of issue 3, checked at quiescence. */
    checkInvariants(): void {
      const ledger = services.ledger;
      const all = ledger.cancellations.list({ limit: 100_000, offset: 0 });
      const landed = sim.ledger.cancellations().filter((c) => c.status === 'landed');
      // every cancellation final (and, against a simulator with valid originals, cancelled)
      for (const c of all) expect(c.state, `cancellation ${c.id}`).toBe('cancelled');
      expect(ledger.attempts.sending()).toEqual([]);
      receipts.forEach((r, index) => {
        const ours = all.filter((c) => c.receiptId === Number(r.id));
        const standing = landed.filter((c) => c.originalVanTrxNo === r.vanTrxNo);
        // never two effective cancellations of one original, at KICC or in the app
        expect(standing.length, `standing cancellations of receipt ${index}`).toBeLessThanOrEqual(
          1,
        );
        expect(ours.length, `cancellations of receipt ${index}`).toBeLessThanOrEqual(1);
        // no request lost: an accepted request ends cancelled, here and at KICC
        if (accepted.has(index)) expect(ours.length, `accepted receipt ${index}`).toBe(1);
        // agreement: cancelled here <=> cancelled at KICC
        expect(standing.length, `receipt ${index}: app says ${ours[0]?.state ?? 'none'}`).toBe(
          ours.length,
        );
        expect(sim.ledger.original(r.vanTrxNo)?.status).toBe(
          ours.length === 1 ? 'cancelled' : 'approved',
        );
        // outbox: what stands at KICC was sent under one of the app's own recorded attempts
        const c = ours[0];
        const s = standing[0];
        if (c !== undefined && s !== undefined) {
          const numbers = ledger.attempts
            .forCancellation(c.id)
            .filter((a) => a.kind === 'cancel')
            .map((a) => a.mercTrxNo);
          expect(numbers).toContain(s.mercTrxNo);
        }
      });
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
