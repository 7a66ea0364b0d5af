import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError, PosResult } from '../../shared/contract/errors';
import type { PrintResult, SlipView } from '../../shared/contract/manager-models';
import type { Language } from '../i18n/translate';

/**
 * A printable slip on screen, exactly as main will print it (issue 6 "Cancellation slip"): main
 * builds the lines (shared/slip, `slips.get` / `reports.endOfDay`) and prints them on the 80 mm
 * receipt printer through Electron's printing (`slips.print` / `reports.printEndOfDay`). The page
 * never lays out its own version, so what the cashier sees is what the customer gets. A second
 * print of the same slip is marked "재출력" (reprint) by main.
 */
export type SlipSource =
  { kind: 'cancellation'; id: string } | { kind: 'end-of-day'; from: string; to: string };

export interface SlipState {
  source: SlipSource | null;
  view: SlipView | null;
  phase: 'idle' | 'loading' | 'ready' | 'error';
  error: PosError | null;
  printing: boolean;
  /** the last print's answer (printed, reprint, or why not) */
  printed: PrintResult | null;
  printError: PosError | null;
  load(source: SlipSource, language: Language): Promise<void>;
  print(language: Language): Promise<void>;
  clear(): void;
}

export type SlipStore = StoreApi<SlipState>;

const sameSource = (a: SlipSource | null, b: SlipSource | null): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** No slip asked for: where the store starts and where `clear` returns it. */
const NO_SLIP = {
  source: null,
  view: null,
  phase: 'idle',
  error: null,
  printing: false,
  printed: null,
  printError: null,
} as const satisfies Partial<SlipState>;

export function createSlipStore(pos: PosApi): SlipStore {
  const viewOf = (source: SlipSource, language: Language): Promise<PosResult<SlipView>> =>
    source.kind === 'cancellation'
      ? pos.slips.get({ id: source.id, language })
      : pos.reports.endOfDay({ from: source.from, to: source.to, language });

  const printOf = (source: SlipSource, language: Language): Promise<PosResult<PrintResult>> =>
    source.kind === 'cancellation'
      ? pos.slips.print({ id: source.id, language })
      : pos.reports.printEndOfDay({ from: source.from, to: source.to, language });

  return createStore<SlipState>()((set, get) => ({
    ...NO_SLIP,

    async load(source, language) {
      const fresh = !sameSource(get().source, source);
      set({
        source,
        phase: 'loading',
        error: null,
        ...(fresh ? { view: null, printed: null, printError: null } : {}),
      });
      const answer = await viewOf(source, language);
      // a slip asked for later wins: an earlier answer arriving late is dropped
      if (!sameSource(get().source, source)) return;
      set(
        answer.ok
          ? { phase: 'ready', view: answer.value }
          : { phase: 'error', error: answer.error },
      );
    },

    async print(language) {
      const { source, printing } = get();
      if (source === null || printing) return;
      set({ printing: true, printed: null, printError: null });
      const answer = await printOf(source, language);
      if (!sameSource(get().source, source)) return;
      set(
        answer.ok
          ? { printing: false, printed: answer.value }
          : { printing: false, printError: answer.error },
      );
    },

    clear: () => set(NO_SLIP),
  }));
}
