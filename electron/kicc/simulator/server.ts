import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../../shared/clock';
import { systemClock } from '../../../shared/clock';
import { kstDateTime } from '../../../shared/kicc/time';
import type { KiccEndpoint } from '../../../shared/kicc/types';
import { KICC_PATHS } from '../../../shared/kicc/types';
import type { KiccCredentials } from '../signing';
import type { ApproveInput } from './approve-from-code';
import type { ControlDeps } from './control-routes';
import { CONTROL_PREFIX, handleControlRequest } from './control-routes';
import type { DuplicateMode } from './duplicates';
import type { FaultControl } from './faults';
import { sendEmpty } from './http-io';
import { handleKiccRequest } from './kicc-routes';
import type { LedgerView, MerchantKey } from './ledger';
import type { KiccProfile } from './profiles';
import { AS_MODELLED, profileByName } from './profiles';
import { codeUnder, NOTHING_HAPPENED_CODES } from './result-codes';
import type { SampleReceipt } from './samples';
import { currentSamples } from './samples';
import type { SimConfig, SimState } from './state';
import { createSimState } from './state';
import { TRAINING_CREDENTIALS, TRAINING_MERCHANT } from './training';
import type { SimOriginal } from './types';

/**
 * The KICC simulator: a real HTTP server on loopback that answers reqAprv, reqCancel and
 * reqRtran as docs/simulator.md describes (DESIGN.md "kicc simulator (HTTP server): training
 * mode and every test"). Deterministic: time comes from `clock`, numbers from `seed`.
 */
export interface KiccSimulatorOptions {
  /** 0 (default) lets the OS pick */
  port?: number;
  clock?: Clock;
  /** default 1 */
  seed?: number;
  /** default: the training credentials (./training.ts) */
  credentials?: KiccCredentials;
  /** default 'reject' (S005), KICC-API.md [A] */
  duplicateMode?: DuplicateMode;
  /** S004 window in KST days, default 45 */
  cancelWindowDays?: number;
  /** S007 window, default 30 */
  netCancelWindowMinutes?: number;
  /** allowed |X-KICC-Timestamp - now|, default 5 minutes */
  timestampSkewMs?: number;
  /** create the training sample receipts, default false (tests start from an empty ledger) */
  sampleReceipts?: boolean;
  /**
   * Which reading of each [A] of KICC-API.md this KICC follows (./profiles.ts): a profile name
   * ('unknown-codes', 'slow-issuer+window-first', ...) or a partial profile. Default as modelled.
   */
  profile?: string | Partial<KiccProfile>;
}

export interface SimFaults extends FaultControl {
  /** connections are refused for `forMs` (real time), then accepted again on the same port */
  refuse(options: { forMs: number }): Promise<void>;
}

export interface KiccSimulator {
  /** http://127.0.0.1:port, no trailing slash */
  readonly url: string;
  readonly port: number;
  readonly credentials: KiccCredentials;
  /** the merchant `approve()` and the samples use by default */
  readonly merchant: MerchantKey;
  readonly ledger: LedgerView;
  readonly faults: SimFaults;
  /** the training sample receipts as they stand now (empty unless sampleReceipts) */
  readonly samples: SampleReceipt[];
  /** the profile this KICC follows */
  readonly profile: Readonly<KiccProfile>;
  /**
   * The respCds that mean "nothing happened" under this profile (business refusals that change
   * nothing): what the app may treat as a final refusal when it talks to this simulator.
   */
  readonly refusalCodes: readonly string[];
  /** KICC's clock minus the PC's (the profile's clockOffsetMs at start): 401s beyond 5 minutes */
  setClockOffset(ms: number): void;
  /** what setClockOffset last set */
  readonly clockOffsetMs: number;
  /** creates an original directly (throws on a bad input: a bug in the caller) */
  approve(input?: ApproveInput): SimOriginal;
  /** back to the start state: same seed, samples again, no faults, no nonces */
  reset(): void;
  /** stops listening (connections are refused) and drops open connections */
  stop(): Promise<void>;
  /** listens again on the same port */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

const ENDPOINT_BY_PATH = new Map<string, KiccEndpoint>(
  (Object.entries(KICC_PATHS) as [KiccEndpoint, string][]).map(([endpoint, path]) => [
    path,
    endpoint,
  ]),
);

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error): void => reject(error);
    server.once('error', fail);
    server.listen(port, HOST, () => {
      server.off('error', fail);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function resolveProfile(profile: KiccSimulatorOptions['profile']): KiccProfile {
  if (profile === undefined) return { ...AS_MODELLED };
  if (typeof profile !== 'string') return { ...AS_MODELLED, ...profile };
  const named = profileByName(profile);
  if (named === undefined) throw new RangeError(`unknown KICC profile: ${profile}`);
  return named;
}

export async function startKiccSimulator(
  options: KiccSimulatorOptions = {},
): Promise<KiccSimulator> {
  const profile = resolveProfile(options.profile);
  const pcClock = options.clock ?? systemClock;
  let clockOffsetMs = profile.clockOffsetMs;
  // KICC's own clock: the PC's (the injected one) plus the profile's offset
  const clock: Clock = { now: () => pcClock.now() + clockOffsetMs };
  const credentials = { ...(options.credentials ?? TRAINING_CREDENTIALS) };
  const config: SimConfig = {
    seed: options.seed ?? 1,
    merchant: TRAINING_MERCHANT,
    duplicateMode: options.duplicateMode ?? 'reject',
    cancelWindowDays: options.cancelWindowDays ?? 45,
    netCancelWindowMinutes: options.netCancelWindowMinutes ?? 30,
    timestampSkewMs: options.timestampSkewMs ?? 5 * 60 * 1000,
    sampleReceipts: options.sampleReceipts ?? false,
    profile,
  };
  let state: SimState = createSimState(config, clock.now());
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, run: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };
  const internalErrors: string[] = [];
  let restartError: string | undefined;

  const server = createServer();
  const port = await listen(server, options.port ?? 0);
  const url = `http://${HOST}:${port}`;

  const stop = async (): Promise<void> => {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  };
  const restart = async (): Promise<void> => {
    if (!server.listening) await listen(server, port);
  };

  const faults: SimFaults = {
    inject: (spec) => state.faults.inject(spec),
    setProbability: (spec) => state.faults.setProbability(spec),
    clear: () => state.faults.clear(),
    plan: () => state.faults.plan(),
    async refuse({ forMs }) {
      await stop();
      later(forMs, () => {
        restart().catch((error: unknown) => {
          restartError = error instanceof Error ? error.message : String(error);
        });
      });
    },
  };

  const ledger: LedgerView = {
    originals: () => state.ledger.view.originals(),
    cancellations: () => state.ledger.view.cancellations(),
    netCancels: () => state.ledger.view.netCancels(),
    requests: () => state.ledger.view.requests(),
    original: (vanTrxNo) => state.ledger.view.original(vanTrxNo),
  };

  const reset = (): void => {
    state = createSimState(config, clock.now());
  };

  const control: ControlDeps = {
    port: () => port,
    health: () => ({
      status: 'ok',
      now: clock.now(),
      kst: kstDateTime(clock.now()),
      duplicateMode: config.duplicateMode,
      cancelWindowDays: config.cancelWindowDays,
      netCancelWindowMinutes: config.netCancelWindowMinutes,
      timestampSkewMs: config.timestampSkewMs,
      profile,
      clockOffsetMs,
      requests: state.ledger.view.requests().length,
      internalErrors: internalErrors.length,
      ...(restartError === undefined ? {} : { restartError }),
    }),
    ledger,
    samples: () => currentSamples(state.samples, state.ledger),
    faults,
    approve: (input) => state.approve(input, clock.now()),
    reset,
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const endpoint = ENDPOINT_BY_PATH.get(path);
    if (endpoint !== undefined) {
      return handleKiccRequest(req, res, endpoint, path, {
        clock,
        credentials,
        config,
        state: () => state,
        later,
      });
    }
    if (path.startsWith(CONTROL_PREFIX)) return handleControlRequest(req, res, path, control);
    req.resume();
    sendEmpty(res, 404);
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      // A bug of the simulator, not a fault it was asked for: counted in /__sim/health and
      // printed, and the connection dropped so the caller does not mistake it for an answer.
      internalErrors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
      console.error('kicc simulator internal error', error);
      res.destroy();
    });
  });

  return {
    url,
    port,
    credentials,
    merchant: { ...config.merchant },
    ledger,
    faults,
    get samples() {
      return currentSamples(state.samples, state.ledger);
    },
    profile,
    refusalCodes: NOTHING_HAPPENED_CODES.map((code) => codeUnder(profile.codes, code)),
    setClockOffset(ms) {
      clockOffsetMs = ms;
    },
    get clockOffsetMs() {
      return clockOffsetMs;
    },
    approve(input = {}) {
      const made = state.approve(input, clock.now());
      if (!made.ok) throw new RangeError(`sim.approve: ${made.error}`);
      return made.value;
    },
    reset,
    stop,
    restart,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await stop();
    },
  };
}
