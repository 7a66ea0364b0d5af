import type { CancellationState } from '../../shared/contract/models';

/**
 * The contract's cancellation states as plain lists for the page. Importing the contract's zod
 * enum would pull zod into the page bundle (the page never parses: window.pos does, in the
 * preload); these lists are checked against the contract's type in both directions, so a state
 * added there fails the type-check here (and test/renderer/format/states.test.ts compares them).
 */
export const CANCELLATION_STATES = [
  'draft',
  'pending',
  'sending',
  'queued',
  'in_doubt',
  'cancelled',
  'rejected',
  'needs_review',
] as const satisfies readonly CancellationState[];

/** Final: nothing more happens without a person (shared/contract/models.ts FINAL_STATES). */
export const FINAL_STATES = [
  'cancelled',
  'rejected',
  'needs_review',
] as const satisfies readonly CancellationState[];

type Missing = Exclude<CancellationState, (typeof CANCELLATION_STATES)[number]>;
/** Fails to compile when the contract has a state this list lacks. */
export const statesComplete: [Missing] extends [never] ? true : never = true;

export const isFinalState = (state: CancellationState): boolean =>
  (FINAL_STATES as readonly CancellationState[]).includes(state);

export const isCancellationState = (text: string): text is CancellationState =>
  (CANCELLATION_STATES as readonly string[]).includes(text);
