/**
 * The audit log records that a credential or the manager PIN changed, never the value
 * (issue 6: "every setting or credential change (never the secret itself)"; preamble: ChannelId,
 * SecretKey and the manager PIN never appear in records). A caller that puts one in `details`
 * has a bug; this guard names the offending key path (never the value) so it fails in tests.
 *
 * It looks at KEYS, not values: a value cannot be recognised as secret (a 20-digit mercTrxNo
 * looks like any other number), but the names we give secrets can. Keys are split into words
 * at camelCase humps, digits and separators, so `managerPin`, `pin_code`, `X-KICC-ChannelId`
 * and `secretKey` are caught while `shipping` or `mapping` (which contain "pin") are not.
 */

/** A key holding one of these words is a secret (whatever else it says: newPin, pinHash). */
const SECRET_WORDS: ReadonlySet<string> = new Set([
  'pin',
  'pins',
  'password',
  'passwd',
  'passcode',
  'secret',
  'authorization',
  'salt',
  'cookie',
  // the PIN typed a second time (manager.setupPin / changePin `confirmation`)
  'confirmation',
]);

/** Adjacent words that name a secret together (`channel` alone is fine, `channelId` is not). */
const SECRET_PHRASES: readonly (readonly [string, string])[] = [
  ['channel', 'id'],
  ['secret', 'key'],
  ['api', 'key'],
  ['private', 'key'],
  ['token', 'key'],
  ['access', 'token'],
  ['recovery', 'code'],
  ['integrity', 'key'],
  ['mac', 'key'],
];

/** "X-KICC-ChannelId" -> ['x', 'kicc', 'channel', 'id']; "pinHash" -> ['pin', 'hash']. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word !== '');
}

// Verdicts by key: the engine appends a few events per step with the same dozen keys, and
// splitting each key again was a visible part of a drain (docs/bench.md). Bounded, since keys
// could in principle come from anywhere.
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 4096;

export function isSecretKey(key: string): boolean {
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const verdict = decide(key);
  if (verdicts.size < MAX_VERDICTS) verdicts.set(key, verdict);
  return verdict;
}

function decide(key: string): boolean {
  const words = keyWords(key);
  if (words.some((word) => SECRET_WORDS.has(word))) return true;
  return words.some((word, i) =>
    SECRET_PHRASES.some(([first, second]) => word === first && words[i + 1] === second),
  );
}

/** Every key path under `value` whose key names a secret, e.g. ['details.credentials.secretKey']. */
export function secretKeyPaths(value: unknown, path = 'details'): string[] {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, i) => secretKeyPaths(item, `${path}[${i}]`));
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => [
    ...(isSecretKey(key) ? [`${path}.${key}`] : []),
    ...secretKeyPaths(item, `${path}.${key}`),
  ]);
}

/** Thrown by the audit log's append: a caller tried to record a secret (a bug, not a user error). */
export class AuditSecretError extends Error {
  constructor(readonly paths: readonly string[]) {
    super(`audit details must not hold secrets; refused keys: ${paths.join(', ')}`);
    this.name = 'AuditSecretError';
  }
}
