import { kstDateTime, kstMidnight } from '../../shared/kicc/time';
import { dayEdge } from './attemptPolicy';

/**
 * THE reversal policy (issue 9): when a verification (reqRtran) may be sent. A reqRtran of a
 * cancellation that landed less than KICC's net-cancel window ago REVERSES it (KICC-API.md [A]);
 * the engine then cancels afresh. That is safe only when the redo cannot be refused, and at most
 * once per cancellation (no cancel -> reverse -> cancel loop). Otherwise the engine waits until
 * the window is over: a reqRtran then reverses nothing and says whether it stood (S007) or never
 * landed (S006).
 *
 * | the lost reqCancel...                                            | verify                          |
 * |------------------------------------------------------------------|---------------------------------|
 * | another reqCancel of this cancellation was already (maybe) reversed by us | after the window: 'reversal-limit' |
 * | KICC answered it 0000 but the app could not record that          | after the window: 'answered-landed' |
 * | the redo could be refused: today is not the lost request's KST day, or it is within the clocks' tolerance of a KST midnight, or the original is near the end of its cancel window | after the window: 'reversal-not-safe' |
 * | none of these                                                    | now                             |
 */

/** KICC-API.md S007 [A]: a net-cancel reverses what landed less than 30 minutes ago. */
export const NET_CANCEL_WINDOW_MS = 30 * 60_000;
/** KICC-API.md [A]: KICC accepts a timestamp up to 5 minutes off, so clocks may differ that much. */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;
/** beyond both, so the late verification surely falls outside KICC's window */
export const SAFETY_MARGIN_MS = 60_000;
/** KICC-API.md S004 [A]: an original can be cancelled for 45 KST days after its approval date. */
export const CANCEL_WINDOW_DAYS = 45;
/** "near the end": so many days or fewer left, a redo may fall past KICC's real window end. */
export const NEAR_END_DAYS = 2;

export type HoldBack = 'reversal-limit' | 'answered-landed' | 'reversal-not-safe';

/**
 * How long after the lost request, by the PC's clock, a held-back verification waits: KICC's
 * window, the clocks' possible difference TWICE, and a margin (41 minutes). The PC measures the
 * time since the lost request with its own clock; KICC's window runs on KICC's. Each of the two
 * requests was accepted (KICC refuses a timestamp more than 5 minutes off), so the PC's clock
 * was within 5 minutes of KICC's at the send and again at the verification, on either side: a
 * PC clock corrected forward in between (Windows time sync, a manager's fix) overstates the time
 * KICC has counted by up to 10 minutes. With one tolerance (36 minutes) a PC clock 4.5 minutes
 * slow at the send and 4.5 fast at the verification reversed a refund at KICC's minute 27
 * (sequences.test.ts "11"). Configurable for tests on real time, together with the simulator's
 * window (services: kicc.heldVerificationWaitMs).
 */
export const HELD_VERIFICATION_WAIT_MS =
  NET_CANCEL_WINDOW_MS + 2 * CLOCK_TOLERANCE_MS + SAFETY_MARGIN_MS;

export interface ReversalFacts {
  now: number;
  /** HELD_VERIFICATION_WAIT_MS, unless configured otherwise */
  waitMs: number;
  /** the reqCancel whose answer was lost */
  lost: { sentAt: number; tranDt: string; answeredLanded: boolean };
  /** other reqCancels of this cancellation that a reqRtran of ours may have reversed */
  otherReversals: number;
  /** the original's approval date, yyyyMMdd */
  orgAprvDt: string;
}

export interface VerificationTiming {
  /** epoch ms the reqRtran may go: now, or when the lost request's window is surely over */
  at: number;
  /** why a reversal is not allowed (the verification must not reverse); null: it may */
  holdBack: HoldBack | null;
}

const DAY_MS = 86_400_000;

/** Whole KST days from the approval date to today (approved today: 0). */
export function daysSinceApproval(orgAprvDt: string, now: number): number {
  return Math.round((kstMidnight(kstDateTime(now).date) - kstMidnight(orgAprvDt)) / DAY_MS);
}

/**
 * The longest a reqRtran can take before the redo that follows it is sent: the client's connect
 * timeout and its deadline for the whole exchange (electron/kicc/client.ts: 5 s + 40 s).
 */
export const LONGEST_EXCHANGE_MS = 45_000;

/** At `at`, the PC's KST day is not `tranDt`, or `at` is within the clocks' tolerance of a midnight. */
function onOtherDayOrEdge(tranDt: string, at: number): boolean {
  const day = kstDateTime(at).date;
  return day !== tranDt || dayEdge(day, at, at) !== null;
}

/**
 * A redo sent now could be refused where the lost request was not (issue 9, sequence 2): a new
 * KST day, or within the clocks' tolerance of a KST midnight, where KICC may already be (or still
 * be) on another day than the redo's tranDt (`tranDt-today`: a refusal after our reversal is a
 * manager's, the refund undone; ./attemptPolicy.ts dayEdge, the same 5 minutes), now or when the
 * redo goes, up to LONGEST_EXCHANGE_MS later; or the original near the end of its cancel window.
 */
export function redoCouldBeRefused(facts: ReversalFacts): boolean {
  return (
    onOtherDayOrEdge(facts.lost.tranDt, facts.now) ||
    onOtherDayOrEdge(facts.lost.tranDt, facts.now + LONGEST_EXCHANGE_MS) ||
    daysSinceApproval(facts.orgAprvDt, facts.now) >= CANCEL_WINDOW_DAYS - NEAR_END_DAYS
  );
}

export function holdBackOf(facts: ReversalFacts): HoldBack | null {
  if (facts.otherReversals >= 1) return 'reversal-limit';
  if (facts.lost.answeredLanded) return 'answered-landed';
  if (redoCouldBeRefused(facts)) return 'reversal-not-safe';
  return null;
}

export function verificationTiming(facts: ReversalFacts): VerificationTiming {
  const holdBack = holdBackOf(facts);
  if (holdBack === null) return { at: facts.now, holdBack };
  return { at: Math.max(facts.now, facts.lost.sentAt + facts.waitMs), holdBack };
}
