import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { AppInfo, QueueSummary, Settings } from '../../shared/contract/models';

/**
 * What the status bar shows, always (STYLE.md "State is always visible"): connection, training
 * mode, the queue's count and total, the terminal. Filled once from main, then kept current by
 * main's pushed events; the page never polls.
 */
export interface StatusState {
  info: AppInfo | null;
  settings: Settings | null;
  summary: QueueSummary | null;
  /** null until main tells us */
  online: boolean | null;
  /** a load failure, cashier-readable */
  problem: { ko: string; en: string } | null;
  /** the screen was reloaded after a crash or hang (main says so once); until dismissed */
  recovered: AppInfo['recovered'];
  dismissRecovered(): void;
  load(): Promise<void>;
  /** starts listening to main's events; returns the function that stops */
  listen(): () => void;
}

export type StatusStore = StoreApi<StatusState>;

export function createStatusStore(pos: PosApi): StatusStore {
  return createStore<StatusState>()((set) => ({
    info: null,
    settings: null,
    summary: null,
    online: null,
    problem: null,
    recovered: null,
    dismissRecovered: () => set({ recovered: null }),
    async load() {
      const [info, settings, queue] = await Promise.all([
        pos.app.info(),
        pos.settings.get(),
        pos.queue.status(),
      ]);
      set({
        info: info.ok ? info.value : null,
        recovered: info.ok ? info.value.recovered : null,
        settings: settings.ok ? settings.value : null,
        ...(queue.ok ? { summary: queue.value.summary, online: queue.value.summary.online } : {}),
        problem: !info.ok ? info.error.message : !queue.ok ? queue.error.message : null,
      });
    },
    listen() {
      const stops = [
        pos.on('queue.summary', (summary) => set({ summary, online: summary.online })),
        pos.on('connectivity.changed', ({ online }) => set({ online })),
      ];
      return () => stops.forEach((stop) => stop());
    },
  }));
}
