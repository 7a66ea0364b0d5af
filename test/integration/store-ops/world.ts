import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../shared/clock';
import { systemClock } from '../../../shared/clock';
import type { Receipt } from '../../../shared/contract';
import { engineCancellationUpdates } from '../../../electron/desk-engine';
import { deskServicesOf } from '../../../electron/ipc/services-adapter';
import { startKiccSimulator } from '../../../electron/kicc/simulator';
import type { ApproveInput, KiccSimulator } from '../../../electron/kicc/simulator';
import { createServices } from '../../../electron/services';
import type { Services } from '../../../electron/services';
import type { ImportLimits } from '../../../electron/import/limits';
import { createStoreOps } from '../../../electron/store-ops/store-ops';
import type { StoreOps } from '../../../electron/store-ops/store-ops';
import { trainingReceiptOf } from '../../../electron/training';
import { SOURCE_IMPORT_WORKER } from '../../fixtures/import-worker';
import { TEST_SCRYPT } from '../../shell/fixtures/manager-fixtures';
import { createShellStack } from '../../shell/fixtures/shell-stack';
import type { ShellStack } from '../../shell/fixtures/shell-stack';

/**
 * The real engine (createServices, SQLite ledger on a temp folder) against the KICC simulator
 * on loopback, the store operations over its ledger, all behind the app's IPC dispatch: what
 * main wires, without Electron. The ledger lives in `engineDir`, which a test may reopen.
 */
export interface StoreOpsWorld {
  sim: KiccSimulator;
  services: Services;
  stack: ShellStack;
  storeOps: StoreOps;
  engineDir: string;
  /** a new original at the simulator, known to the ledger as an imported receipt */
  receipt(input?: ApproveInput): Promise<Receipt>;
  close(): Promise<void>;
}

export interface WorldOptions {
  /** in_doubt longer than this -> needs_review (default a day) */
  verificationDeadlineMs?: number;
  cashierMaxAmount?: number;
  clock?: Clock;
  /** the receipt import's limits (default: the app's) */
  importLimits?: Partial<ImportLimits>;
}

export async function createWorld(options: WorldOptions = {}): Promise<StoreOpsWorld> {
  const clock = options.clock ?? systemClock;
  const sim = await startKiccSimulator({ clock });
  const engineDir = mkdtempSync(join(tmpdir(), 'kicc-store-ops-'));
  const services = createServices({
    dataDir: engineDir,
    kicc: {
      baseUrl: sim.url,
      credentials: () => sim.credentials,
      connectTimeoutMs: 1_000,
      readTimeoutMs: 1_500,
      // the simulator is the KICC here: its "nothing happened" codes are confirmed ones
      confirmedRefusalCodes: () => sim.refusalCodes,
    },
    terminal: sim.merchant,
    limits: {
      cashierMaxAmount: options.cashierMaxAmount ?? 1_000_000,
      offlineMaxCount: 100,
      offlineMaxTotal: 100_000_000,
    },
    verificationDeadlineMs: options.verificationDeadlineMs ?? 86_400_000,
    clock,
    random: Math.random,
    probe: false,
    queue: { retryBaseMs: 1, retryMaxMs: 10 },
  });
  let storeOps: StoreOps | null = null;
  const stack = createShellStack(deskServicesOf(services), clock, (input) => {
    storeOps = createStoreOps({
      ledger: services.ledger,
      settings: input.settings,
      credentials: input.credentials,
      mode: input.mode,
      store: () => ({
        storeName: '시험 가맹점',
        businessNumber: sim.merchant.bizrNo,
        terminalId: sim.merchant.tid,
      }),
      managerPinFile: join(input.dataDir, 'manager-pin.json'),
      modePreferenceFile: join(input.dataDir, 'mode.json'),
      clock,
      random: Math.random,
      printer: input.printer,
      dialogs: input.dialogs,
      restart: () => undefined,
      manager: { scrypt: TEST_SCRYPT },
      // the simulator stands for the app's own (training's): the one plain-http address allowed
      simulatorUrl: sim.url,
      integrity: input.integrity,
      importWorker: { file: SOURCE_IMPORT_WORKER, limits: options.importLimits ?? {} },
      // as the engine above: the simulator's "nothing happened" codes are confirmed
      confirmedRefusalCodes: () => sim.refusalCodes,
      cancellationUpdates: engineCancellationUpdates(services),
    });
    return { storeOps, close: () => undefined };
  });
  if (storeOps === null) throw new Error('store operations were not built');
  return {
    sim,
    services,
    stack,
    storeOps,
    engineDir,
    async receipt(input = {}) {
      const original = sim.approve(input);
      const added = services.addReceipt(trainingReceiptOf(original), { source: 'imported' });
      if (!added.ok) throw new Error(added.error.code);
      return added.value as Receipt;
    },
    async close() {
      await services.close();
      await sim.close();
      stack.dispose();
      rmSync(engineDir, { recursive: true, force: true });
    },
  };
}

/** What the page sends to cancel `receipt` in full, with a fresh idempotency key each time. */
export const cancelRequestFor = (
  receipt: Pick<Receipt, 'id' | 'trxAmt' | 'vatAmt' | 'svcAmt'>,
  extra: Record<string, unknown> = {},
) => ({
  clientRequestId: randomUUID(),
  receiptId: receipt.id,
  trxAmt: receipt.trxAmt,
  vatAmt: receipt.vatAmt,
  svcAmt: receipt.svcAmt,
  reason: '고객 변심',
  ...extra,
});
