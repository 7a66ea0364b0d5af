import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelName, EventName } from '../../../shared/contract/channels';
import type { Language, Settings } from '../../../shared/contract/models';
import { systemClock } from '../../../shared/clock';
import { createServices, type Services, type ServicesConfig } from '../../../electron/services';
import type { KiccSimulator } from '../../../electron/kicc/simulator';
import type { DeskBackend } from './pos-bridge';

/**
 * What the main process does for the page, done in the test process with the REAL services
 * (electron/services.ts createServices) on a temporary data folder, talking to the simulator:
 * each contract channel answered by the service behind it, and the services' status stream
 * pushed as the contract's events. Settings and credentials (electron-store, safeStorage) are
 * the shell's and need Electron: here they are a plain object (the shell's own tests cover
 * them). The page's factory validates every answer against the contract, as in the app.
 */
export interface BackendOptions {
  sim: KiccSimulator;
  limits?: Partial<ServicesConfig['limits']>;
  language?: Language;
  /** short, so a lost answer turns into "in doubt" within a test's patience */
  readTimeoutMs?: number;
}

export interface E2eBackend extends DeskBackend {
  services: Services;
  settings: Settings;
  dataDir: string;
  close(): Promise<void>;
}

const notFound = {
  ok: false,
  error: { code: 'not-found', message: { ko: '없음', en: 'Not found' } },
};

export function createE2eBackend(options: BackendOptions): E2eBackend {
  const { sim } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'kicc-desk-e2e-'));
  const limits = {
    cashierMaxAmount: 500_000,
    offlineMaxCount: 20,
    offlineMaxTotal: 5_000_000,
    ...options.limits,
  };
  const services = createServices({
    dataDir,
    kicc: {
      baseUrl: sim.url,
      credentials: () => sim.credentials,
      connectTimeoutMs: 1_000,
      readTimeoutMs: options.readTimeoutMs ?? 2_000,
    },
    terminal: sim.merchant,
    limits,
    verificationDeadlineMs: 10 * 60_000,
    clock: systemClock,
    random: Math.random,
    queue: { retryBaseMs: 300, retryMaxMs: 2_000 },
  });
  const settings: Settings = {
    apiBaseUrl: sim.url,
    terminalId: sim.merchant.tid,
    serviceId: sim.merchant.svcId,
    businessNumber: sim.merchant.bizrNo,
    limits: {
      cashierMaxAmount: limits.cashierMaxAmount,
      offlineMaxCount: limits.offlineMaxCount,
      offlineMaxAmount: limits.offlineMaxTotal,
    },
    language: options.language ?? 'ko',
    printerName: '',
    startAtLogin: false,
  };

  const answer = async (channel: ChannelName, payload: unknown): Promise<unknown> => {
    switch (channel) {
      case 'app.info':
        return {
          ok: true,
          value: {
            mode: 'training',
            trainingReason: null,
            terminalId: settings.terminalId,
            version: 'e2e',
            language: settings.language,
          },
        };
      case 'settings.get':
        return { ok: true, value: settings };
      case 'settings.update': {
        const patch = payload as Partial<Settings>;
        if (patch.language) settings.language = patch.language;
        return { ok: true, value: settings };
      }
      case 'receipts.lookup':
        return services.lookupReceipts(payload);
      case 'receipts.add':
        return services.addReceipt(payload);
      case 'cancellations.request':
        return services.requestCancellation(payload);
      case 'cancellations.get':
        return services.getCancellation(payload);
      case 'cancellations.list':
        return services.listCancellations(payload);
      case 'queue.status':
        return services.queueStatus();
      case 'queue.retryNow':
        return services.retryNow(payload);
      case 'credentials.status':
        return {
          ok: true,
          value: {
            set: true,
            encryptionAvailable: true,
            updatedAt: null,
            modeAfterRestart: 'training',
          },
        };
      default:
        return notFound;
    }
  };

  return {
    services,
    settings,
    dataDir,
    invoke: answer,
    subscribe(listener: (event: EventName, payload: unknown) => void) {
      return services.subscribe((event) => {
        if (event.type === 'cancellation.updated') listener(event.type, event.cancellation);
        else if (event.type === 'queue.summary') listener(event.type, event.summary);
        else listener(event.type, { online: event.online, at: event.at });
      });
    },
    async close() {
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
