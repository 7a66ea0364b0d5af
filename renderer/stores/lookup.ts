import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError } from '../../shared/contract/errors';
import type { Receipt } from '../../shared/contract/models';

/**
 * The look-up: one field for whatever the receipt shows (issue 5), an optional approval date to
 * tell apart approval numbers that repeat across days. Only the latest search's answer is kept:
 * a slow answer to an older query never overwrites a newer one.
 */
export interface LookupState {
  query: string;
  aprvDt: string;
  phase: 'idle' | 'searching' | 'done' | 'error';
  /** the query the results belong to */
  searched: string;
  /** true when the search came from a barcode scan */
  scanned: boolean;
  results: readonly Receipt[];
  error: PosError | null;
  setQuery(query: string): void;
  setAprvDt(aprvDt: string): void;
  search(options?: { query?: string; scanned?: boolean }): Promise<void>;
  /** a receipt's status changed (a cancellation went on): keep the list truthful */
  updateReceipt(receipt: Receipt): void;
  clear(): void;
}

export type LookupStore = StoreApi<LookupState>;

export function createLookupStore(pos: PosApi): LookupStore {
  let latest = 0;
  return createStore<LookupState>()((set, get) => ({
    query: '',
    aprvDt: '',
    phase: 'idle',
    searched: '',
    scanned: false,
    results: [],
    error: null,
    setQuery: (query) => set({ query }),
    setAprvDt: (aprvDt) => set({ aprvDt }),
    async search(options = {}) {
      const query = (options.query ?? get().query).trim();
      if (query === '') return;
      const aprvDt = get().aprvDt.replace(/[^0-9]/g, '');
      const ticket = ++latest;
      set({ query, phase: 'searching', scanned: options.scanned ?? false, error: null });
      const answer = await pos.receipts.lookup({
        by: 'number',
        query,
        ...(aprvDt.length === 8 ? { aprvDt } : {}),
      });
      if (ticket !== latest) return;
      set(
        answer.ok
          ? { phase: 'done', searched: query, results: answer.value.receipts, error: null }
          : { phase: 'error', searched: query, results: [], error: answer.error },
      );
    },
    updateReceipt: (receipt) =>
      set((state) => ({
        results: state.results.map((r) => (r.id === receipt.id ? receipt : r)),
      })),
    clear: () => {
      latest++;
      set({ query: '', aprvDt: '', phase: 'idle', searched: '', results: [], error: null });
    },
  }));
}
