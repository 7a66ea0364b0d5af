import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError } from '../../shared/contract/errors';
import type { Receipt } from '../../shared/contract/models';
import type { FieldError } from '../../shared/kicc/fields';
import {
  amountText,
  amountsOf,
  errorCount,
  validateAmounts,
  withAmount,
  withAutoVat,
  type AmountField,
  type AmountsDraft,
  type FormErrors,
} from '../screens/cancel/form';

/**
 * A manager corrects the amounts of a receipt typed from paper (issue 12 finding 6). The cancel
 * form shows the receipt's amounts read-only (KICC cancels in full: other amounts only earn an
 * `amounts-differ` or S003 refusal); when the paper receipt was typed wrong, the manager opens
 * this correction on the cancel screen, types what the paper says and why, and main changes the
 * receipt (audited). The cancellation then goes with the corrected amounts.
 */
export type CorrectionField = AmountField | 'note';

export interface CorrectionState {
  /** the receipt being corrected, or null when the correction is closed */
  receipt: Receipt | null;
  draft: AmountsDraft & { note: string };
  showAll: boolean;
  saving: boolean;
  mainErrors: FieldError[];
  error: PosError | null;
  open(receipt: Receipt): void;
  change(field: CorrectionField, text: string): void;
  recomputeVat(): void;
  errors(): FormErrors<CorrectionField>;
  save(): Promise<boolean>;
  close(): void;
}

export type CorrectionStore = StoreApi<CorrectionState>;

export const NOTE_MAX = 200;

const EMPTY = { trxAmt: '', vatAmt: '', svcAmt: '', vatEdited: true, note: '' };

export function correctionErrors(draft: CorrectionState['draft']): FormErrors<CorrectionField> {
  const errors: FormErrors<CorrectionField> = { ...validateAmounts(draft) };
  const note = draft.note.trim();
  if (note === '' || note.length > NOTE_MAX) {
    errors.note = [
      {
        field: 'note',
        rule: 'required',
        message: {
          ko: `고치는 이유를 입력하세요 (${NOTE_MAX}자 이하)`,
          en: `Enter why the amounts change (at most ${NOTE_MAX} characters)`,
        },
      },
    ];
  }
  return errors;
}

export function createCorrectionStore(deps: {
  pos: PosApi;
  onCorrected(receipt: Receipt): void;
}): CorrectionStore {
  return createStore<CorrectionState>()((set, get) => ({
    receipt: null,
    draft: EMPTY,
    showAll: false,
    saving: false,
    mainErrors: [],
    error: null,
    open: (receipt) =>
      set({
        receipt,
        draft: {
          trxAmt: amountText(receipt.trxAmt),
          vatAmt: amountText(receipt.vatAmt),
          svcAmt: amountText(receipt.svcAmt),
          vatEdited: true,
          note: '',
        },
        showAll: false,
        saving: false,
        mainErrors: [],
        error: null,
      }),
    change: (field, text) =>
      set((state) => ({
        draft:
          field === 'note' ? { ...state.draft, note: text } : withAmount(state.draft, field, text),
        mainErrors: state.mainErrors.filter((e) => e.field !== field),
        error: null,
      })),
    recomputeVat: () => set((state) => ({ draft: withAutoVat(state.draft) })),
    errors: () => correctionErrors(get().draft),
    async save() {
      const { receipt, draft, saving } = get();
      if (receipt === null || saving) return false;
      if (errorCount(correctionErrors(draft)) > 0) {
        set({ showAll: true });
        return false;
      }
      set({ saving: true, error: null, mainErrors: [] });
      const answer = await deps.pos.receipts.correctAmounts({
        receiptId: receipt.id,
        ...amountsOf(draft),
        note: draft.note.trim(),
      });
      if (!answer.ok) {
        set({
          saving: false,
          error: answer.error,
          mainErrors: answer.error.fields ?? [],
          showAll: true,
        });
        return false;
      }
      set({ receipt: null, draft: EMPTY, saving: false });
      deps.onCorrected(answer.value);
      return true;
    },
    close: () => set({ receipt: null, draft: EMPTY, showAll: false, mainErrors: [], error: null }),
  }));
}
