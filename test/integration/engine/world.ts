import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { systemClock, type Clock } from '../../../shared/clock';
import { startKiccSimulator, type KiccSimulator } from '../../../electron/kicc/simulator/server';
import type { KiccSimulatorOptions } from '../../../electron/kicc/simulator/server';
import { createServices, type Services, type ServicesConfig } from '../../../electron/services';
import type { CancellationView } from '../../../electron/cancellations/views';
import type { Result } from '../../../shared/result';
import type { ServiceError } from '../../../electron/cancellations/errors';
import type { ManualTime } from '../../../electron/queue/scheduler';
import { tempDir } from '../../unit/ledger/tmpLedger';

/**
 * The engine against the real KICC client and the simulator over loopback sockets: the
 * simulator is the truth the app's ledger is compared with.
 */
export const READ_TIMEOUT_MS = 300;
/**
 * The simulator's 'delay' fault: beyond the client's read timeout. undici's headers timeout has a
 * resolution of about one second (its fast timers), so a 300 ms read timeout fires at ~1 s.
 */
export const DELAY_MS = 1500;

export interface WorldOptions {
  sim?: KiccSimulatorOptions;
  services?: Partial<ServicesConfig>;
  clock?: Clock;
  /** a manual clock and scheduler for the services and the simulator (back-off as in the app) */
  time?: ManualTime;
}

export async function createWorld(options: WorldOptions = {}) {
  const clock = options.clock ?? options.time?.clock ?? systemClock;
  // On real time, KICC's net-cancel window is 6 s and a verification held back by the reversal
  // policy (issue 9) waits 8 s, not 41 minutes: a test slowed by a loaded machine (an answer
  // past the read timeout) still ends. Manual time keeps KICC's 30 minutes.
  const realTime = options.time === undefined;
  const sim: KiccSimulator = await startKiccSimulator({
    seed: 7,
    clock,
    ...(realTime ? { netCancelWindowMinutes: 0.1 } : {}),
    ...options.sim,
  });
  const t = tempDir('engine-');
  const config = (): ServicesConfig => ({
    dataDir: t.dir,
    kicc: {
      baseUrl: sim.url,
      credentials: () => sim.credentials,
      connectTimeoutMs: 500,
      readTimeoutMs: READ_TIMEOUT_MS,
      // the simulator is the KICC here: its "nothing happened" codes are confirmed ones
      confirmedRefusalCodes: () => sim.refusalCodes,
      ...(realTime ? { heldVerificationWaitMs: 8000 } : {}),
    },
    terminal: sim.merchant,
    limits: { cashierMaxAmount: 10_000_000, offlineMaxCount: 1000, offlineMaxTotal: 1_000_000_000 },
    verificationDeadlineMs: 3_600_000,
    clock,
    random: Math.random,
    probe: false,
    queue:
      options.time === undefined
        ? { retryBaseMs: 5, retryMaxMs: 20, concurrency: 4 }
        : { scheduler: options.time.scheduler, concurrency: 4 },
    ...options.services,
  });
  let overrides: Partial<ServicesConfig> = {};
  const configured = (): ServicesConfig => {
    const base = config();
    return { ...base, ...overrides, kicc: { ...base.kicc, ...overrides.kicc } };
  };
  let services = createServices(configured());
  const receiptsByVan = new Map<string, string>();

  const world = {
    sim,
    get services(): Services {
      return services;
    },
    dataDir: t.dir,

    /** An original approved at the simulator and known to the app (imported). */
    receipt(approve: Parameters<KiccSimulator['approve']>[0] = {}): {
      id: string;
      vanTrxNo: string;
    } {
      const o = sim.approve(approve);
      const added = services.addReceipt(
        {
          vanTrxNo: o.vanTrxNo,
          mercTrxNo: o.mercTrxNo,
          aprvNo: o.aprvNo,
          aprvDt: o.aprvDt,
          aprvTm: o.aprvTm,
          alotMonth: o.alotMonth,
          trxAmt: o.trxAmt,
          vatAmt: o.vatAmt,
          svcAmt: o.svcAmt,
          cardConfirmNo: o.cardConfirmNo,
          issuerName: o.issFmNm,
        },
        { source: 'imported' },
      );
      if (!added.ok) throw new Error(`addReceipt: ${JSON.stringify(added.error)}`);
      receiptsByVan.set(o.vanTrxNo, added.value.id);
      return { id: added.value.id, vanTrxNo: o.vanTrxNo };
    },

    cancel(
      receiptId: string,
      clientRequestId: string = randomUUID(),
    ): Promise<Result<CancellationView, ServiceError>> {
      const receipt = services.ledger.receipts.get(Number(receiptId));
      if (receipt === null) throw new Error('no receipt');
      return services.requestCancellation(
        {
          clientRequestId,
          receiptId,
          trxAmt: receipt.trxAmt,
          vatAmt: receipt.vatAmt,
          svcAmt: receipt.svcAmt,
          reason: 'fault matrix',
        },
        { requestedBy: 'tester' },
      );
    },

    /** Works the queue until nothing is unresolved (retry now when paused for credentials). */
    async settle(rounds = 30): Promise<void> {
      for (let i = 0; i < rounds; i += 1) {
        const summary = await services.drain();
        if (summary.count === 0) return;
        if (summary.pausedReason !== null) services.retryNow();
        // a verification held back until KICC's (shortened) window is over is due later
        const wait = Math.min(10_000, Math.max(10, (summary.nextTryAt ?? 0) - clock.now()));
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      throw new Error(
        `still unresolved after ${rounds} rounds: ${JSON.stringify(services.queueStatus())}`,
      );
    },

    /**
     * Manual time: works the queue, moving the clock to each next try (back-off, waiting out a
     * net-cancel window), until nothing is unresolved or `maxMs` of clock time has passed.
     */
    async settleInTime(maxMs = 6 * 3_600_000): Promise<void> {
      const time = options.time;
      if (time === undefined) throw new Error('settleInTime needs a world with manual time');
      const until = time.clock.now() + maxMs;
      for (;;) {
        const summary = await services.drain();
        if (summary.count === 0) return;
        if (summary.pausedReason !== null) services.retryNow();
        const next = summary.nextTryAt ?? time.clock.now();
        if (next > until) throw new Error(`not settled within ${maxMs} ms of clock time`);
        time.advance(Math.max(1, next - time.clock.now()));
      }
    },

    /** Graceful restart on the same data folder (close: exchanges in flight are recorded). */
    async restart(): Promise<void> {
      await services.close();
      services = createServices(configured());
    },

    /** Graceful restart with some of the configuration replaced (kept for later restarts). */
    async restartWith(
      replaced: Omit<Partial<ServicesConfig>, 'kicc'> & { kicc?: Partial<ServicesConfig['kicc']> },
    ): Promise<void> {
      await services.close();
      overrides = { ...overrides, ...replaced } as Partial<ServicesConfig>;
      services = createServices(configured());
    },

    /**
     * What kill -9 leaves: the ledger is closed under whatever is in flight (no answer gets
     * recorded), then a new process opens the same folder.
     */
    async crash(options: { autoStart?: boolean } = {}): Promise<void> {
      const dying = services;
      const closing = dying.close();
      dying.ledger.close();
      await closing.catch(() => undefined);
      const next = configured();
      services = createServices({
        ...next,
        queue: { ...next.queue, autoStart: options.autoStart ?? true },
      });
    },

    state(id: string) {
      return services.ledger.cancellations.get(Number(id));
    },

    /**
     * The app's books agree with KICC's (the simulator's): every cancellation is final; a
     * cancelled one has exactly one standing cancellation at KICC, sent under one of its own
     * attempts' mercTrxNo; a rejected one has none; no original has two.
     */
    expectAgreement(): void {
      const app = services.ledger.cancellations.list({ limit: 1_000_000, offset: 0 });
      const landed = sim.ledger.cancellations().filter((c) => c.status === 'landed');
      const perOriginal = new Map<string, number>();
      for (const c of landed)
        perOriginal.set(c.originalVanTrxNo, (perOriginal.get(c.originalVanTrxNo) ?? 0) + 1);
      for (const [van, n] of perOriginal) expect(n, `standing cancellations of ${van}`).toBe(1);
      for (const c of app) {
        const receipt = services.ledger.receipts.get(c.receiptId);
        const van = receipt?.vanTrxNo ?? '';
        const original = sim.ledger.original(van);
        const standing = landed.filter((x) => x.originalVanTrxNo === van);
        expect(['cancelled', 'rejected'], `cancellation ${c.id} is final`).toContain(c.state);
        if (c.state === 'cancelled') {
          expect(original?.status).toBe('cancelled');
          expect(standing).toHaveLength(1);
          const ours = services.ledger.attempts
            .forCancellation(c.id)
            .filter((a) => a.kind === 'cancel')
            .map((a) => a.mercTrxNo);
          if (c.note !== 'stood-earlier') expect(ours).toContain(standing[0]?.mercTrxNo);
        }
        if (
          c.state === 'rejected' &&
          app.every((x) => x.receiptId !== c.receiptId || x.state === 'rejected')
        ) {
          expect(standing).toHaveLength(0);
          expect(original?.status).toBe('approved');
        }
      }
    },

    async close(): Promise<void> {
      await services.close().catch(() => undefined);
      await sim.close();
      t.remove();
    },
  };
  return world;
}

export type World = Awaited<ReturnType<typeof createWorld>>;
