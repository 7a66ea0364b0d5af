import type { KiccEndpoint } from '../../../shared/kicc/types';
import type { Prng } from './prng';

/**
 * Faults the simulator can inject, per endpoint, for the next N requests or with a probability
 * drawn from its seeded PRNG (deterministic). Each kind is what a client can meet between it
 * and KICC (KICC-API.md "Error classes the client must tell apart"); how each is delivered on
 * the socket is in ./fault-delivery.ts. Refusing connections is not per request (no endpoint is
 * known before a connection is accepted): it is `sim.stop()` / `sim.restart()` /
 * `sim.faults.refuse({ forMs })`.
 */
export const FAULT_KINDS = [
  'commit-then-drop',
  'drop-before-commit',
  'delay',
  'corrupt-json',
  'truncated-body',
  'http-500',
  'http-503',
  'reset-mid-response',
  'auth-failure',
  'temporary-error',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Whether KICC's state changes under each kind. `fixed` kinds mean it by their name; the others
 * have a default a fault may override with `commit`, so tests cover both outcomes of an answer
 * whose outcome the client cannot know. Defaults: a 500 is KICC failing after processing, a 503
 * a gateway refusing before it (the usual meanings); S999 says "temporary error", taken at its
 * word; a slow, corrupt, truncated or reset answer is an answer to a processed request.
 */
export const FAULT_COMMIT: Readonly<Record<FaultKind, { fixed: boolean; commit: boolean }>> = {
  'commit-then-drop': { fixed: true, commit: true },
  'drop-before-commit': { fixed: true, commit: false },
  delay: { fixed: false, commit: true },
  'corrupt-json': { fixed: false, commit: true },
  'truncated-body': { fixed: false, commit: true },
  'http-500': { fixed: false, commit: true },
  'http-503': { fixed: false, commit: false },
  'reset-mid-response': { fixed: false, commit: true },
  'auth-failure': { fixed: true, commit: false },
  'temporary-error': { fixed: false, commit: false },
};

/** Beyond KICC's recommended 30 s read timeout (KICC-API.md "Timeouts"). */
export const DEFAULT_DELAY_MS = 35_000;

export type FaultEndpoint = KiccEndpoint | 'any';

export interface FaultSpec {
  endpoint: FaultEndpoint;
  kind: FaultKind;
  /** only for kinds whose commit is not fixed (FAULT_COMMIT) */
  commit?: boolean;
  /** 'delay' only: how long the answer waits, ms */
  delayMs?: number;
}

/** A fault chosen for one request. */
export interface ActiveFault {
  kind: FaultKind;
  commit: boolean;
  delayMs: number;
}

export interface FaultPlan {
  counted: (FaultSpec & { remaining: number })[];
  probabilities: (FaultSpec & { p: number })[];
}

export interface FaultControl {
  /** the next `count` (default 1) requests to `endpoint` meet this fault */
  inject(spec: FaultSpec & { count?: number }): void;
  /** every request to `endpoint` meets this fault with probability p (0 removes the rule) */
  setProbability(spec: FaultSpec & { p: number }): void;
  clear(): void;
  plan(): FaultPlan;
}

export interface FaultRegistry extends FaultControl {
  /** the fault for this request, if any: counted faults first, then the probabilities */
  take(endpoint: KiccEndpoint): ActiveFault | undefined;
}

/** What is wrong with a spec, or undefined. The control path answers it as a 400. */
export function faultSpecProblem(
  spec: FaultSpec & { count?: number; p?: number },
): string | undefined {
  const rule = FAULT_COMMIT[spec.kind];
  if (rule.fixed && spec.commit !== undefined && spec.commit !== rule.commit) {
    return `${spec.kind} always ${rule.commit ? 'commits' : 'leaves the state unchanged'}`;
  }
  if (spec.delayMs !== undefined && (!Number.isSafeInteger(spec.delayMs) || spec.delayMs < 0)) {
    return 'delayMs must be a whole number of ms, 0 or more';
  }
  if (spec.count !== undefined && (!Number.isSafeInteger(spec.count) || spec.count < 1)) {
    return 'count must be a whole number, 1 or more';
  }
  if (spec.p !== undefined && !(spec.p >= 0 && spec.p <= 1)) return 'p must be within 0..1';
  return undefined;
}

const matches = (spec: FaultSpec, endpoint: KiccEndpoint): boolean =>
  spec.endpoint === 'any' || spec.endpoint === endpoint;

const activate = (spec: FaultSpec): ActiveFault => ({
  kind: spec.kind,
  commit: spec.commit ?? FAULT_COMMIT[spec.kind].commit,
  delayMs: spec.delayMs ?? DEFAULT_DELAY_MS,
});

export function createFaultRegistry(prng: Prng): FaultRegistry {
  let counted: (FaultSpec & { remaining: number })[] = [];
  let probabilities: (FaultSpec & { p: number })[] = [];

  const refuseBadSpec = (spec: FaultSpec & { count?: number; p?: number }): void => {
    const problem = faultSpecProblem(spec);
    // From code, a bad spec is a bug in the test that wrote it.
    if (problem !== undefined) throw new RangeError(`fault ${spec.kind}: ${problem}`);
  };

  return {
    inject(spec) {
      refuseBadSpec(spec);
      const { count = 1, ...rest } = spec;
      counted.push({ ...rest, remaining: count });
    },
    setProbability(spec) {
      refuseBadSpec(spec);
      probabilities = probabilities.filter(
        (rule) => !(rule.endpoint === spec.endpoint && rule.kind === spec.kind),
      );
      if (spec.p > 0) probabilities.push({ ...spec });
    },
    clear() {
      counted = [];
      probabilities = [];
    },
    plan: () => structuredClone({ counted, probabilities }),
    take(endpoint) {
      const next = counted.find((spec) => matches(spec, endpoint));
      if (next !== undefined) {
        next.remaining -= 1;
        if (next.remaining === 0) counted = counted.filter((spec) => spec !== next);
        return activate(next);
      }
      for (const rule of probabilities) {
        // One roll per matching rule, in the order set, until one hits: reproducible per seed.
        if (matches(rule, endpoint) && prng.next() < rule.p) return activate(rule);
      }
      return undefined;
    },
  };
}
