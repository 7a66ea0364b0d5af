import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError } from '../../shared/contract/errors';
import type { Cancellation } from '../../shared/contract/models';
import type { ReviewDetail } from '../../shared/contract/review-models';
import {
  emptyResolution,
  resolutionRequest,
  validateReopenReason,
  validateResolution,
  type ResolutionDraft,
  type ResolutionField,
} from '../screens/review/resolution';

/**
 * needs_review, the manager's queue (issue 6), and its corrections (issue 13 finding 3): the
 * cancellations nobody can settle automatically; the latest ones a manager resolved, which can
 * be reopened; everything known about the one opened; the manager's finding after checking
 * KICC's merchant portal, or the reason to reopen a finding. The audit log keeps everything
 * (main's part).
 */
export const REVIEW_PAGE = 500;
/** how many of the manager's latest resolutions the screen lists */
export const MANUAL_PAGE = 50;

export interface ReviewState {
  items: readonly Cancellation[];
  total: number;
  /** the latest outcomes a manager recorded (newest first) */
  manualItems: readonly Cancellation[];
  phase: 'idle' | 'loading' | 'ready' | 'error';
  error: PosError | null;
  detail: ReviewDetail | null;
  detailError: PosError | null;
  draft: ResolutionDraft;
  touched: Partial<Record<ResolutionField, true>>;
  showAll: boolean;
  saving: boolean;
  saveError: PosError | null;
  reopenReason: string;
  reopenTouched: boolean;
  reopenError: PosError | null;
  /** the last resolution recorded (the item has left the list) */
  resolved: Cancellation | null;
  /** the last reopening (the item is open again, waiting for a new finding) */
  reopened: Cancellation | null;
  load(): Promise<void>;
  open(id: string): Promise<void>;
  closeDetail(): void;
  change<F extends ResolutionField>(field: F, value: ResolutionDraft[F]): void;
  resolve(): Promise<boolean>;
  changeReopenReason(reason: string): void;
  reopen(): Promise<boolean>;
  /** a pushed update: each list keeps only what belongs to it */
  applyUpdate(cancellation: Cancellation): void;
}

export type ReviewStore = StoreApi<ReviewState>;

const formReset = {
  draft: emptyResolution,
  touched: {},
  showAll: false,
  saving: false,
  saveError: null,
  reopenReason: '',
  reopenTouched: false,
  reopenError: null,
};

const without = (list: readonly Cancellation[], id: string) => list.filter((c) => c.id !== id);

/** needs_review items and the manager's outcomes after `c` changed. */
function placed(
  state: Pick<ReviewState, 'items' | 'total' | 'manualItems'>,
  c: Cancellation,
): Pick<ReviewState, 'items' | 'total' | 'manualItems'> {
  const waiting = state.items.some((item) => item.id === c.id);
  const items =
    c.state === 'needs_review'
      ? waiting
        ? state.items.map((item) => (item.id === c.id ? c : item))
        : [c, ...state.items]
      : without(state.items, c.id);
  const total = Math.max(0, state.total + (items.length - state.items.length));
  const manualItems = c.resolvedByManager
    ? [c, ...without(state.manualItems, c.id)].slice(0, MANUAL_PAGE)
    : without(state.manualItems, c.id);
  return { items, total, manualItems };
}

export function createReviewStore(pos: PosApi): ReviewStore {
  return createStore<ReviewState>()((set, get) => ({
    items: [],
    total: 0,
    manualItems: [],
    phase: 'idle',
    error: null,
    detail: null,
    detailError: null,
    ...formReset,
    resolved: null,
    reopened: null,

    async load() {
      set({ phase: 'loading', error: null });
      const [waiting, manual] = await Promise.all([
        pos.cancellations.list({ states: ['needs_review'], limit: REVIEW_PAGE }),
        pos.cancellations.list({ resolvedByManager: true, limit: MANUAL_PAGE }),
      ]);
      if (!waiting.ok) return set({ phase: 'error', error: waiting.error });
      if (!manual.ok) return set({ phase: 'error', error: manual.error });
      set({
        phase: 'ready',
        items: waiting.value.items,
        total: waiting.value.total,
        manualItems: manual.value.items,
      });
    },

    async open(id) {
      set({ detail: null, detailError: null, resolved: null, reopened: null, ...formReset });
      const answer = await pos.review.get({ id });
      set(answer.ok ? { detail: answer.value } : { detailError: answer.error });
    },

    closeDetail: () => set({ detail: null, detailError: null, reopened: null, ...formReset }),

    change: (field, value) =>
      set((state) => ({
        draft: { ...state.draft, [field]: value },
        touched: { ...state.touched, [field]: true },
        saveError: null,
      })),

    async resolve() {
      const { detail, draft, saving } = get();
      if (detail === null || saving) return false;
      const implies = detail.record.implies;
      const errors = validateResolution(draft, implies);
      if (Object.keys(errors).length > 0 || draft.outcome === '') {
        set({ showAll: true });
        return false;
      }
      set({ saving: true, saveError: null });
      const answer = await pos.review.resolve(
        resolutionRequest(detail.cancellation.id, { ...draft, outcome: draft.outcome }, implies),
      );
      if (!answer.ok) {
        set({ saving: false, saveError: answer.error });
        return false;
      }
      const resolved = answer.value;
      set((state) => ({
        ...formReset,
        ...placed(state, resolved),
        detail: null,
        resolved,
        reopened: null,
      }));
      return true;
    },

    changeReopenReason: (reason) =>
      set({ reopenReason: reason, reopenTouched: true, reopenError: null }),

    async reopen() {
      const { detail, reopenReason, saving } = get();
      if (detail === null || saving) return false;
      if (validateReopenReason(reopenReason) !== undefined) {
        set({ reopenTouched: true });
        return false;
      }
      set({ saving: true, reopenError: null });
      const id = detail.cancellation.id;
      const answer = await pos.review.reopen({ id, reason: reopenReason.trim() });
      if (!answer.ok) {
        set({ saving: false, reopenError: answer.error });
        return false;
      }
      const reopened = answer.value;
      set((state) => placed(state, reopened));
      // what main now says about it: the engine's hand-over again, with the manager's steps
      const fresh = await pos.review.get({ id });
      set({
        ...formReset,
        reopened,
        resolved: null,
        ...(fresh.ok ? { detail: fresh.value } : { detail: null, detailError: fresh.error }),
      });
      return true;
    },

    applyUpdate: (cancellation) => set((state) => placed(state, cancellation)),
  }));
}
