import type {
  Cancellation,
  CancellationRequest,
  ChannelRequest,
  EventName,
  EventPayload,
  PosResult,
  QueueSummary,
  Receipt,
  Settings,
} from '../../shared/contract';

/**
 * What the IPC handlers need from the engine (electron/services.ts, `createServices(config)`),
 * in the contract's words. Narrow on purpose: the handlers compile and are tested before the
 * engine's API is final, and an adapter maps the engine to this port (the lead reconciles).
 * Every method answers a Result for expected failures (a refused cancellation, an unknown id);
 * a throw is a bug and becomes the generic `internal` error at the IPC boundary.
 */
export interface DeskServices {
  receipts: {
    lookup(query: ChannelRequest<'receipts.lookup'>): Promise<PosResult<Receipt[]>>;
    add(input: ChannelRequest<'receipts.add'>): Promise<PosResult<Receipt>>;
  };
  cancellations: {
    /**
     * Idempotent on `clientRequestId`: the same id answers the cancellation it created.
     * `context` (who asked, who approved) is set by main (../store-ops/approval.ts), never by
     * the page; the manager's PIN never gets this far.
     */
    request(
      input: CancellationRequest,
      context: { requestedBy: string; approvedBy?: string; approvedVia?: 'pin' | 'manager-mode' },
    ): Promise<PosResult<Cancellation>>;
    get(id: string): Promise<PosResult<Cancellation>>;
    list(
      query: ChannelRequest<'cancellations.list'>,
    ): Promise<PosResult<{ items: Cancellation[]; total: number }>>;
  };
  queue: {
    status(): Promise<PosResult<{ summary: QueueSummary; items: Cancellation[] }>>;
    /** Work the queue now (one item, or all that are due). */
    retryNow(cancellationId?: string): Promise<PosResult<QueueSummary>>;
    /** A connectivity signal from the shell (../connectivity.ts): probe and work if online. */
    signal(signal: ConnectivitySignal): void;
  };
  /** Status stream for the page (issue 3 "Status stream for the UI"). */
  subscribe(listener: (event: DeskEvent) => void): () => void;
  /** Stop the queue and close the ledger cleanly (DESIGN.md: one writer, durable). */
  close(): Promise<void>;
}

/** One pushed event, typed by the contract's event table. */
export type DeskEvent = {
  [E in EventName]: { event: E; payload: EventPayload<E> };
}[EventName];

/** Why the shell thinks the queue should look at the network now. */
export interface ConnectivitySignal {
  reason: 'start' | 'online' | 'offline' | 'resume' | 'focus';
  /** Electron's view (net.isOnline()); the queue still probes KICC before trusting it */
  online: boolean;
  at: number;
}

/** Non-secret settings (../settings/). */
export interface SettingsPort {
  get(): Settings;
  update(patch: ChannelRequest<'settings.update'>): PosResult<Settings>;
}

/** Write-only credentials (../credentials/). There is deliberately no way to read them here. */
export interface CredentialsPort {
  status(): { set: boolean; encryptionAvailable: boolean; updatedAt: number | null };
  save(input: ChannelRequest<'credentials.set'>): PosResult<{ updatedAt: number }>;
  clear(): PosResult<null>;
}
