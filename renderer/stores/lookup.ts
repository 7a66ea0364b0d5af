import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError } from '../../shared/contract/errors';
import type { Receipt } from '../../shared/contract/models';
import { kstDay } from '../format/time';
import { latinFromHangulKeys } from '../scanner/hangul-keys';
import { amountDraftOf, amountLookupOf, type AmountDraft } from '../screens/lookup/amount-search';

/**
 * The look-up, two ways (issue 5; issue 12 finding 2):
 *  - `number`: one field for whatever the receipt shows, typed or scanned, with an optional
 *    approval date to tell apart approval numbers that repeat across days;
 *  - `amount`: no receipt number at hand: the approval date or a range (today unless changed)
 *    and the amount, narrowed by the card's last four digits (`by: 'amount'` in the contract).
 * Only the latest search's answer is kept: a slow answer to an older query never overwrites a
 * newer one, whichever tab asked.
 */
export type LookupTab = 'number' | 'amount';

export interface LookupState {
  tab: LookupTab;
  query: string;
  aprvDt: string;
  amount: AmountDraft;
  /** set after a search by amount was refused on the page: every field's error shows */
  amountShowAll: boolean;
  phase: 'idle' | 'searching' | 'done' | 'error';
  /** which search the results belong to */
  searchedBy: LookupTab;
  /** the number query the results belong to */
  searched: string;
  /** true when the search came from a barcode scan */
  scanned: boolean;
  results: readonly Receipt[];
  error: PosError | null;
  setTab(tab: LookupTab): void;
  setQuery(query: string): void;
  setAprvDt(aprvDt: string): void;
  setAmountField(field: keyof AmountDraft, value: string): void;
  search(options?: { query?: string; scanned?: boolean }): Promise<void>;
  searchByAmount(): Promise<void>;
  /** a receipt's status changed (a cancellation went on): keep the list truthful */
  updateReceipt(receipt: Receipt): void;
  clear(): void;
}

export type LookupStore = StoreApi<LookupState>;

/** `today`: the desk's clock, so "today" is the Korea-time day the cashier is in. */
export function createLookupStore(pos: PosApi, now: () => number = Date.now): LookupStore {
  let latest = 0;
  const freshAmount = (): AmountDraft => amountDraftOf(kstDay(now()));
  return createStore<LookupState>()((set, get) => ({
    tab: 'number',
    query: '',
    aprvDt: '',
    amount: freshAmount(),
    amountShowAll: false,
    phase: 'idle',
    searchedBy: 'number',
    searched: '',
    scanned: false,
    results: [],
    error: null,
    setTab: (tab) =>
      set((state) =>
        tab === state.tab
          ? {}
          : // a new day since the last visit: the dates follow unless the cashier typed them
            {
              tab,
              ...(tab === 'amount' && state.amount.amount === '' ? { amount: freshAmount() } : {}),
            },
      ),
    setQuery: (query) => set({ query }),
    setAprvDt: (aprvDt) => set({ aprvDt }),
    setAmountField: (field, value) =>
      set((state) => ({ amount: { ...state.amount, [field]: value } })),
    async search(options = {}) {
      // What a Hangul-mode keyboard typed is taken back to the keys (receipts carry Latin).
      const query = latinFromHangulKeys((options.query ?? get().query).trim());
      if (query === '') return;
      const aprvDt = get().aprvDt.replace(/[^0-9]/g, '');
      const ticket = ++latest;
      set({
        tab: 'number',
        query,
        phase: 'searching',
        scanned: options.scanned ?? false,
        error: null,
      });
      const answer = await pos.receipts.lookup({
        by: 'number',
        query,
        ...(aprvDt.length === 8 ? { aprvDt } : {}),
      });
      if (ticket !== latest) return;
      set(
        answer.ok
          ? {
              phase: 'done',
              searchedBy: 'number',
              searched: query,
              results: answer.value.receipts,
              error: null,
            }
          : {
              phase: 'error',
              searchedBy: 'number',
              searched: query,
              results: [],
              error: answer.error,
            },
      );
    },
    async searchByAmount() {
      const request = amountLookupOf(get().amount);
      if (request === null) {
        set({ amountShowAll: true });
        return;
      }
      const ticket = ++latest;
      set({ phase: 'searching', scanned: false, error: null, amountShowAll: false });
      const answer = await pos.receipts.lookup(request);
      if (ticket !== latest) return;
      set(
        answer.ok
          ? { phase: 'done', searchedBy: 'amount', searched: '', results: answer.value.receipts }
          : {
              phase: 'error',
              searchedBy: 'amount',
              searched: '',
              results: [],
              error: answer.error,
            },
      );
    },
    updateReceipt: (receipt) =>
      set((state) => ({
        results: state.results.map((r) => (r.id === receipt.id ? receipt : r)),
      })),
    clear: () => {
      latest++;
      set({
        query: '',
        aprvDt: '',
        amount: freshAmount(),
        amountShowAll: false,
        phase: 'idle',
        searched: '',
        results: [],
        error: null,
      });
    },
  }));
}
