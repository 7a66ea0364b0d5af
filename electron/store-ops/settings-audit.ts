import type { Settings } from '../../shared/contract';
import type { JsonObject } from '../audit/canonical';

/**
 * What a settings change records in the audit log (issue 6: "every setting or credential change
 * (never the secret itself)"): each changed key with its old and new value. Settings hold no
 * secret (credentials are not settings: ../credentials/), so the values are kept.
 */
export function settingsChanges(before: Settings, after: Settings): JsonObject {
  const changes: Record<
    string,
    { from: string | number | boolean; to: string | number | boolean }
  > = {};
  const flat = (s: Settings): Record<string, string | number | boolean> => {
    const { limits, cashiers, confirmedRefusalCodes, ...rest } = s;
    return {
      ...rest,
      // the list as one readable value: "07 김민지, 08 이준호"
      cashiers: cashiers.map((c) => `${c.no} ${c.name}`).join(', '),
      // who confirmed which KICC code to mean "nothing happened" is on the record (issue 9)
      confirmedRefusalCodes: confirmedRefusalCodes.join(','),
      'limits.cashierMaxAmount': limits.cashierMaxAmount,
      'limits.offlineMaxCount': limits.offlineMaxCount,
      'limits.offlineMaxAmount': limits.offlineMaxAmount,
    };
  };
  const was = flat(before);
  const now = flat(after);
  for (const key of Object.keys(now).sort()) {
    const from = was[key];
    const to = now[key];
    if (from !== undefined && to !== undefined && from !== to) changes[key] = { from, to };
  }
  return changes;
}

/** Credentials: which ones changed, never their values. */
export const CREDENTIAL_NAMES = ['channelId', 'secretKey'] as const;
