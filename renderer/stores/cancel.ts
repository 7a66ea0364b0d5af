import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError } from '../../shared/contract/errors';
import type { Role } from '../../shared/contract/manager-models';
import type { Cancellation, Limits, Receipt } from '../../shared/contract/models';
import { isValidCashierNo } from '../../shared/contract/settings-rules';
import type { CashierEntry } from '../../shared/contract/settings-rules';
import type { FieldError } from '../../shared/kicc/fields';
import { isFinalState } from '../format/states';
import { isPinFormat } from '../screens/manager/pin';
import { isPinRefusal, type Approval } from './approval';
import {
  amountsOf,
  draftFromReceipt,
  errorCount,
  validateCancel,
  type CancelDraft,
  type CancelField,
  type FormErrors,
} from '../screens/cancel/form';

/**
 * One cancellation from the cashier's side: form -> confirm -> sending -> outcome (or refused).
 *
 * Never two cancellations (DESIGN.md "never lets a cancellation be done twice"):
 *  - `confirm()` leaves the 'confirm' step synchronously, before it awaits anything, so a
 *    second click or a repeated Enter finds the step already 'sending' and does nothing;
 *  - the confirm button is disabled while sending (the screen's part);
 *  - the request carries a clientRequestId made once per confirmation; when the answer is lost
 *    in transport, the retry reuses it, and main returns the cancellation that id created.
 *
 * Over the store's limit (issue 6 "Approval"), the SAME confirmation asks for the manager's PIN:
 * the request goes with `managerPin`, main checks it and records requester = cashier, approver
 * = manager. A wrong PIN writes nothing, so the retry keeps the same clientRequestId. In manager
 * mode main approves by itself: no PIN is asked.
 *
 * A store that names its cashiers (settings `cashiers`) asks the cashier's number on the same
 * confirmation: main records that cashier as the requester, whoever holds manager mode (issue 13
 * finding 5). A number main does not know writes nothing; the same confirmation asks again.
 */
export type CancelStep = 'form' | 'confirm' | 'sending' | 'refused' | 'outcome';

/**
 * Answers that do not say whether main recorded the cancellation: the answer was lost between
 * page and main (`unavailable`), main failed after its work began (`internal`: a throw after the
 * first write, an answer the contract refused), or the preload could not read main's answer
 * (`invalid-response`). The cancellation may live on, amber, in main: the screen says so, never
 * red; the retry reuses the clientRequestId (main answers with the same cancellation), the form
 * is not reopened (a new confirmation would draw a new id), and main's push of a cancellation
 * with this clientRequestId is taken as the answer (found by a review, 2026-12-06).
 */
// SHELL_ERROR's codes (shared/contract/errors.ts), as literals: that module carries zod, which
// the page's bundle must not (test/e2e: "no chunk carries zod")
export const ANSWER_LOST: ReadonlySet<string> = new Set([
  'unavailable',
  'internal',
  'invalid-response',
]);

export interface Refusal {
  kind: 'main';
  error: PosError;
}

export interface CancelState {
  receipt: Receipt | null;
  draft: CancelDraft;
  /** fields the cashier changed: their errors show as they type */
  touched: Partial<Record<CancelField, true>>;
  /** after a first "review": every error shows */
  showAll: boolean;
  /** errors main sent back for fields (same messages; shown on the form) */
  mainErrors: FieldError[];
  step: CancelStep;
  clientRequestId: string | null;
  refusal: Refusal | null;
  /** a transport failure on confirm: the retry reuses the same clientRequestId */
  sendProblem: PosError | null;
  /** the amount is over the cashier's limit (the limit), reviewed in manager mode or not */
  overLimit: number | null;
  /** non-null: this confirmation needs the manager's PIN */
  approval: Approval | null;
  /** non-null: this store names its cashiers; the number typed on the confirmation */
  cashier: CashierAsk | null;
  /** main's cancellation: who asked and who approved come with it (requestedBy, approvedBy) */
  cancellation: Cancellation | null;
  start(receipt: Receipt): void;
  /**
   * The reason is the one thing the cashier types: the amounts are the receipt's, read-only
   * (KICC cancels in full, issue 12 finding 6); a manager corrects a paper receipt's instead.
   */
  change(field: 'reason', text: string): void;
  /** a manager corrected this receipt's amounts (../stores/correction.ts): they apply now */
  receiptCorrected(receipt: Receipt): void;
  errors(): FormErrors<CancelField>;
  review(): boolean;
  edit(): void;
  setApprovalPin(pin: string): void;
  setCashierNo(no: string): void;
  confirm(): Promise<void>;
  show(cancellation: Cancellation): void;
  applyUpdate(cancellation: Cancellation): void;
  refresh(): Promise<void>;
  reset(): void;
}

export type CancelStore = StoreApi<CancelState>;

export interface CancelDeps {
  pos: PosApi;
  /** the store's limits, when known (settings) */
  limits: () => Limits | null;
  /** a new idempotency key (crypto.randomUUID in the page; fixed values in tests) */
  newId: () => string;
  /** called when a cancellation exists to show (the outcome screen) */
  onOutcome: () => void;
  /** who main says is at the screen (manager mode), when known */
  role: () => Role | null;
  /** the store's cashiers, when known (settings); [] or null: a one-person store */
  cashiers?: () => readonly CashierEntry[] | null;
}

/** The cashier's number on the confirmation, and main's refusal of it. */
export interface CashierAsk {
  no: string;
  tried: boolean;
  problem: PosError | null;
}

const CASHIER_REFUSALS = new Set(['cashier-needed', 'cashier-unknown']);

const EMPTY_DRAFT: CancelDraft = {
  trxAmt: '',
  vatAmt: '',
  svcAmt: '',
  vatEdited: false,
  reason: '',
};

export const isFinal = (c: Cancellation): boolean => isFinalState(c.state);

/** Statuses that mean the receipt may be cancelled (again): none yet, or KICC refused the last. */
export const canCancel = (receipt: Receipt): boolean =>
  receipt.cancellation === null || receipt.cancellation.state === 'rejected';

/** The state a new (or no) cancellation starts from: `start` and `reset` differ only in the receipt. */
function freshCancellation(
  receipt: Receipt | null,
  draft: CancelDraft,
): Pick<
  CancelState,
  | 'receipt'
  | 'draft'
  | 'touched'
  | 'showAll'
  | 'mainErrors'
  | 'step'
  | 'clientRequestId'
  | 'refusal'
  | 'sendProblem'
  | 'overLimit'
  | 'approval'
  | 'cashier'
  | 'cancellation'
> {
  return {
    receipt,
    draft,
    touched: {},
    showAll: false,
    mainErrors: [],
    step: 'form',
    clientRequestId: null,
    refusal: null,
    sendProblem: null,
    overLimit: null,
    approval: null,
    cashier: null,
    cancellation: null,
  };
}

export function createCancelStore(deps: CancelDeps): CancelStore {
  const { pos } = deps;
  return createStore<CancelState>()((set, get) => ({
    ...freshCancellation(null, EMPTY_DRAFT),

    start: (receipt) => set(freshCancellation(receipt, draftFromReceipt(receipt))),

    change: (field, text) =>
      set((state) =>
        state.step === 'form'
          ? {
              draft: { ...state.draft, [field]: text },
              touched: { ...state.touched, [field]: true },
              mainErrors: [],
            }
          : {},
      ),

    receiptCorrected: (receipt) =>
      set((state) =>
        state.receipt?.id === receipt.id && (state.step === 'form' || state.step === 'refused')
          ? {
              receipt,
              draft: { ...draftFromReceipt(receipt), reason: state.draft.reason },
              step: 'form',
              refusal: null,
              mainErrors: [],
            }
          : {},
      ),

    errors: () => validateCancel(get().draft),

    review() {
      const state = get();
      if (state.step !== 'form' || state.receipt === null) return false;
      if (errorCount(validateCancel(state.draft)) > 0) {
        set({ showAll: true });
        return false;
      }
      // Over the store's limit a manager approves (DESIGN.md "Who does what"): with the PIN on
      // this very confirmation, or by being the one at the screen (manager mode).
      const limit = deps.limits()?.cashierMaxAmount;
      const over = limit !== undefined && amountsOf(state.draft).trxAmt > limit ? limit : null;
      const approval =
        over !== null && deps.role() !== 'manager'
          ? { limit: over, pin: '', tried: false, problem: null }
          : null;
      const named = (deps.cashiers?.() ?? []).length > 0;
      set({
        step: 'confirm',
        clientRequestId: deps.newId(),
        sendProblem: null,
        overLimit: over,
        approval,
        // the number typed on an earlier confirmation of this receipt stays
        cashier: named ? { no: state.cashier?.no ?? '', tried: false, problem: null } : null,
      });
      return true;
    },

    edit: () =>
      set((state) =>
        // after a lost answer the form stays closed: a new confirmation would draw a new id
        (state.step === 'confirm' && state.sendProblem === null) || state.step === 'refused'
          ? { step: 'form', refusal: null, sendProblem: null, approval: null, overLimit: null }
          : {},
      ),

    setCashierNo: (no) =>
      set((state) =>
        state.step === 'confirm' && state.cashier !== null
          ? { cashier: { no: no.replace(/[^0-9]/g, '').slice(0, 4), tried: false, problem: null } }
          : {},
      ),

    setApprovalPin: (pin) =>
      set((state) =>
        state.step === 'confirm' && state.approval !== null
          ? { approval: { ...state.approval, pin, problem: null } }
          : {},
      ),

    async confirm() {
      const state = get();
      if (state.step !== 'confirm' || state.receipt === null || state.clientRequestId === null) {
        return;
      }
      const { approval, cashier } = state;
      const cashierMissing = cashier !== null && !isValidCashierNo(cashier.no);
      const pinMissing = approval !== null && !isPinFormat(approval.pin);
      if (cashierMissing || pinMissing) {
        set({
          ...(cashierMissing ? { cashier: { ...cashier, tried: true } } : {}),
          ...(pinMissing ? { approval: { ...approval, tried: true } } : {}),
        });
        return;
      }
      const managerPin = approval?.pin;
      set({ step: 'sending', sendProblem: null });
      const answer = await pos.cancellations.request({
        clientRequestId: state.clientRequestId,
        receiptId: state.receipt.id,
        ...amountsOf(state.draft),
        reason: state.draft.reason.trim(),
        ...(managerPin === undefined ? {} : { managerPin }),
        ...(cashier === null ? {} : { cashierNo: cashier.no }),
      });
      if (answer.ok) {
        // the PIN is forgotten as soon as it has done its one job
        set({ step: 'outcome', cancellation: answer.value, approval: null });
        deps.onOutcome();
        return;
      }
      const { error } = answer;
      const pinRefused = managerPin !== undefined && isPinRefusal(error);
      if (CASHIER_REFUSALS.has(error.code)) {
        // main checked the number before anything else: same confirmation, the number again
        set({
          step: 'confirm',
          cashier: { no: cashier?.no ?? '', tried: false, problem: error },
          ...(approval === null ? {} : { approval: { ...approval, pin: '' } }),
        });
      } else if (ANSWER_LOST.has(error.code)) {
        // Main may have recorded it: amber, the same id on retry (ANSWER_LOST).
        set({ step: 'confirm', sendProblem: error });
      } else if (pinRefused && approval !== null) {
        // Main checked the PIN before anything was written: same confirmation, PIN again.
        set({ step: 'confirm', approval: { ...approval, pin: '', tried: false, problem: error } });
      } else if (error.code === 'needs-manager') {
        // Main's limit is the one that counts (settings may have changed since the page read
        // them, or a manager mode just ended): ask for the PIN on this same confirmation.
        set({
          step: 'confirm',
          overLimit: state.overLimit,
          approval: { limit: state.overLimit, pin: '', tried: false, problem: null },
        });
      } else if (error.fields !== undefined && error.fields.length > 0) {
        set({ step: 'form', mainErrors: error.fields, showAll: true });
      } else {
        set({ step: 'refused', refusal: { kind: 'main', error } });
      }
    },

    show: (cancellation) => {
      set({
        step: 'outcome',
        cancellation,
        refusal: null,
        sendProblem: null,
        approval: null,
      });
      deps.onOutcome();
    },

    applyUpdate: (cancellation) => {
      const state = get();
      if (
        state.cancellation === null &&
        state.sendProblem !== null &&
        state.step === 'confirm' &&
        state.clientRequestId !== null &&
        cancellation.clientRequestId === state.clientRequestId
      ) {
        // the answer that was lost, as main pushed it: this confirmation's cancellation
        get().show(cancellation);
        return;
      }
      set((s) =>
        s.cancellation?.id === cancellation.id && cancellation.updatedAt >= s.cancellation.updatedAt
          ? { cancellation }
          : {},
      );
    },

    async refresh() {
      const current = get().cancellation;
      if (current === null) return;
      const answer = await pos.cancellations.get({ id: current.id });
      if (answer.ok) get().applyUpdate(answer.value);
    },

    reset: () => set(freshCancellation(null, EMPTY_DRAFT)),
  }));
}
