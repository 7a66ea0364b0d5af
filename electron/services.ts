import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { fieldErrorsFrom } from '../shared/contract/errors';
import {
  byIdSchema,
  cancellationListSchema,
  cancellationRequestSchema,
  retryNowSchema,
} from '../shared/contract/requests';
import type { Clock } from '../shared/clock';
import { createMercTrxNoGenerator } from '../shared/kicc/mercTrxNo';
import { kstMidnight } from '../shared/kicc/time';
import type { Result } from '../shared/result';
import { err, ok } from '../shared/result';
import type { ApprovalVia } from './cancellations/approval';
import { serviceErrors, type ServiceError } from './cancellations/errors';
import type { KiccPort } from './cancellations/exchange';
import type { Terminal } from './cancellations/kiccRequests';
import { recoverAfterRestart } from './cancellations/recovery';
import {
  attemptView,
  cancellationView,
  receiptView,
  type CancellationDetail,
  type CancellationView,
  type ReceiptView,
} from './cancellations/views';
import { createCancellationWorkflow } from './cancellations/workflow';
import { createKiccClient } from './kicc/client';
import type { KiccCredentials } from './kicc/signing';
import { openLedger, type Ledger } from './ledger/ledger';
import {
  addReceipt as addReceiptToLedger,
  lookupReceipts as lookupInLedger,
  newReceiptOf,
  receiptInputSchema,
  receiptQuerySchema,
} from './ledger/lookup';
import type { Attempt, Cancellation, ReceiptSource } from './ledger/types';
import { createBackoff } from './queue/backoff';
import { tcpProbe } from './queue/probe';
import { createQueue, type QueueSummary } from './queue/queue';
import { systemScheduler, type Scheduler } from './queue/scheduler';
import { createStatusStream, type ServiceListener } from './queue/status';

/**
 * Everything the main process needs, built from plain config (DESIGN.md "services (plain Node,
 * constructible without Electron: createServices(config))"). No `electron` import here or below:
 * the Electron main process and every test build the same thing. See docs/engine.md.
 *
 * Every function that takes input takes `unknown` and validates it (zod, with the shared KICC
 * rules) before anything else; bad input answers `invalid-request` with field errors and writes
 * nothing.
 */
export interface ServicesConfig {
  /** the app's data folder; the ledger is `<dataDir>/ledger.sqlite` */
  dataDir: string;
  kicc: {
    /** `https://{API domain}` (KICC-API.md "Endpoints"), or the simulator's URL in training */
    baseUrl: string;
    /** read at every request, so new credentials apply at once (then call retryNow) */
    credentials: () => KiccCredentials | null;
    connectTimeoutMs?: number;
    readTimeoutMs?: number;
    /** the whole exchange from its first byte sent (default 40 s: electron/kicc/client.ts) */
    exchangeDeadlineMs?: number;
    /**
     * reqCancel codes confirmed to mean "nothing happened" (electron/cancellations/refusalCodes.ts),
     * read at every answer so a manager's change applies at once. Default none: every refusal
     * but those goes to a manager (issue 9). Training passes the simulator's own.
     */
    confirmedRefusalCodes?: () => readonly string[];
    /**
     * How long after a lost request a verification that must not reverse it waits (KICC's
     * net-cancel window [A] + twice the clock tolerance + margin: 41 minutes). Only tests on
     * real time shorten it, with the simulator's window.
     */
    heldVerificationWaitMs?: number;
  };
  terminal: Terminal;
  limits: { cashierMaxAmount: number; offlineMaxCount: number; offlineMaxTotal: number };
  /** in_doubt for longer than this -> needs_review */
  verificationDeadlineMs: number;
  clock: Clock;
  /** uniform in [0, 1): back-off jitter and the mercTrxNo generator's offset */
  random: () => number;
  /** connectivity probe while offline; default a TCP connect to KICC's host; false: none */
  probe?: (() => Promise<boolean>) | false;
  queue?: {
    /** queue items in flight at once (default 4) */
    concurrency?: number;
    /** first retry step (default 2 s), doubling up to retryMaxMs (default 5 min) */
    retryBaseMs?: number;
    retryMaxMs?: number;
    /** timers; default real (unref'd) ones. Tests pass createManualTime().scheduler */
    scheduler?: Scheduler;
    /** start working the queue at once (default true) */
    autoStart?: boolean;
  };
  /** replaces the real KICC client (unit tests only; integration tests use the simulator) */
  kiccPort?: KiccPort & { close?: () => Promise<void> };
  /** opens the ledger file (default electron/ledger openLedger); tests inject disk faults */
  openLedger?: (file: string) => Ledger;
  /** structured events; never secrets */
  log?: (event: string, fields: Record<string, unknown>) => void;
}

/** Set by the main process, never by the page: who asked, who approved (DESIGN.md). */
export interface RequestContext {
  /** the signed-in cashier (default 'cashier') */
  requestedBy?: string;
  /** the manager whose approval was checked by the main process (manager issue) */
  approvedBy?: string;
  /** how: the manager's PIN for this one, or manager mode (cancellations/approval.ts) */
  approvedVia?: ApprovalVia;
}

export interface QueueStatus {
  summary: QueueSummary;
  items: CancellationView[];
}

export interface Services {
  requestCancellation(
    input: unknown,
    context?: RequestContext,
  ): Promise<Result<CancellationView, ServiceError>>;
  getCancellation(input: unknown): Result<CancellationDetail, ServiceError>;
  listCancellations(
    input: unknown,
  ): Result<{ items: CancellationView[]; total: number }, ServiceError>;
  lookupReceipts(input: unknown): Result<{ receipts: ReceiptView[] }, ServiceError>;
  addReceipt(
    input: unknown,
    context?: { source?: ReceiptSource },
  ): Result<ReceiptView, ServiceError>;
  queueStatus(): Result<QueueStatus, ServiceError>;
  retryNow(input?: unknown): Result<QueueSummary, ServiceError>;
  notifyOnline(): void;
  notifyOffline(): void;
  notifyResume(): void;
  subscribe(listener: ServiceListener): () => void;
  /** Makes every waiting item due, works until idle, answers the summary (tests, bench, tools). */
  drain(): Promise<QueueSummary>;
  /** Stops the queue, waits for exchanges in flight to be recorded, closes client and ledger. */
  close(): Promise<void>;
  /** the ledger, for reports and tests; writes go through the services only */
  readonly ledger: Ledger;
}

const invalid = (error: z.ZodError): ServiceError =>
  serviceErrors.invalidRequest(fieldErrorsFrom(error));

/** Our ids are SQLite row ids; anything else names nothing. */
function rowId(id: string): number | null {
  if (!/^[1-9][0-9]{0,15}$/.test(id)) return null;
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : null;
}

export function createServices(config: ServicesConfig): Services {
  const log = config.log ?? (() => undefined);
  // What can throw for bad configuration (a malformed URL) is built before the ledger opens.
  const kicc =
    config.kiccPort ??
    createKiccClient({
      baseUrl: config.kicc.baseUrl,
      credentials: config.kicc.credentials,
      clock: config.clock,
      ...(config.kicc.connectTimeoutMs === undefined
        ? {}
        : { connectTimeoutMs: config.kicc.connectTimeoutMs }),
      ...(config.kicc.readTimeoutMs === undefined
        ? {}
        : { readTimeoutMs: config.kicc.readTimeoutMs }),
      ...(config.kicc.exchangeDeadlineMs === undefined
        ? {}
        : { exchangeDeadlineMs: config.kicc.exchangeDeadlineMs }),
      log,
    });
  const probe =
    config.probe === false ? undefined : (config.probe ?? tcpProbe(config.kicc.baseUrl));
  let ledger: Ledger | undefined;
  let recovered: ReturnType<typeof recoverAfterRestart>;
  try {
    mkdirSync(config.dataDir, { recursive: true });
    ledger = (config.openLedger ?? openLedger)(join(config.dataDir, 'ledger.sqlite'));
    recovered = recoverAfterRestart(ledger, config.clock);
  } catch (error) {
    // a failed start keeps neither the ledger's lock nor a connection pool
    ledger?.close();
    void kicc.close?.();
    throw error;
  }
  if (recovered.interruptedAttempts > 0) {
    log('engine.recovered', { interruptedAttempts: recovered.interruptedAttempts });
  }

  const retryDelay = createBackoff({
    baseMs: config.queue?.retryBaseMs ?? 2000,
    maxMs: config.queue?.retryMaxMs ?? 300_000,
    random: config.random,
  });

  const viewOf = (c: Cancellation): CancellationView => {
    let attempts: Attempt[] = [];
    try {
      attempts = ledger.attempts.forCancellation(c.id);
    } catch (error) {
      // a refused read must not turn a cancellation already sent into an error for the cashier
      log('engine.read-failed', { cancellationId: c.id, error: String(error) });
    }
    return cancellationView(c, attempts);
  };
  const confirmedRefusalCodes = config.kicc.confirmedRefusalCodes ?? (() => []);
  // The stream, the workflow and the queue refer to each other through closures called later.
  const status = createStatusStream({
    summary: () => queue.summary(),
    now: config.clock.now,
    onListenerError: (error) => log('engine.listener-error', { error: String(error) }),
  });

  const workflow = createCancellationWorkflow({
    ledger,
    kicc,
    clock: config.clock,
    terminal: config.terminal,
    newMercTrxNo: createMercTrxNoGenerator({
      terminalId: config.terminal.tid,
      clock: config.clock,
      random: config.random,
    }),
    retryDelay,
    verificationDeadlineMs: config.verificationDeadlineMs,
    limits: config.limits,
    exposureApplies: () => queue.isDegraded(),
    confirmedRefusalCodes,
    ...(config.kicc.heldVerificationWaitMs === undefined
      ? {}
      : { heldVerificationWaitMs: config.kicc.heldVerificationWaitMs }),
    log,
    observer: {
      cancellationChanged: (c) => status.cancellationChanged(() => viewOf(c)),
      connectivity: (signal, answered, settled) => queue.signal(signal, answered, settled),
    },
  });

  const queue = createQueue({
    ledger,
    workflow,
    clock: config.clock,
    scheduler: config.queue?.scheduler ?? systemScheduler,
    concurrency: config.queue?.concurrency ?? 4,
    verificationDeadlineMs: config.verificationDeadlineMs,
    ...(probe === undefined ? {} : { probe }),
    probeDelay: createBackoff({ baseMs: 5000, maxMs: 60_000, random: config.random }),
    onChange: () => status.summaryChanged(),
    onError: (error) => log('engine.step-failed', { error: String(error) }),
  });

  let closed = false;
  if (config.queue?.autoStart !== false) queue.start();

  return {
    ledger,

    async requestCancellation(input, context = {}) {
      const parsed = cancellationRequestSchema.safeParse(input);
      if (!parsed.success) return err(invalid(parsed.error));
      const receiptId = rowId(parsed.data.receiptId);
      if (receiptId === null) return err(serviceErrors.receiptNotFound());
      const result = await workflow.request({
        receiptId,
        clientRequestId: parsed.data.clientRequestId,
        confirmedAmounts: {
          trxAmt: parsed.data.trxAmt,
          vatAmt: parsed.data.vatAmt,
          svcAmt: parsed.data.svcAmt,
        },
        reason: parsed.data.reason,
        requestedBy: context.requestedBy ?? 'cashier',
        approvedBy: context.approvedBy ?? null,
        ...(context.approvedVia === undefined ? {} : { approvedVia: context.approvedVia }),
      });
      if (!result.ok) return result;
      queue.kick();
      return ok(viewOf(result.value));
    },

    getCancellation(input) {
      if (closed) return err(serviceErrors.closed());
      const parsed = byIdSchema.safeParse(input);
      if (!parsed.success) return err(invalid(parsed.error));
      const id = rowId(parsed.data.id);
      const c = id === null ? null : ledger.cancellations.get(id);
      if (c === null) return err(serviceErrors.cancellationNotFound());
      const attempts = ledger.attempts.forCancellation(c.id);
      return ok({ ...cancellationView(c, attempts), attemptLog: attempts.map(attemptView) });
    },

    listCancellations(input) {
      if (closed) return err(serviceErrors.closed());
      const parsed = cancellationListSchema.safeParse(input);
      if (!parsed.success) return err(invalid(parsed.error));
      const q = parsed.data;
      const filter = {
        ...(q.states === undefined ? {} : { states: q.states }),
        ...(q.text === undefined ? {} : { text: q.text }),
        ...(q.resolvedByManager === undefined ? {} : { resolvedByManager: q.resolvedByManager }),
        // history dates are Korea dates, whatever the PC's zone
        ...(q.from === undefined ? {} : { createdFrom: kstMidnight(q.from) }),
        ...(q.to === undefined ? {} : { createdTo: kstMidnight(q.to) + 86_400_000 }),
      };
      const items = ledger.cancellations.list({ ...filter, limit: q.limit, offset: q.offset });
      return ok({ items: items.map(viewOf), total: ledger.cancellations.count(filter) });
    },

    lookupReceipts(input) {
      if (closed) return err(serviceErrors.closed());
      const parsed = receiptQuerySchema.safeParse(input);
      if (!parsed.success) return err(invalid(parsed.error));
      return ok({ receipts: lookupInLedger(ledger, parsed.data).map(receiptView) });
    },

    addReceipt(input, context = {}) {
      if (closed) return err(serviceErrors.closed());
      const parsed = receiptInputSchema.safeParse(input);
      if (!parsed.success) return err(invalid(parsed.error));
      const source = context.source ?? ('wcc' in parsed.data ? 'typed' : 'imported');
      const added = addReceiptToLedger(
        ledger,
        newReceiptOf(parsed.data, source),
        config.clock.now(),
      );
      return added.ok ? ok(receiptView(added.value)) : added;
    },

    queueStatus() {
      if (closed) return err(serviceErrors.closed());
      const items = ledger.cancellations.list({
        states: ['queued', 'in_doubt'],
        limit: 1000,
        offset: 0,
      });
      return ok({ summary: queue.summary(), items: items.map(viewOf) });
    },

    retryNow(input = {}) {
      if (closed) return err(serviceErrors.closed());
      const parsed = retryNowSchema.safeParse(input);
      if (!parsed.success) return err(invalid(parsed.error));
      let id: number | undefined;
      if (parsed.data.cancellationId !== undefined) {
        const found = rowId(parsed.data.cancellationId);
        if (found === null || ledger.cancellations.get(found) === null) {
          return err(serviceErrors.cancellationNotFound());
        }
        id = found;
      }
      queue.retryNow(id);
      return ok(queue.summary());
    },

    notifyOnline: () => queue.notifyOnline(),
    notifyOffline: () => queue.notifyOffline(),
    notifyResume: () => queue.notifyResume(),
    subscribe: (listener) => status.subscribe(listener),

    async drain() {
      await queue.drain();
      return queue.summary();
    },

    async close() {
      if (closed) return;
      closed = true;
      status.close();
      await queue.close();
      await workflow.close();
      await kicc.close?.();
      ledger.close();
    },
  };
}
