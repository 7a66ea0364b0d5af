import type { CancellationState } from '../ledger/types';

/**
 * The transitions of DESIGN.md "A cancellation's life", as a table the workflow checks every
 * change against: a transition missing here is a bug, and fails loudly before it is written.
 *
 *  draft ─▶ pending ─▶ sending ─▶ cancelled | rejected | queued | in_doubt | needs_review
 *  sending ─▶ sending (S005 to a first send: the same cancellation under a fresh number)
 *  queued ─▶ sending (the same request again)          in_doubt ─▶ in_doubt (still unknown)
 *  in_doubt ─▶ sending (fresh attempt) | cancelled (it landed) | needs_review
 *  queued | in_doubt ─▶ needs_review (nothing sendable / verification out of time)
 *
 * draft and pending are kept for the manager-approval flow (a later issue): a cashier's confirmed
 * cancellation is written together with its first attempt, so it enters the ledger as 'sending'.
 */
const NEXT: Readonly<Record<CancellationState, readonly CancellationState[]>> = {
  draft: ['pending', 'rejected'],
  pending: ['sending', 'queued'],
  sending: ['cancelled', 'rejected', 'queued', 'in_doubt', 'needs_review', 'sending'],
  queued: ['sending', 'queued', 'needs_review'],
  in_doubt: ['in_doubt', 'sending', 'cancelled', 'needs_review'],
  cancelled: [],
  rejected: [],
  needs_review: [],
};

export const canMove = (from: CancellationState, to: CancellationState): boolean =>
  NEXT[from].includes(to);

export function assertMove(id: number, from: CancellationState, to: CancellationState): void {
  if (!canMove(from, to)) throw new Error(`cancellation ${id}: ${from} -> ${to} is not allowed`);
}
