/**
 * Redaction for everything the app logs (issue 4: "secrets and full card numbers redacted by a
 * tested redaction function"). Three nets, because a secret can hide in three places:
 *  1. a key whose words name a secret ({ secretKey }, headers['X-KICC-Authorization'], newPin);
 *  2. text that spells one out (`"secretKey":"..."` in a logged body, `Authorization: ...`);
 *  3. every secret VALUE main knows, wherever it appears (a URL, an error message): the stored
 *     credentials, the integrity key, and the secrets of the IPC call being handled
 *     (./known-secrets.ts).
 * Full card numbers (14-19 digits passing the Luhn check) are masked the way KICC masks them
 * (first 6 and last 4 kept: 1234-56**-****-1234); already-masked numbers pass untouched.
 */
import { isSecretKey } from '../audit/secrets';

export const REDACTED = '[REDACTED]';

/**
 * A key names a secret by its WORDS (issue 11: `newPin`, `currentPin`, `pinConfirmation`,
 * `confirmation`, `X-KICC-ChannelId`, `recovery_code` …): the very rule the audit log uses to
 * refuse secrets (../audit/secrets.ts), so what may not be recorded may not be logged either.
 */
export { isSecretKey };

/**
 * `name: value`, `name=value`, `"name":"value"` in free text, for any name whose words name a
 * secret (`newPin=1234`, `"secretKey":"…"`, `X-KICC-Authorization: …`, `manager pin: 4321`).
 * The value ends at a quote, space, comma, semicolon, ampersand or brace.
 */
const NAME_AND_VALUE =
  /(?<![A-Za-z0-9_-])([A-Za-z][A-Za-z0-9_-]*)(["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|(?:Bearer|Basic|HMAC)\s+[^\s,;&}]+|[^\s,;&}"']+)/g;

/** Known secret values shorter than this are caught by key only: a 4-digit PIN is any number. */
export const MIN_VALUE_REDACTED = 6;

/** A run of 14-19 digits, single spaces or dashes allowed between them. */
const CARD_LIKE = /(?<![0-9])[0-9](?:[ -]?[0-9]){13,18}(?![0-9])/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Keeps the first 6 and last 4 digits and every separator: 1234-5678-9012-3456 → 1234-56**-****-3456. */
export function maskCardNumber(text: string): string {
  const total = text.replace(/[^0-9]/g, '').length;
  let seen = 0;
  let out = '';
  for (const char of text) {
    if (char >= '0' && char <= '9') {
      seen += 1;
      out += seen <= 6 || seen > total - 4 ? char : '*';
    } else {
      out += char;
    }
  }
  return out;
}

function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Short values (a 4-digit PIN) would blank out ordinary numbers; those are caught by key.
    if (secret.length >= MIN_VALUE_REDACTED) out = out.split(secret).join(REDACTED);
  }
  out = out.replace(NAME_AND_VALUE, (match, name: string, separator: string, value: string) => {
    if (!isSecretKey(name)) return match;
    return value.startsWith('"')
      ? `${name}${separator}"${REDACTED}"`
      : `${name}${separator}${REDACTED}`;
  });
  return out.replace(CARD_LIKE, (run) =>
    luhnValid(run.replace(/[^0-9]/g, '')) ? maskCardNumber(run) : run,
  );
}

const MAX_DEPTH = 8;

export type Redact = (value: unknown) => unknown;

/**
 * A redaction function that also blanks out the given secret values (the stored ChannelId and
 * SecretKey, read at call time so a change of credentials is covered at once).
 */
export function createRedactor(knownSecrets: () => readonly string[] = () => []): Redact {
  const walk = (
    value: unknown,
    depth: number,
    seen: WeakSet<object>,
    secrets: readonly string[],
  ): unknown => {
    if (typeof value === 'string') return redactText(value, secrets);
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return '[Circular]';
    if (depth >= MAX_DEPTH) return '[Deep]';
    seen.add(value);
    if (value instanceof Uint8Array) return `[binary ${value.byteLength} bytes]`;
    if (value instanceof Error) {
      return {
        name: value.name,
        message: redactText(value.message, secrets),
        ...(value.stack === undefined ? {} : { stack: redactText(value.stack, secrets) }),
      };
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, seen, secrets));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = isSecretKey(key) ? REDACTED : walk(item, depth + 1, seen, secrets);
    }
    return out;
  };
  return (value) => walk(value, 0, new WeakSet(), knownSecrets());
}

/** Redaction without known secret values (keys, text patterns and card numbers only). */
export const redact: Redact = createRedactor();
