import type { ExchangeReading, NoAnswerCause, RecordImplies } from '../../shared/contract';
import { APP_STOPPED } from '../cancellations/recovery';
import { isConfirmedRefusal } from '../cancellations/refusalCodes';
import { kiccCodeVerdict } from '../kicc/codes';
import type { Attempt } from '../ledger/types';

/**
 * What a cancellation's record says KICC did (issue 13 finding 3): each exchange read in the
 * manager's terms, and what they imply together. Pure: the review screen shows it, and a
 * resolution that contradicts it (shared/review/findings.ts) needs an explicit override
 * (./review-resolution.ts).
 *
 * Each number we sent (mercTrxNo) is followed through its exchanges, oldest first:
 *
 * | exchange                                   | that number now                              |
 * |--------------------------------------------|----------------------------------------------|
 * | reqCancel 0000                             | landed: the refund stands                     |
 * | reqCancel "already cancelled"              | the payment is cancelled at KICC             |
 * | reqCancel refused, a confirmed code (issue 9) | refused: nothing happened                  |
 * | reqCancel unknown / out-of-place code      | unknown (may be KICC's "already cancelled")  |
 * | reqCancel S005, S999, no answer, unfinished | unknown                                      |
 * | reqRtran 0000                              | reversed: the original is approved again     |
 * | reqRtran not-found                         | never landed                                 |
 * | reqRtran too late (window exceeded)        | landed, unless an earlier reqRtran of ours   |
 * |                                            | went unanswered: then unknown (KICC may check |
 * |                                            | the window before "already reversed")        |
 * | reqRtran anything else, no answer          | unknown                                      |
 * | not sent, credentials refused (either)     | unchanged: KICC did nothing with it          |
 *
 * Then: any number that landed (or "already cancelled") → `refunded`; else any unknown →
 * `unknown`; else `not-refunded` (everything we sent was refused, reversed or never arrived).
 * The table speaks for our requests only: a payment cancelled elsewhere (another terminal) is
 * what the manager's override is for, with the reason.
 */

export interface ExchangeRead {
  attemptId: number;
  reading: ExchangeReading;
  cause: NoAnswerCause | null;
}

export interface RecordRead {
  exchanges: ExchangeRead[];
  implies: RecordImplies;
  basisAttemptId: number | null;
}

type NumberStatus = 'none' | 'landed' | 'reversed' | 'not-landed' | 'refused' | 'unknown';

interface NumberTrail {
  status: NumberStatus;
  /** the attempt that set `status` */
  by: number | null;
  /** a reqRtran of ours for this number went unanswered: a later "too late" proves nothing */
  reversalUnanswered: boolean;
}

/** Why there is no usable answer, from what the client recorded (electron/kicc/classify.ts). */
export function noAnswerCause(a: Pick<Attempt, 'httpStatus' | 'error'>): NoAnswerCause {
  if (a.error === APP_STOPPED) return 'app-stopped';
  if (a.httpStatus !== null && a.httpStatus >= 500) return 'server-error';
  if (a.httpStatus !== null) return 'bad-answer';
  if (a.error !== null && /timeout|timed out|deadline/i.test(a.error)) return 'timeout';
  return 'network';
}

function readCancel(a: Attempt, confirmed: readonly string[]): ExchangeReading {
  if (a.state === 'sending' || a.class === null) return 'cancel-unfinished';
  switch (a.class) {
    case 'ok':
      return 'cancel-accepted';
    case 'already-cancelled':
      return 'cancel-already-cancelled';
    case 'rejected': {
      const verdict = kiccCodeVerdict('cancel', a.code ?? '');
      if (!verdict.known) return 'cancel-unknown-code';
      if (verdict.needsReview) return 'cancel-unexpected';
      // "nothing happened" only for a code confirmed to mean so (issue 9; the engine's own rule)
      return isConfirmedRefusal(a.code ?? undefined, confirmed)
        ? 'cancel-refused'
        : 'cancel-unknown-code';
    }
    case 'duplicate':
      return 'cancel-duplicate';
    case 'retryable':
      return 'cancel-temporary-error';
    case 'not-sent':
      return 'cancel-not-sent';
    case 'auth':
      return 'cancel-credentials-refused';
    case 'in-doubt':
      return 'cancel-no-answer';
    case 'not-found':
    case 'landed':
      return 'cancel-unexpected';
    default:
      // a class added after this table was written: say nothing we cannot stand behind
      return 'cancel-unknown-code';
  }
}

function readNetCancel(a: Attempt, trail: NumberTrail): ExchangeReading {
  if (a.state === 'sending' || a.class === null) return 'net-cancel-unfinished';
  switch (a.class) {
    case 'ok':
      return 'net-cancel-reversed';
    case 'not-found':
      return 'net-cancel-not-found';
    case 'landed':
      return trail.reversalUnanswered
        ? 'net-cancel-too-late-after-no-answer'
        : 'net-cancel-too-late';
    case 'retryable':
      return 'net-cancel-temporary-error';
    case 'not-sent':
      return 'net-cancel-not-sent';
    case 'auth':
      return 'net-cancel-credentials-refused';
    case 'in-doubt':
      return 'net-cancel-no-answer';
    default:
      return 'net-cancel-unexpected';
  }
}

/** What an exchange makes of its number; null: it changes nothing (KICC did nothing with it). */
const STATUS_AFTER: Readonly<Record<ExchangeReading, NumberStatus | null>> = {
  'cancel-accepted': 'landed',
  'cancel-already-cancelled': 'landed',
  'cancel-refused': 'refused',
  'cancel-unknown-code': 'unknown',
  'cancel-unexpected': 'unknown',
  'cancel-duplicate': 'unknown',
  'cancel-temporary-error': 'unknown',
  'cancel-no-answer': 'unknown',
  'cancel-not-sent': null,
  'cancel-credentials-refused': null,
  'cancel-unfinished': 'unknown',
  'net-cancel-reversed': 'reversed',
  'net-cancel-not-found': 'not-landed',
  'net-cancel-too-late': 'landed',
  'net-cancel-too-late-after-no-answer': 'unknown',
  'net-cancel-unexpected': 'unknown',
  'net-cancel-temporary-error': 'unknown',
  'net-cancel-no-answer': 'unknown',
  'net-cancel-not-sent': null,
  'net-cancel-credentials-refused': null,
  'net-cancel-unfinished': 'unknown',
};

/** A reqRtran whose outcome is unknown may have reversed the number it names. */
const REVERSAL_UNANSWERED: ReadonlySet<ExchangeReading> = new Set<ExchangeReading>([
  'net-cancel-no-answer',
  'net-cancel-temporary-error',
  'net-cancel-unfinished',
]);

const NO_ANSWER: ReadonlySet<ExchangeReading> = new Set<ExchangeReading>([
  'cancel-no-answer',
  'net-cancel-no-answer',
]);

/**
 * `confirmed`: the KICC codes confirmed to mean "nothing happened" (the engine's list: settings,
 * or the simulator's in training); any other refusal is read as a code the app cannot read.
 */
export function readRecord(
  attempts: readonly Attempt[],
  confirmed: readonly string[] = [],
): RecordRead {
  const trails = new Map<string, NumberTrail>();
  const exchanges: ExchangeRead[] = [];
  for (const a of attempts) {
    const trail = trails.get(a.mercTrxNo) ?? {
      status: 'none',
      by: null,
      reversalUnanswered: false,
    };
    const reading = a.kind === 'cancel' ? readCancel(a, confirmed) : readNetCancel(a, trail);
    const status = STATUS_AFTER[reading];
    trails.set(a.mercTrxNo, {
      status: status ?? trail.status,
      by: status === null ? trail.by : a.id,
      reversalUnanswered:
        reading === 'net-cancel-reversed'
          ? false
          : trail.reversalUnanswered || REVERSAL_UNANSWERED.has(reading),
    });
    exchanges.push({
      attemptId: a.id,
      reading,
      cause: NO_ANSWER.has(reading) ? noAnswerCause(a) : null,
    });
  }
  return { exchanges, ...implication([...trails.values()]) };
}

/** The latest attempt among the trails in `wanted`, or null. */
function latest(trails: readonly NumberTrail[], wanted: readonly NumberStatus[]): number | null {
  const ids = trails.filter((t) => wanted.includes(t.status) && t.by !== null).map((t) => t.by);
  return ids.length === 0 ? null : Math.max(...(ids as number[]));
}

function implication(
  trails: readonly NumberTrail[],
): Pick<RecordRead, 'implies' | 'basisAttemptId'> {
  const landed = latest(trails, ['landed']);
  if (landed !== null) return { implies: 'refunded', basisAttemptId: landed };
  const unknown = latest(trails, ['unknown']);
  if (unknown !== null) return { implies: 'unknown', basisAttemptId: unknown };
  return {
    implies: 'not-refunded',
    basisAttemptId: latest(trails, ['reversed', 'not-landed', 'refused']),
  };
}
