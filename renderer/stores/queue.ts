import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError } from '../../shared/contract/errors';
import type { Cancellation, QueueSummary } from '../../shared/contract/models';
import { isFinal } from './cancel';

/**
 * The queue screen: unresolved cancellations (queued, in doubt) with their attempts and next
 * try, and "retry now" (DESIGN.md "The queue"). Items leave the list as soon as main reports
 * them final.
 */
export interface QueueState {
  items: readonly Cancellation[];
  summary: QueueSummary | null;
  phase: 'idle' | 'loading' | 'ready' | 'error';
  error: PosError | null;
  /** ids with a retry just asked for (the button says so until the next update) */
  retrying: ReadonlySet<string>;
  load(): Promise<void>;
  retryNow(cancellationId?: string): Promise<void>;
  applyUpdate(cancellation: Cancellation): void;
  setSummary(summary: QueueSummary): void;
}

export type QueueStore = StoreApi<QueueState>;

const ALL = '*';

export function createQueueStore(pos: PosApi): QueueStore {
  return createStore<QueueState>()((set) => ({
    items: [],
    summary: null,
    phase: 'idle',
    error: null,
    retrying: new Set(),
    async load() {
      set({ phase: 'loading' });
      const answer = await pos.queue.status();
      set(
        answer.ok
          ? {
              phase: 'ready',
              items: answer.value.items,
              summary: answer.value.summary,
              error: null,
            }
          : { phase: 'error', error: answer.error },
      );
    },
    async retryNow(cancellationId) {
      set((state) => ({ retrying: new Set([...state.retrying, cancellationId ?? ALL]) }));
      const answer = await pos.queue.retryNow(
        cancellationId === undefined ? {} : { cancellationId },
      );
      set(answer.ok ? { summary: answer.value, error: null } : { error: answer.error });
    },
    applyUpdate: (cancellation) =>
      set((state) => {
        const retrying = new Set(state.retrying);
        retrying.delete(cancellation.id);
        retrying.delete(ALL);
        const others = state.items.filter((item) => item.id !== cancellation.id);
        if (isFinal(cancellation)) return { items: others, retrying };
        const known = others.length !== state.items.length;
        const items = known
          ? state.items.map((item) => (item.id === cancellation.id ? cancellation : item))
          : [...state.items, cancellation];
        return { items, retrying };
      }),
    setSummary: (summary) => set({ summary }),
  }));
}

export const isRetrying = (state: Pick<QueueState, 'retrying'>, id: string): boolean =>
  state.retrying.has(id) || state.retrying.has(ALL);
