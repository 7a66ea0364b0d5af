import { trainingReceiptOf } from '../../electron/training';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { systemClock } from '../../shared/clock';
import { kstDateTime } from '../../shared/kicc/time';
import { KICC_PATHS, type CancelRequest } from '../../shared/kicc/types';
import { cancelBody } from '../../electron/kicc/body';
import { kiccHeaders } from '../../electron/kicc/signing';
import { startKiccSimulator } from '../../electron/kicc/simulator/server';
import type { SimOriginal } from '../../electron/kicc/simulator/types';
import { createServices } from '../../electron/services';
import { elapsedMs, percentile, round, scratchDir } from './engine-stats';

/**
 * Added latency of a cancellation through the services (validation, ledger writes with
 * synchronous=FULL on disk, signing, HTTP) over a bare signed undici POST of the same request to
 * the same simulator (issue 3 "npm run bench"). Both run side by side, alternating, each
 * cancelling its own fresh original, so both cost the simulator the same work.
 */
export interface CancelLatencyFigures {
  raw_post_p50_ms: number;
  raw_post_p99_ms: number;
  service_cancel_p50_ms: number;
  service_cancel_p99_ms: number;
  /** service p50 - raw p50 (goal <= 2 ms) */
  cancel_added_p50_ms: number;
  cancel_added_p99_ms: number;
  cancel_samples: number;
}

export interface CancelLatencyOptions {
  /** measured pairs (default 2000) */
  samples?: number;
  /** pairs run first and not measured (default 200) */
  warmup?: number;
  /** where the ledger goes (default a scratch folder in os.tmpdir()) */
  parentDir?: string;
}

export async function benchCancelLatency(
  options: CancelLatencyOptions = {},
): Promise<CancelLatencyFigures> {
  const samples = options.samples ?? 2000;
  const warmup = options.warmup ?? 200;
  const total = samples + warmup;
  const sim = await startKiccSimulator({ seed: 3 });
  const scratch = scratchDir('bench-latency-', options.parentDir);
  const services = createServices({
    dataDir: scratch.dir,
    kicc: { baseUrl: sim.url, credentials: () => sim.credentials },
    terminal: sim.merchant,
    limits: { cashierMaxAmount: 1e12, offlineMaxCount: 1e9, offlineMaxTotal: 1e15 },
    verificationDeadlineMs: 86_400_000,
    clock: systemClock,
    random: Math.random,
    probe: false,
  });
  const agent = new Agent({ keepAliveTimeout: 60_000, connections: 1 });
  try {
    const forService: string[] = [];
    const forRaw: SimOriginal[] = [];
    for (let i = 0; i < total; i += 1) {
      forRaw.push(sim.approve({ trxAmt: 10_000 + i }));
      const o = sim.approve({ trxAmt: 10_000 + i });
      const added = services.addReceipt(trainingReceiptOf(o));
      if (!added.ok) throw new Error(JSON.stringify(added.error));
      forService.push(added.value.id);
    }

    let seq = 0;
    const raw = async (o: SimOriginal): Promise<void> => {
      const now = Date.now();
      const sent = kstDateTime(now);
      const req: CancelRequest = {
        ...sim.merchant,
        mercTrxNo: `RAW${String((seq += 1)).padStart(12, '0')}`,
        wcc: 'T',
        cndTrxNo: o.vanTrxNo,
        alotMonth: o.alotMonth,
        trxAmt: o.trxAmt,
        vatAmt: o.vatAmt,
        svcAmt: o.svcAmt,
        tranDt: sent.date,
        tranTm: sent.time,
        orgAprvDt: o.aprvDt,
        orgAprvNo: o.aprvNo,
      };
      const body = cancelBody(req);
      const path = KICC_PATHS.cancel;
      const headers = kiccHeaders({
        credentials: sim.credentials,
        path,
        body,
        timestampMs: now,
        nonce: randomUUID(),
      });
      const res = await request(`${sim.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
        body,
        dispatcher: agent,
      });
      const answer = JSON.parse(await res.body.text()) as { respCd?: string };
      if (answer.respCd !== '0000') throw new Error(`raw POST answered ${String(answer.respCd)}`);
    };
    const service = async (receiptId: string): Promise<void> => {
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
      if (!result.ok || result.value.state !== 'cancelled')
        throw new Error(`service: ${JSON.stringify(result)}`);
    };

    const rawMs: number[] = [];
    const serviceMs: number[] = [];
    for (let i = 0; i < total; i += 1) {
      const o = forRaw[i];
      const id = forService[i];
      if (o === undefined || id === undefined) break;
      let t = process.hrtime.bigint();
      await raw(o);
      const r = elapsedMs(t);
      t = process.hrtime.bigint();
      await service(id);
      const s = elapsedMs(t);
      if (i >= warmup) {
        rawMs.push(r);
        serviceMs.push(s);
      }
    }
    const rawP50 = percentile(rawMs, 50);
    const rawP99 = percentile(rawMs, 99);
    const serviceP50 = percentile(serviceMs, 50);
    const serviceP99 = percentile(serviceMs, 99);
    return {
      raw_post_p50_ms: round(rawP50),
      raw_post_p99_ms: round(rawP99),
      service_cancel_p50_ms: round(serviceP50),
      service_cancel_p99_ms: round(serviceP99),
      cancel_added_p50_ms: round(serviceP50 - rawP50),
      cancel_added_p99_ms: round(serviceP99 - rawP99),
      cancel_samples: rawMs.length,
    };
  } finally {
    await agent.close();
    await services.close();
    await sim.close();
    scratch.remove();
  }
}
