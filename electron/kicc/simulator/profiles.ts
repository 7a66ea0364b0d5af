/**
 * KICC profiles: one switch per [A] of KICC-API.md that could be otherwise at the real KICC
 * (issue 9). The simulator's defaults are our reading of KICC ("as-modelled"); each profile
 * flips one assumption to its other plausible value, so a test (or a trainer, with
 * `npm run sim -- --profile NAME`) can see the app keep its promise under either.
 *
 * | [A] of KICC-API.md                              | as modelled            | the other reading              |
 * |--------------------------------------------------|------------------------|--------------------------------|
 * | Result codes (S001..S999)                        | `codes: 'table'`       | `'unknown'`: codes the app does not know (real codes are unpublished) |
 * | reqRtran: "already reversed" vs window (S006/S007) | `netCancelOrder: 'reversed-first'` | `'window-first'`: the 30-minute window is checked first |
 * | S005 duplicate mercTrxNo                         | `numbers: 'ours'`      | `'foreign'`: a fresh number of ours is owned by another transaction |
 * | tranDt                                           | `tranDt: 'free'`       | `'kicc-today'`: reqCancel's tranDt must be KICC's KST date |
 * | Timeouts: answer within the 30 s read timeout    | `issuer: 'prompt'`     | `'slow'`: every reqCancel lands, its answer comes after the client gave up |
 * | HTTP 200 answers parse                           | `answers: 'parseable'` | `'unparseable'`: a landed reqCancel's 200 answer our strict parser refuses |
 * | 401 on a timestamp more than 5 minutes off       | `clockOffsetMs: 0`     | KICC's clock 7 minutes from the PC's: every request 401, with KICC's `Date` |
 *
 * Profiles combine with '+': `slow-issuer+window-first`.
 */
export interface KiccProfile {
  codes: 'table' | 'unknown';
  netCancelOrder: 'reversed-first' | 'window-first';
  numbers: 'ours' | 'foreign';
  /** 'foreign': the share of fresh numbers another transaction already owns (seeded) */
  foreignShare: number;
  tranDt: 'free' | 'kicc-today';
  issuer: 'prompt' | 'slow';
  /**
   * 'slow': how late the answer comes, ms. 0 = the client has already given up when it is
   * ready: the connection is closed after the cancel commits (what a client sees after its read
   * timeout, without waiting for one; the property test uses it).
   */
  lateAnswerMs: number;
  answers: 'parseable' | 'unparseable';
  /** KICC's clock minus the PC's, ms */
  clockOffsetMs: number;
}

export const AS_MODELLED: Readonly<KiccProfile> = {
  codes: 'table',
  netCancelOrder: 'reversed-first',
  numbers: 'ours',
  foreignShare: 0.25,
  tranDt: 'free',
  issuer: 'prompt',
  lateAnswerMs: 35_000,
  answers: 'parseable',
  clockOffsetMs: 0,
};

/** KICC's clock off by more than its 5-minute tolerance [A]. */
export const SKEWED_CLOCK_MS = 7 * 60_000;

export const KICC_PROFILES = {
  'as-modelled': {},
  'unknown-codes': { codes: 'unknown' },
  'window-first': { netCancelOrder: 'window-first' },
  'foreign-numbers': { numbers: 'foreign' },
  'tranDt-today': { tranDt: 'kicc-today' },
  'slow-issuer': { issuer: 'slow' },
  'unparseable-200': { answers: 'unparseable' },
  'clock-skew': { clockOffsetMs: SKEWED_CLOCK_MS },
} as const satisfies Record<string, Partial<KiccProfile>>;

export type KiccProfileName = keyof typeof KICC_PROFILES;

export const KICC_PROFILE_NAMES = Object.keys(KICC_PROFILES) as KiccProfileName[];

const isProfileName = (name: string): name is KiccProfileName => Object.hasOwn(KICC_PROFILES, name);

/** `name` or `a+b+c`; undefined when a part is not a profile. */
export function profileByName(spec: string): KiccProfile | undefined {
  let profile: KiccProfile = { ...AS_MODELLED };
  for (const part of spec.split('+')) {
    if (!isProfileName(part)) return undefined;
    profile = { ...profile, ...KICC_PROFILES[part] };
  }
  return profile;
}
