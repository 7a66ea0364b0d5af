import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PrinterInfo } from '../../shared/contract/counter-models';
import type { PosError } from '../../shared/contract/errors';
import type { PrintResult } from '../../shared/contract/manager-models';

/**
 * The receipt printer in the settings (issue 12 finding 5): the system's printers to pick from
 * (main reads them with Electron's getPrintersAsync), and a test slip on the one picked, saved
 * or not. Picking none means the system's default printer, printed without a dialog.
 */
export interface PrintersState {
  phase: 'idle' | 'loading' | 'ready' | 'error';
  printers: readonly PrinterInfo[];
  error: PosError | null;
  testing: boolean;
  tested: PrintResult | null;
  testError: PosError | null;
  load(): Promise<void>;
  testPrint(printerName: string): Promise<void>;
}

export type PrintersStore = StoreApi<PrintersState>;

export function createPrintersStore(pos: PosApi): PrintersStore {
  return createStore<PrintersState>()((set, get) => ({
    phase: 'idle',
    printers: [],
    error: null,
    testing: false,
    tested: null,
    testError: null,
    async load() {
      set({ phase: 'loading', error: null });
      const answer = await pos.printers.list({});
      set(
        answer.ok
          ? { phase: 'ready', printers: answer.value.printers }
          : { phase: 'error', error: answer.error },
      );
    },
    async testPrint(printerName) {
      if (get().testing) return;
      set({ testing: true, tested: null, testError: null });
      const answer = await pos.printers.testPrint({ printerName });
      set(
        answer.ok
          ? { testing: false, tested: answer.value }
          : { testing: false, testError: answer.error },
      );
    },
  }));
}
