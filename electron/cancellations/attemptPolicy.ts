import { kstMidnight } from '../../shared/kicc/time';
import { kiccCodeVerdict } from '../kicc/codes';
import type { KiccClass } from '../kicc/outcome';
import type { CancellationNote } from '../ledger/types';

/**
 * What a reqCancel answer means for the cancellation (DESIGN.md "A cancellation's life";
 * KICC-API.md "Error classes the client must tell apart" and "Failing safe where this reading may
 * be wrong"). One table, every class. `rejected` — "the card was NOT refunded" — is said only
 * when KICC's code is one confirmed to mean "nothing happened" and no reversal of ours may have
 * undone an earlier refund of this cancellation; where the engine cannot know, needs_review.
 */
export type CancelAttemptDecision =
  /** 0000, or already cancelled (the earlier one stood: noted) */
  | { next: 'cancelled'; note: CancellationNote | null }
  /** a refusal confirmed to mean nothing happened at KICC; the reason is shown, nothing queued */
  | { next: 'rejected' }
  /** no byte reached KICC (or credentials refused): the SAME request is resent later */
  | { next: 'queued'; signal: 'offline' | 'auth' }
  /** KICC may have processed it: verify before anything else */
  | { next: 'in_doubt' }
  /** S005 on a first send: another transaction owns the number; send under a new one */
  | { next: 'fresh-number' }
  /**
   * A refusal at the edge of a KST day: KICC may have refused the DATE (tranDt is checked
   * against KICC's today, [A]), which says nothing about the payment. Nothing happened, so the
   * request waits and goes afresh (new number, the new day's tranDt/tranTm) once the day has
   * surely turned at KICC too (`dayEdgeResendAt`).
   */
  | { next: 'after-day-edge' }
  /** the engine cannot tell what happened: a person must look */
  | { next: 'needs_review'; note: CancellationNote };

export interface CancelAnswerFacts {
  /** KICC's code is confirmed to mean "nothing happened" (./refusalCodes.ts) */
  confirmedRefusal: boolean;
  /** a reqRtran of ours may have reversed an earlier cancellation of this one (./history.ts) */
  afterOurReversal: boolean;
  /** no earlier send of this mercTrxNo can have been processed (./history.ts) */
  firstSendOfNumber: boolean;
  /** S005 answers so far, this one included */
  numbersTaken: number;
  /**
   * The request's tranDt was not KICC's today for sure: the answer came on another KST day, or
   * the request was sent within the clock tolerance of midnight (`nearDayEdge`)
   */
  atDayEdge: boolean;
  /** refusals of this cancellation's reqCancels before this one (all of them at a day edge) */
  earlierRefusals: number;
}

/**
 * Refusals at the edge of a KST day (each sent a day apart at least) before a person is asked:
 * a request that keeps going at midnight should not keep going for ever.
 */
export const MAX_DAY_EDGE_REFUSALS = 3;

/** Fresh numbers drawn after S005 before a person is asked: a KICC taking every one is broken. */
export const MAX_NUMBERS_TAKEN = 3;

export function decideAfterCancel(
  kiccClass: KiccClass,
  respCd: string | undefined,
  facts: CancelAnswerFacts,
): CancelAttemptDecision {
  switch (kiccClass) {
    case 'ok':
      return { next: 'cancelled', note: null };
    case 'already-cancelled':
      // KICC-API.md "reqRtran": "The client treats 'already cancelled' on a fresh cancellation
      // as success (the earlier one stood), and records that it did."
      return { next: 'cancelled', note: 'stood-earlier' };
    case 'rejected':
      return decideRefusal(respCd, facts);
    case 'not-sent':
      return { next: 'queued', signal: 'offline' };
    case 'auth':
      // 401/403 is answered before KICC processes anything [A]; resending the same request is
      // safe (were it processed after all, KICC answers S005 and we verify).
      return { next: 'queued', signal: 'auth' };
    case 'in-doubt':
    case 'retryable':
      // S999 "outcome unknown": verify.
      return { next: 'in_doubt' };
    case 'duplicate':
      // S005 to a number we may have sent before: "outcome of the first is unknown, verify". To
      // a number no earlier send of ours can have used, it proves another transaction owns it:
      // a reqRtran would reverse THEIR payment (issue 9, sequence 5). Never success.
      if (!facts.firstSendOfNumber) return { next: 'in_doubt' };
      return decideNumberTaken(facts.numbersTaken);
    case 'not-found':
    case 'landed':
      return { next: 'needs_review', note: 'unexpected-answer' };
  }
}

/**
 * S005 to a first send: another transaction owns the number. A fresh one, until `numbersTaken`
 * (this one included) reaches MAX_NUMBERS_TAKEN: then a manager. Also when the S005 could not be
 * written and was handed to the queue (./transitions.ts handBack).
 */
export function decideNumberTaken(
  numbersTaken: number,
): { next: 'fresh-number' } | { next: 'needs_review'; note: CancellationNote } {
  return numbersTaken < MAX_NUMBERS_TAKEN
    ? { next: 'fresh-number' }
    : { next: 'needs_review', note: 'unexpected-answer' };
}

/**
 * A refusal (HTTP 200, a respCd that is not success). KICC publishes one code (0000); the rest
 * are our guesses, and KICC's real "already cancelled" may be any of them (issue 9, sequence 1).
 */
function decideRefusal(
  respCd: string | undefined,
  facts: CancelAnswerFacts,
): CancelAttemptDecision {
  // After we reversed our own landed cancellation, a refused redo leaves the customer without
  // the refund KICC had made: never a plain "not refunded" (issue 9, sequence 2).
  if (facts.afterOurReversal) return { next: 'needs_review', note: 'refused-after-reversal' };
  // A known code on an endpoint that never sends it (S006, S007 "it stands" on reqCancel).
  const verdict = respCd === undefined ? undefined : kiccCodeVerdict('cancel', respCd);
  if (verdict !== undefined && verdict.known && verdict.needsReview) {
    return { next: 'needs_review', note: 'unexpected-answer' };
  }
  // Refused at midnight: maybe for its date alone, and the payment may be cancelled already at
  // another terminal (KICC checking tranDt before "already cancelled"): never "not refunded"
  // on that answer (the soak of 2026-12-05, seed -1604979105). Sent again on the new day. A
  // resend that goes at a midnight again (the queue did not run for a day: the app was closed
  // overnight) is as unreadable as the first, so it waits again (the model, 2026-12-06, seed
  // -236012147); past MAX_DAY_EDGE_REFUSALS, a person looks. Every earlier refusal was at a day
  // edge: any other decides the cancellation for good.
  if (facts.atDayEdge) {
    return facts.earlierRefusals + 1 < MAX_DAY_EDGE_REFUSALS
      ? { next: 'after-day-edge' }
      : { next: 'needs_review', note: 'unexpected-answer' };
  }
  return facts.confirmedRefusal
    ? { next: 'rejected' }
    : { next: 'needs_review', note: 'unknown-code' };
}

/** The KST midnight that ends the day `tranDt` (yyyyMMdd, valid). */
export function endOfKstDay(tranDt: string): number {
  return kstMidnight(tranDt) + 86_400_000;
}

/**
 * KICC's clock may differ from the PC's by this much, either way (the X-KICC-Timestamp
 * tolerance, [A]).
 */
export const DAY_EDGE_MS = 5 * 60_000;

/**
 * The KST midnight at which KICC may have judged a reqCancel on another day than its tranDt
 * (yyyyMMdd, valid), or null when it cannot have. Either side of the PC's day: sent within the
 * clock tolerance after the midnight that began tranDt (a PC clock ahead of KICC's: KICC still
 * on the day before; found by the model, 2026-12-05), or within it before the next midnight, or
 * answered after that one (a PC clock behind KICC's: KICC already on the next day).
 */
export function dayEdge(tranDt: string, sentAt: number, answeredAt: number): number | null {
  const start = kstMidnight(tranDt);
  const end = endOfKstDay(tranDt);
  if (sentAt - start < DAY_EDGE_MS) return start;
  if (end - sentAt <= DAY_EDGE_MS || answeredAt >= end) return end;
  return null;
}

/** When KICC's day is surely the PC's again: the clock tolerance after that midnight. */
export function dayEdgeResendAt(edge: number, now: number): number {
  return Math.max(now, edge + DAY_EDGE_MS);
}

/**
 * A request proven not sent is resent as it was on the same KST day; on a new day it is sent
 * afresh (new number, today's tranDt/tranTm): KICC may check tranDt against its own today
 * (issue 9, sequence 9).
 */
export function resendAsStored(storedTranDt: string, todayKst: string): boolean {
  return storedTranDt === todayKst;
}
