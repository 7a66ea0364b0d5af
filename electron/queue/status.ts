import type { CancellationView } from '../cancellations/views';
import type { QueueSummary } from './queue';

/**
 * The status stream for the screens (DESIGN.md "Its state ... is pushed to the renderer"). Event
 * names are the IPC contract's (shared/contract/channels.ts `events`), so the shell forwards
 * them as they are.
 */
export type ServiceEvent =
  | { type: 'cancellation.updated'; cancellation: CancellationView }
  | { type: 'queue.summary'; summary: QueueSummary }
  | { type: 'connectivity.changed'; online: boolean; at: number };

export type ServiceListener = (event: ServiceEvent) => void;

export interface StatusStreamDeps {
  summary: () => QueueSummary;
  now: () => number;
  /** a listener that throws is a bug of the listener: reported, never allowed to stop the engine */
  onListenerError: (error: unknown) => void;
}

export function createStatusStream(deps: StatusStreamDeps) {
  const listeners = new Set<ServiceListener>();
  let summaryDue: ReturnType<typeof setImmediate> | null = null;
  let lastOnline: boolean | null = null;
  let closed = false;

  function emit(event: ServiceEvent): void {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        deps.onListenerError(error);
      }
    }
  }

  function pushSummary(): void {
    summaryDue = null;
    if (closed || listeners.size === 0) return;
    const summary = deps.summary();
    if (lastOnline !== summary.online) {
      lastOnline = summary.online;
      emit({ type: 'connectivity.changed', online: summary.online, at: deps.now() });
    }
    emit({ type: 'queue.summary', summary });
  }

  /** Coalesced: many changes in one turn of the event loop make one summary. */
  function summaryChanged(): void {
    if (closed || summaryDue !== null || listeners.size === 0) return;
    summaryDue = setImmediate(pushSummary);
  }

  return {
    subscribe(listener: ServiceListener): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    hasListeners: (): boolean => listeners.size > 0,
    cancellationChanged(view: () => CancellationView): void {
      if (closed || listeners.size === 0) return;
      emit({ type: 'cancellation.updated', cancellation: view() });
      summaryChanged();
    },
    summaryChanged,
    close(): void {
      closed = true;
      if (summaryDue !== null) clearImmediate(summaryDue);
      summaryDue = null;
      listeners.clear();
    },
  };
}
