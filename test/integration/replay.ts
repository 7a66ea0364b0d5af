/**
 * fast-check parameters that replay one counterexample a run printed, from the environment:
 * `${prefix}_SEED` and, optionally, `${prefix}_PATH` (e.g. KICC_PROPERTY_SEED=-1604979105
 * KICC_PROPERTY_PATH="856:0:3"). Without the seed: nothing, and fast-check draws its own.
 */
export function replayFromEnv(
  prefix: string,
): { seed: number; path?: string; endOnFailure: true } | Record<string, never> {
  const seed = process.env[`${prefix}_SEED`];
  if (seed === undefined) return {};
  const path = process.env[`${prefix}_PATH`];
  return { seed: Number(seed), ...(path ? { path } : {}), endOnFailure: true };
}
