import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError } from '../../shared/contract/errors';
import type { Receipt } from '../../shared/contract/models';
import type { FieldError } from '../../shared/kicc/fields';
import {
  amountsOf,
  emptyPaperDraft,
  errorCount,
  validatePaper,
  withAmount,
  withAutoVat,
  type FormErrors,
  type PaperDraft,
  type PaperField,
} from '../screens/cancel/form';

/**
 * A receipt typed from paper, when the payment is not known on this terminal (issue 5). It is
 * stored first (receipts.add), then cancelled like any other: one path to KICC, not two.
 */
export interface PaperState {
  draft: PaperDraft;
  touched: Partial<Record<PaperField, true>>;
  showAll: boolean;
  saving: boolean;
  mainErrors: FieldError[];
  problem: PosError | null;
  begin(prefill?: { query?: string }): void;
  change(field: PaperField, text: string): void;
  recomputeVat(): void;
  errors(): FormErrors<PaperField>;
  submit(): Promise<Receipt | null>;
}

export type PaperStore = StoreApi<PaperState>;

/** A looked-up number that was not found is most likely the VAN number printed on the slip. */
const prefillFrom = (query: string | undefined): Partial<PaperDraft> =>
  query !== undefined && /^[\x21-\x7e]{1,20}$/.test(query) ? { cndTrxNo: query } : {};

export function createPaperStore(pos: PosApi): PaperStore {
  return createStore<PaperState>()((set, get) => ({
    draft: emptyPaperDraft,
    touched: {},
    showAll: false,
    saving: false,
    mainErrors: [],
    problem: null,
    begin: (prefill = {}) =>
      set({
        draft: { ...emptyPaperDraft, ...prefillFrom(prefill.query) },
        touched: {},
        showAll: false,
        saving: false,
        mainErrors: [],
        problem: null,
      }),
    change: (field, text) =>
      set((state) => {
        const draft =
          field === 'trxAmt' || field === 'vatAmt' || field === 'svcAmt'
            ? withAmount(state.draft, field, text)
            : { ...state.draft, [field]: text };
        return { draft, touched: { ...state.touched, [field]: true }, mainErrors: [] };
      }),
    recomputeVat: () => set((state) => ({ draft: withAutoVat(state.draft) })),
    errors: () => validatePaper(get().draft),
    async submit() {
      const state = get();
      if (state.saving) return null;
      if (errorCount(validatePaper(state.draft)) > 0) {
        set({ showAll: true });
        return null;
      }
      set({ saving: true, problem: null });
      const { draft } = state;
      const answer = await pos.receipts.add({
        orgAprvDt: draft.orgAprvDt.trim(),
        orgAprvNo: draft.orgAprvNo.trim(),
        wcc: draft.wcc === 'G' ? 'G' : 'T',
        cndTrxNo: draft.cndTrxNo.trim(),
        alotMonth: draft.alotMonth.trim(),
        ...amountsOf(draft),
      });
      if (answer.ok) {
        set({ saving: false });
        return answer.value;
      }
      set({
        saving: false,
        showAll: true,
        mainErrors: answer.error.fields ?? [],
        problem: answer.error,
      });
      return null;
    },
  }));
}
