import { isSecretKey } from '../audit/secrets';

/**
 * Every secret VALUE the main process knows right now (issue 11: "redaction … by value for
 * every known secret"), for the log's redactor (./redact.ts) and the IPC's last net
 * (../ipc/dispatch.ts), which both take `values`:
 *  - standing sources, registered once: the stored ChannelId and SecretKey, the integrity key;
 *  - the secrets of the IPC calls being handled (`during`): a ChannelId and SecretKey being
 *    saved, a PIN being typed, a recovery code. They are known only while the call runs.
 * Values shorter than MIN_VALUE_REDACTED are left to the key rules (a 4-digit PIN is also
 * any amount or time).
 */
export interface KnownSecrets {
  /** a source read at every call, so a change of credentials is covered at once */
  add(source: () => readonly string[]): void;
  /** the standing sources only: what no answer to the page may ever contain */
  standing(): string[];
  /** standing and transient: what no log line may contain */
  values(): string[];
  /** `values` also holds `secrets` until `work` settles */
  during<T>(secrets: readonly string[], work: () => Promise<T>): Promise<T>;
}

export function createKnownSecrets(): KnownSecrets {
  const sources: (() => readonly string[])[] = [];
  const transient = new Map<string, number>();
  const hold = (secret: string, by: number) => {
    const count = (transient.get(secret) ?? 0) + by;
    if (count > 0) transient.set(secret, count);
    else transient.delete(secret);
  };
  const standing = (): string[] => {
    const out = new Set<string>();
    for (const source of sources) {
      try {
        for (const value of source()) if (value !== '') out.add(value);
      } catch {
        // a source that cannot answer (credentials unreadable) knows no value to hide
      }
    }
    return [...out];
  };
  return {
    add: (source) => void sources.push(source),
    standing,
    values: () => [...new Set([...standing(), ...transient.keys()])],
    async during(secrets, work) {
      const held = secrets.filter((s) => s !== '');
      for (const secret of held) hold(secret, 1);
      try {
        return await work();
      } finally {
        for (const secret of held) hold(secret, -1);
      }
    },
  };
}

/** The string values under secret-named keys, at any depth (`{ pin }`, `{ secretKey }`). */
export function secretValuesOf(value: unknown, depth = 0): string[] {
  if (depth > 8 || typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value))
    return value.flatMap((item: unknown) => secretValuesOf(item, depth + 1));
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
    isSecretKey(key) && typeof item === 'string' ? [item] : secretValuesOf(item, depth + 1),
  );
}
