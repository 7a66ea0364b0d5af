import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError } from '../../shared/contract/errors';
import type { Cancellation } from '../../shared/contract/models';
import {
  emptyHistoryFilter,
  filterHistory,
  indexHistory,
  searchKey,
  type FilterResult,
  type HistoryFilter,
  type HistoryRow,
} from '../screens/history/filter';
import { kstDay } from '../format/time';

/**
 * Cancellation history: loaded once per visit, newest first as main sends them, up to
 * HISTORY_MAX rows, then filtered in the page on every keystroke (../screens/history/filter.ts
 * explains how that stays within one frame). The first page is small so the screen fills at
 * once; the rest follows in larger pages while the cashier can already read and filter.
 */
export const HISTORY_MAX = 100_000;
export const HISTORY_FIRST_PAGE = 2_000;
export const HISTORY_PAGE = 20_000;

export interface HistoryState {
  rows: readonly HistoryRow[];
  /** how many main has in all (may exceed what was loaded) */
  total: number;
  /** 'more': the first rows are shown, the rest are on their way */
  phase: 'idle' | 'loading' | 'more' | 'ready' | 'error';
  error: PosError | null;
  filter: HistoryFilter;
  result: FilterResult;
  load(): Promise<void>;
  setFilter(patch: Partial<HistoryFilter>): void;
  applyUpdate(cancellation: Cancellation): void;
}

export type HistoryStore = StoreApi<HistoryState>;

const emptyResult: FilterResult = { filter: emptyHistoryFilter, matches: new Uint32Array(0) };

/**
 * `rows` with main's newer word on one cancellation: its row replaced, or a new row on top (made
 * since the list was read; `added`, for `total`). Null when the row shown is newer already.
 */
function withUpdate(
  rows: readonly HistoryRow[],
  cancellation: Cancellation,
): { rows: HistoryRow[]; added: boolean } | null {
  const at = rows.findIndex((row) => row.cancellation.id === cancellation.id);
  if (at >= 0 && rows[at]!.cancellation.updatedAt > cancellation.updatedAt) return null;
  const row: HistoryRow = {
    cancellation,
    day: kstDay(cancellation.requestedAt),
    key: searchKey(cancellation),
  };
  return at >= 0
    ? { rows: rows.map((r, i) => (i === at ? row : r)), added: false }
    : { rows: [row, ...rows], added: true };
}

export function createHistoryStore(pos: PosApi): HistoryStore {
  let visits = 0;
  /**
   * main's pushes while the pages load (found by a review, 2026-12-06: they were dropped, and a
   * row kept an old state, red or green, for the whole visit): applied once the last page is in
   */
  let pushedWhileLoading = new Map<string, Cancellation>();
  return createStore<HistoryState>()((set, get) => ({
    rows: [],
    total: 0,
    phase: 'idle',
    error: null,
    filter: emptyHistoryFilter,
    result: emptyResult,
    async load() {
      const visit = ++visits;
      pushedWhileLoading = new Map();
      set({ phase: 'loading', rows: [], total: 0, result: emptyResult });
      const seen = new Set<string>();
      let rows: HistoryRow[] = [];
      let offset = 0;
      for (;;) {
        const limit = offset === 0 ? HISTORY_FIRST_PAGE : HISTORY_PAGE;
        const answer = await pos.cancellations.list({ offset, limit });
        if (visit !== visits) return; // a newer visit took over
        if (!answer.ok) {
          set({ phase: 'error', error: answer.error });
          return;
        }
        const { items, total } = answer.value;
        // A cancellation made meanwhile shifts the pages by one: never show a row twice.
        const fresh = items.filter((c) => !seen.has(c.id));
        for (const c of fresh) seen.add(c.id);
        rows = [...rows, ...indexHistory(fresh)];
        offset += items.length;
        const done = items.length < limit || offset >= total || rows.length >= HISTORY_MAX;
        let shownTotal = total;
        if (done) {
          for (const pushed of pushedWhileLoading.values()) {
            const merged = withUpdate(rows, pushed);
            if (merged === null) continue;
            rows = merged.rows;
            if (merged.added) shownTotal += 1;
          }
          pushedWhileLoading = new Map();
        }
        set({
          rows,
          total: shownTotal,
          phase: done ? 'ready' : 'more',
          error: null,
          result: filterHistory(rows, get().filter),
        });
        if (done) return;
      }
    },
    setFilter(patch) {
      const { rows, filter, result } = get();
      const next = { ...filter, ...patch };
      set({ filter: next, result: filterHistory(rows, next, result) });
    },
    applyUpdate(cancellation) {
      const { phase, rows, filter, total } = get();
      if (phase === 'loading' || phase === 'more') {
        const earlier = pushedWhileLoading.get(cancellation.id);
        if (earlier === undefined || cancellation.updatedAt >= earlier.updatedAt)
          pushedWhileLoading.set(cancellation.id, cancellation);
        return;
      }
      // Not loaded (or failed): the next load brings it anyway.
      if (phase !== 'ready') return;
      const next = withUpdate(rows, cancellation);
      if (next === null) return;
      set({
        rows: next.rows,
        total: total + (next.added ? 1 : 0),
        result: filterHistory(next.rows, filter),
      });
    },
  }));
}
