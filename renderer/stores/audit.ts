import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError } from '../../shared/contract/errors';
import type { AuditEvent, AuditVerification } from '../../shared/contract/manager-models';
import type { MessageKey } from '../i18n/translate';

/**
 * The audit log (issue 6 "Audit log"): the most recent events, older ones on request, and the
 * chain check. The check may be given the head printed on an earlier end-of-day summary (a
 * checkpoint), which is what catches a rewrite of the newest events (docs/manager.md).
 */
export const AUDIT_PAGE = 100;

export interface CheckpointDraft {
  seq: string;
  hash: string;
}

export interface AuditState {
  /** newest first */
  events: readonly AuditEvent[];
  head: { seq: number; hash: string } | null;
  phase: 'idle' | 'loading' | 'ready' | 'error';
  error: PosError | null;
  checkpoint: CheckpointDraft;
  verifying: boolean;
  verification: AuditVerification | null;
  verifyError: PosError | null;
  load(): Promise<void>;
  loadOlder(): Promise<void>;
  setCheckpoint(patch: Partial<CheckpointDraft>): void;
  verify(): Promise<void>;
}

export type AuditStore = StoreApi<AuditState>;

export type CheckpointErrors = Partial<Record<keyof CheckpointDraft, MessageKey>>;

/**
 * The checkpoint as typed: both empty (no checkpoint), or an event number and its 64-hex-digit
 * hash (the contract's auditCheckpointSchema). The hash may be typed with spaces or in capitals,
 * as it may be read off paper.
 */
export function checkpointOf(draft: CheckpointDraft): {
  checkpoint?: { seq: number; hash: string };
  errors: CheckpointErrors;
} {
  const seqText = draft.seq.trim().replace(/^#/, '');
  const hash = draft.hash.replace(/\s+/g, '').toLowerCase();
  if (seqText === '' && hash === '') return { errors: {} };
  const errors: CheckpointErrors = {};
  const seq = Number(seqText);
  if (!/^[0-9]+$/.test(seqText) || !Number.isSafeInteger(seq) || seq < 1) {
    errors.seq = 'audit.seqInvalid';
  }
  if (!/^[0-9a-f]{64}$/.test(hash)) errors.hash = 'audit.hashInvalid';
  return Object.keys(errors).length > 0 ? { errors } : { checkpoint: { seq, hash }, errors };
}

const newestFirst = (events: readonly AuditEvent[]): AuditEvent[] =>
  [...events].sort((a, b) => b.seq - a.seq);

export function createAuditStore(pos: PosApi): AuditStore {
  return createStore<AuditState>()((set, get) => ({
    events: [],
    head: null,
    phase: 'idle',
    error: null,
    checkpoint: { seq: '', hash: '' },
    verifying: false,
    verification: null,
    verifyError: null,

    async load() {
      set({ phase: 'loading', error: null });
      // audit.list pages oldest first: learn the head, then read the newest page
      const first = await pos.audit.list({ afterSeq: 0, limit: 1 });
      if (!first.ok) {
        set({ phase: 'error', error: first.error });
        return;
      }
      const head = first.value.head;
      if (head === null) {
        set({ phase: 'ready', events: [], head: null });
        return;
      }
      const recent = await pos.audit.list({
        afterSeq: Math.max(0, head.seq - AUDIT_PAGE),
        limit: AUDIT_PAGE,
      });
      set(
        recent.ok
          ? { phase: 'ready', events: newestFirst(recent.value.events), head: recent.value.head }
          : { phase: 'error', error: recent.error },
      );
    },

    async loadOlder() {
      const oldest = get().events.at(-1);
      if (oldest === undefined || oldest.seq <= 1) return;
      const from = Math.max(0, oldest.seq - 1 - AUDIT_PAGE);
      const answer = await pos.audit.list({ afterSeq: from, limit: oldest.seq - 1 - from });
      if (!answer.ok) {
        set({ error: answer.error });
        return;
      }
      set((state) => ({ events: [...state.events, ...newestFirst(answer.value.events)] }));
    },

    setCheckpoint: (patch) => set((state) => ({ checkpoint: { ...state.checkpoint, ...patch } })),

    async verify() {
      const { checkpoint, errors } = checkpointOf(get().checkpoint);
      if (Object.keys(errors).length > 0 || get().verifying) return;
      set({ verifying: true, verification: null, verifyError: null });
      const answer = await pos.audit.verify(checkpoint === undefined ? {} : { checkpoint });
      set(
        answer.ok
          ? { verifying: false, verification: answer.value }
          : { verifying: false, verifyError: answer.error },
      );
      // the check itself is an audit event: show it
      if (answer.ok) await get().load();
    },
  }));
}
