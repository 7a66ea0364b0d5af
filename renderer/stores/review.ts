import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError } from '../../shared/contract/errors';
import type { ReviewDetail } from '../../shared/contract/manager-models';
import type { Cancellation } from '../../shared/contract/models';
import {
  emptyResolution,
  resolutionRequest,
  validateResolution,
  type ResolutionDraft,
  type ResolutionField,
} from '../screens/review/resolution';

/**
 * needs_review, the manager's queue (issue 6): the cancellations nobody can settle automatically,
 * everything known about the one opened (every attempt with the exact body sent and KICC's raw
 * answer, its audit events), and the manager's finding after checking KICC's merchant portal.
 * A resolved item leaves the list; the audit log keeps everything (main's part).
 */
export const REVIEW_PAGE = 500;

export interface ReviewState {
  items: readonly Cancellation[];
  total: number;
  phase: 'idle' | 'loading' | 'ready' | 'error';
  error: PosError | null;
  detail: ReviewDetail | null;
  detailError: PosError | null;
  draft: ResolutionDraft;
  touched: Partial<Record<ResolutionField, true>>;
  showAll: boolean;
  saving: boolean;
  saveError: PosError | null;
  /** the last resolution recorded (the item has left the list) */
  resolved: Cancellation | null;
  load(): Promise<void>;
  open(id: string): Promise<void>;
  closeDetail(): void;
  change<F extends ResolutionField>(field: F, value: ResolutionDraft[F]): void;
  resolve(): Promise<boolean>;
  /** a pushed update: an item that is no longer needs_review leaves the list */
  applyUpdate(cancellation: Cancellation): void;
}

export type ReviewStore = StoreApi<ReviewState>;

const formReset = {
  draft: emptyResolution,
  touched: {},
  showAll: false,
  saving: false,
  saveError: null,
};

export function createReviewStore(pos: PosApi): ReviewStore {
  return createStore<ReviewState>()((set, get) => ({
    items: [],
    total: 0,
    phase: 'idle',
    error: null,
    detail: null,
    detailError: null,
    ...formReset,
    resolved: null,

    async load() {
      set({ phase: 'loading', error: null });
      const answer = await pos.cancellations.list({
        states: ['needs_review'],
        limit: REVIEW_PAGE,
      });
      set(
        answer.ok
          ? { phase: 'ready', items: answer.value.items, total: answer.value.total }
          : { phase: 'error', error: answer.error },
      );
    },

    async open(id) {
      set({ detail: null, detailError: null, resolved: null, ...formReset });
      const answer = await pos.review.get({ id });
      set(answer.ok ? { detail: answer.value } : { detailError: answer.error });
    },

    closeDetail: () => set({ detail: null, detailError: null, ...formReset }),

    change: (field, value) =>
      set((state) => ({
        draft: { ...state.draft, [field]: value },
        touched: { ...state.touched, [field]: true },
        saveError: null,
      })),

    async resolve() {
      const { detail, draft, saving } = get();
      if (detail === null || saving) return false;
      const errors = validateResolution(draft);
      if (Object.keys(errors).length > 0 || draft.outcome === '') {
        set({ showAll: true });
        return false;
      }
      set({ saving: true, saveError: null });
      const answer = await pos.review.resolve(
        resolutionRequest(detail.cancellation.id, { ...draft, outcome: draft.outcome }),
      );
      if (!answer.ok) {
        set({ saving: false, saveError: answer.error });
        return false;
      }
      const resolved = answer.value;
      set((state) => ({
        ...formReset,
        detail: null,
        resolved,
        items: state.items.filter((item) => item.id !== resolved.id),
        total: Math.max(0, state.total - 1),
      }));
      return true;
    },

    applyUpdate: (cancellation) =>
      set((state) => {
        const known = state.items.some((item) => item.id === cancellation.id);
        if (cancellation.state === 'needs_review') {
          return known
            ? { items: state.items.map((i) => (i.id === cancellation.id ? cancellation : i)) }
            : { items: [cancellation, ...state.items], total: state.total + 1 };
        }
        return known
          ? {
              items: state.items.filter((item) => item.id !== cancellation.id),
              total: Math.max(0, state.total - 1),
            }
          : {};
      }),
  }));
}
