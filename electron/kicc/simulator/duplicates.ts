import { kstDateTime } from '../../../shared/kicc/time';
import type { EchoFields } from './answers';
import { refusal } from './answers';
import { SIM_CODES } from './result-codes';
import type { Decision, SimAnswer } from './types';

/**
 * Duplicate mercTrxNo (KICC-API.md S005 [A]): a mercTrxNo repeated for the same tid + svcId on
 * the same day is refused with S005 ('reject', our reading of KICC's other APIs), or answered
 * with the first request's answer ('replay', the other plausible behaviour).
 *
 * Decisions, where the spec is silent (docs/simulator.md):
 * - "the same day" is KICC's day, the KST date the simulator RECEIVED the request, not the
 *   merchant's tranDt (a merchant's clock can be wrong; KICC's day is the one KICC keeps).
 * - approvals and cancellations share the namespace (a mercTrxNo names one transaction);
 *   net-cancels are outside it, since a net-cancel repeats the lost request's mercTrxNo by design.
 * - a mercTrxNo is taken when its request COMMITS, refusals included (S001..S004 answers are
 *   replayed too); a request that never committed (dropped before commit, S008) takes nothing.
 */
export type DuplicateMode = 'reject' | 'replay';

export interface DuplicateRegistry {
  /** `decide` runs only when the mercTrxNo is new; its commit also takes the mercTrxNo */
  guard(echo: EchoFields, now: number, decide: () => Decision): Decision;
  /** whether the mercTrxNo is taken on that day */
  taken(echo: EchoFields, at: number): boolean;
  /** for originals created from code (samples, `sim.approve`) */
  remember(echo: EchoFields, at: number, answer: SimAnswer): void;
}

export function createDuplicateRegistry(mode: DuplicateMode): DuplicateRegistry {
  const firstAnswers = new Map<string, SimAnswer>();
  const keyOf = (echo: EchoFields, at: number): string =>
    JSON.stringify([kstDateTime(at).date, echo.tid, echo.svcId, echo.mercTrxNo]);

  return {
    guard(echo, now, decide) {
      const key = keyOf(echo, now);
      const first = firstAnswers.get(key);
      if (first !== undefined) {
        return mode === 'replay'
          ? { answer: structuredClone(first), commit: () => {} }
          : refusal(SIM_CODES.duplicateMercTrxNo, echo, now, echo.mercTrxNo);
      }
      const decision = decide();
      return {
        answer: decision.answer,
        commit: () => {
          decision.commit();
          firstAnswers.set(key, structuredClone(decision.answer));
        },
      };
    },
    taken: (echo, at) => firstAnswers.has(keyOf(echo, at)),
    remember(echo, at, answer) {
      firstAnswers.set(keyOf(echo, at), structuredClone(answer));
    },
  };
}
