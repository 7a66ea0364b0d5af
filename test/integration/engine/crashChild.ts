import { randomUUID } from 'node:crypto';
import { systemClock } from '../../../shared/clock';
import { createServices } from '../../../electron/services';

/**
 * The process the crash test kills with SIGKILL (./crash.test.ts): the services on a data
 * folder, requesting a cancellation of every receipt that has none, a few at a time, while the
 * queue works in the background. Prints `ready`, then `accepted <cancellationId>` per accepted
 * request; in the final run it works until nothing is unresolved and prints `done`.
 */
export interface CrashChildConfig {
  dataDir: string;
  url: string;
  credentials: { channelId: string; secretKey: string };
  merchant: { tid: string; svcId: string; bizrNo: string };
  receipts: Record<string, unknown>[];
  final: boolean;
  refusalCodes: string[];
  heldVerificationWaitMs: number;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as CrashChildConfig;
  const services = createServices({
    dataDir: config.dataDir,
    kicc: {
      baseUrl: config.url,
      credentials: () => config.credentials,
      connectTimeoutMs: 500,
      readTimeoutMs: 300,
      confirmedRefusalCodes: () => config.refusalCodes,
      // the simulator's net-cancel window is shortened to match (./crash.test.ts): a
      // verification held back (issue 9) waits it out in seconds, not 41 minutes
      heldVerificationWaitMs: config.heldVerificationWaitMs,
    },
    terminal: config.merchant,
    limits: { cashierMaxAmount: 1e12, offlineMaxCount: 1e9, offlineMaxTotal: 1e15 },
    verificationDeadlineMs: 86_400_000,
    clock: systemClock,
    random: Math.random,
    probe: false,
    queue: { retryBaseMs: 10, retryMaxMs: 100, concurrency: 4 },
    // the engine's own failures go to stderr, which the test prints when it fails
    log: (event, fields) => {
      if (event.startsWith('engine.') && event !== 'engine.recovered')
        process.stderr.write(`${event} ${JSON.stringify(fields)}\n`);
    },
  });
  const ids: string[] = [];
  for (const receipt of config.receipts) {
    const added = services.addReceipt(receipt, { source: 'imported' });
    if (!added.ok) throw new Error(`addReceipt: ${JSON.stringify(added.error)}`);
    ids.push(added.value.id);
  }
  process.stdout.write('ready\n');

  for (let round = 0; ; round += 1) {
    const open = ids.filter(
      (id) => services.ledger.cancellations.liveForReceipt(Number(id)) === null,
    );
    // a store's pace, not a flood: a few new cancellations per round, so every kill lands
    // somewhere in the middle of the flow
    const batch = open.slice(0, config.final ? 16 : 2);
    await Promise.all(
      batch.map(async (receiptId) => {
        const receipt = services.ledger.receipts.get(Number(receiptId));
        if (receipt === null) return;
        const result = await services.requestCancellation({
          clientRequestId: randomUUID(),
          receiptId,
          trxAmt: receipt.trxAmt,
          vatAmt: receipt.vatAmt,
          svcAmt: receipt.svcAmt,
          reason: 'crash test',
        });
        if (result.ok) process.stdout.write(`accepted ${result.value.id}\n`);
      }),
    );
    // a manager who fixes credentials now and then (auth faults pause the queue)
    if (round % 5 === 0) services.retryNow();
    const summary = await services.drain();
    if (config.final && open.length === 0 && summary.count === 0) break;
    if (!config.final) await new Promise((resolve) => setTimeout(resolve, 15));
  }
  await services.close();
  process.stdout.write('done\n');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
