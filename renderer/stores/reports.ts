import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError } from '../../shared/contract/errors';
import type { Report } from '../../shared/contract/manager-models';
import { kstDay } from '../format/time';
import type { Language } from '../i18n/translate';
import { periodOf, type Period, type PeriodDraft } from '../screens/reports/period';

/**
 * Reports (issue 6): the day's or a date range's cancellations, count and total by state, by
 * cashier and by card issuer, as main computes them from the ledger (electron/reports); the CSV
 * is written by main after its own save dialog (the page never touches the disk), and the
 * end-of-day summary is shown and printed like a slip (./slip.ts).
 */
export interface CsvSaved {
  saved: boolean;
  fileName: string | null;
  rows: number;
}

export interface ReportsState {
  period: PeriodDraft;
  /** the Korea-time day the period was chosen (or defaulted) on */
  chosenOn: string;
  /** the period of the report shown */
  shown: Period | null;
  report: Report | null;
  phase: 'idle' | 'loading' | 'ready' | 'error';
  error: PosError | null;
  exporting: boolean;
  exported: CsvSaved | null;
  exportError: PosError | null;
  setPeriod(patch: Partial<PeriodDraft>): void;
  /** the screen opens: a period chosen on an earlier day starts again at today, then loads */
  open(): Promise<void>;
  load(): Promise<void>;
  exportCsv(kind: 'summary' | 'detail', language: Language): Promise<void>;
}

export type ReportsStore = StoreApi<ReportsState>;

const today = (now: number): string => {
  const day = kstDay(now);
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
};

/**
 * Today's period. The screen's default is TODAY when it opens, not the day the app started
 * (issue 13 finding 6: a desk left running past midnight opened reports on yesterday).
 */
const todayPeriod = (now: number): PeriodDraft => {
  const day = today(now);
  return { kind: 'day', date: day, from: day, to: day };
};

export function createReportsStore(pos: PosApi, now: () => number): ReportsStore {
  return createStore<ReportsState>()((set, get) => ({
    period: todayPeriod(now()),
    chosenOn: kstDay(now()),
    shown: null,
    report: null,
    phase: 'idle',
    error: null,
    exporting: false,
    exported: null,
    exportError: null,

    setPeriod: (patch) =>
      set((state) => ({
        period: { ...state.period, ...patch },
        chosenOn: kstDay(now()),
        exported: null,
      })),

    async open() {
      const day = kstDay(now());
      if (get().chosenOn !== day) set({ period: todayPeriod(now()), chosenOn: day });
      await get().load();
    },

    async load() {
      const { period } = periodOf(get().period);
      if (period === undefined) return;
      set({ phase: 'loading', error: null, exported: null, exportError: null });
      const answer =
        period.from === period.to && get().period.kind === 'day'
          ? await pos.reports.day({ date: period.from })
          : await pos.reports.range(period);
      set(
        answer.ok
          ? { phase: 'ready', report: answer.value, shown: period }
          : { phase: 'error', error: answer.error },
      );
    },

    async exportCsv(kind, language) {
      const { shown, exporting } = get();
      if (shown === null || exporting) return;
      set({ exporting: true, exported: null, exportError: null });
      const answer = await pos.reports.exportCsv({ ...shown, kind, language });
      set(
        answer.ok
          ? { exporting: false, exported: answer.value }
          : { exporting: false, exportError: answer.error },
      );
    },
  }));
}
