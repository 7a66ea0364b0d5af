import { createPosApi, type PosApi } from '../../shared/contract/api';
import type { ChannelName, EventName } from '../../shared/contract/channels';
import type { PosResult } from '../../shared/contract/errors';
import type { ManagerStatus, SlipView } from '../../shared/contract/manager-models';
import type {
  AppInfo,
  Cancellation,
  QueueSummary,
  Receipt,
  Settings,
} from '../../shared/contract/models';
import { buildSlip } from '../../shared/slip';

/**
 * A `window.pos` for component tests, built with the REAL factory (shared/contract/api.ts) over
 * an in-memory transport: requests are checked against the contract exactly as in the app, so
 * a screen that sends something main would refuse fails here too.
 */
export type Handler = (payload: unknown) => PosResult<unknown> | Promise<PosResult<unknown>>;

export interface FakePos {
  pos: PosApi;
  calls: { channel: ChannelName; payload: unknown }[];
  callsTo(channel: ChannelName): unknown[];
  emit(event: EventName, payload: unknown): void;
  handle(channel: ChannelName, handler: Handler): void;
}

export const okResult = <T>(value: T): PosResult<T> => ({ ok: true, value });
export const errResult = (code: string, ko: string, en: string): PosResult<never> => ({
  ok: false,
  error: { code, message: { ko, en } },
});

export const summary = (patch: Partial<QueueSummary> = {}): QueueSummary => ({
  count: 0,
  totalAmount: 0,
  oldestAt: null,
  nextTryAt: null,
  online: true,
  pausedReason: null,
  ...patch,
});

export const settings = (patch: Partial<Settings> = {}): Settings => ({
  apiBaseUrl: 'http://127.0.0.1:9',
  terminalId: 'T123456789',
  serviceId: 'SVC_SIMPLE',
  businessNumber: '1234567890',
  limits: { cashierMaxAmount: 500_000, offlineMaxCount: 10, offlineMaxAmount: 1_000_000 },
  language: 'ko',
  storeName: '',
  printerName: '',
  startAtLogin: false,
  kiosk: false,
  cashiers: [],
  confirmedRefusalCodes: [],
  autoPrintSettled: false,
  backupFolder: '',
  ...patch,
});

export const receipt = (patch: Partial<Receipt> = {}): Receipt => ({
  id: 'r1',
  source: 'training',
  aprvDt: '20231225',
  aprvTm: '120000',
  aprvNo: '12345678',
  vanTrxNo: 'V12345678902',
  mercTrxNo: 'ORD_20231225_0001',
  alotMonth: '00',
  trxAmt: 10000,
  vatAmt: 909,
  svcAmt: 0,
  cardConfirmNo: '1234-56**-****-1234',
  issuerName: 'KB Kookmin Card',
  cancellation: null,
  ...patch,
});

/** 2023-12-26 10:00:00 KST */
export const AT = Date.UTC(2023, 11, 26, 1, 0, 0);

export const cancellation = (patch: Partial<Cancellation> = {}): Cancellation => ({
  id: 'c1',
  receiptId: 'r1',
  clientRequestId: '00000000-0000-4000-8000-000000000001',
  state: 'cancelled',
  wcc: 'T',
  cndTrxNo: 'V12345678902',
  orgAprvDt: '20231225',
  orgAprvNo: '12345678',
  alotMonth: '00',
  trxAmt: 10000,
  vatAmt: 909,
  svcAmt: 0,
  reason: '고객 변심',
  cardConfirmNo: '1234-56**-****-1234',
  mercTrxNo: 'CANCEL_20231226_0001',
  requestedAt: AT,
  updatedAt: AT,
  attempts: 1,
  nextTryAt: null,
  cancelled: {
    aprvNo: '87654321',
    vanTrxNo: 'V99999999999',
    cndDt: '20231226',
    cndTm: '100002',
    cardConfirmNo: '1234-56**-****-1234',
    issuerName: 'KB Kookmin Card',
    alreadyCancelledEarlier: false,
  },
  rejection: null,
  requestedBy: 'cashier',
  approvedBy: null,
  resolvedByManager: false,
  ...patch,
});

/** The slip main would build for a cancellation (shared/slip, the same builder main uses). */
export function slipView(c: Cancellation, language: 'ko' | 'en' = 'ko'): SlipView {
  const slip = buildSlip(
    {
      state: c.state,
      storeName: '교육용 가맹점',
      businessNumber: '1234567890',
      terminalId: 'T123456789',
      cardNumber: c.cardConfirmNo ?? null,
      issuerName: c.cancelled?.issuerName ?? null,
      orgAprvDt: c.orgAprvDt,
      orgAprvNo: c.orgAprvNo,
      alotMonth: c.alotMonth,
      trxAmt: c.trxAmt,
      vatAmt: c.vatAmt,
      svcAmt: c.svcAmt,
      cancelAprvNo: c.cancelled?.aprvNo ?? null,
      requestedAt: c.requestedAt,
      cancelledAt: c.state === 'cancelled' ? c.updatedAt : null,
      mercTrxNo: c.mercTrxNo ?? null,
      rejection: c.rejection,
      reprintedAt: null,
    },
    language,
  );
  return { kind: slip.kind, lang: slip.lang, title: slip.title, lines: slip.lines };
}

export const managerStatus = (patch: Partial<ManagerStatus> = {}): ManagerStatus => ({
  pin: 'ready',
  role: 'cashier',
  lockedUntil: null,
  triesLeft: 5,
  sessionExpiresAt: null,
  ...patch,
});

/** what `app.info` answers: a training till in Korean unless patched */
export const appInfo = (patch: Partial<AppInfo> = {}): AppInfo => ({
  mode: 'training',
  trainingReason: null,
  recovered: null,
  terminalId: 'T123456789',
  version: '0.1.0',
  language: 'ko',
  ...patch,
});

const DEFAULTS: Partial<Record<ChannelName, Handler>> = {
  'manager.status': () => okResult(managerStatus()),
  'app.info': () => okResult(appInfo()),
  'settings.get': () => okResult(settings()),
  'settings.update': () => okResult(settings()),
  'queue.status': () => okResult({ summary: summary(), items: [] }),
  'queue.retryNow': () => okResult(summary()),
  'cancellations.list': () => okResult({ items: [], total: 0 }),
  'receipts.lookup': () => okResult({ receipts: [] }),
  'integrity.status': () => okResult({ sealed: true, findings: [], liveBlockedBy: null }),
};

export function fakePos(handlers: Partial<Record<ChannelName, Handler>> = {}): FakePos {
  const table: Partial<Record<ChannelName, Handler>> = { ...DEFAULTS, ...handlers };
  const calls: FakePos['calls'] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const pos = createPosApi({
    async invoke(channel, payload) {
      calls.push({ channel, payload });
      const handler = table[channel];
      if (!handler) return errResult('not-found', '없음', 'no handler in the test');
      return handler(payload);
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });
  return {
    pos,
    calls,
    callsTo: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.payload),
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
    handle: (channel, handler) => {
      table[channel] = handler;
    },
  };
}

/** A promise and its resolver: hold an answer back to test what happens in flight. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
