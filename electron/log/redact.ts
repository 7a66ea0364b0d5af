/**
 * Redaction for everything the app logs (issue 4: "secrets and full card numbers redacted by a
 * tested redaction function"). Three nets, because a secret can hide in three places:
 *  1. a key that names a secret ({ secretKey }, headers['X-KICC-Authorization'], a PIN);
 *  2. text that spells one out (`"secretKey":"..."` in a logged body, `Authorization: ...`);
 *  3. the current secret VALUES themselves, wherever they appear (a URL, an error message).
 * Full card numbers (14-19 digits passing the Luhn check) are masked the way KICC masks them
 * (first 6 and last 4 kept: 1234-56**-****-1234); already-masked numbers pass untouched.
 */
export const REDACTED = '[REDACTED]';

/** Key names compared lower-case, without separators: `X-KICC-ChannelId` → `xkiccchannelid`. */
const SECRET_KEYS = new Set([
  'secretkey',
  'channelid',
  'xkiccchannelid',
  'xkiccauthorization',
  'authorization',
  'proxyauthorization',
  'pin',
  'managerpin',
  'password',
  'passwd',
  'tokenkey',
  'cookie',
  'setcookie',
  'apikey',
]);

const normalizeKey = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');
export const isSecretKey = (key: string): boolean => SECRET_KEYS.has(normalizeKey(key));

/**
 * `name: value`, `name=value`, `"name":"value"` for the secret names, in free text. The name
 * list is written in the forms that occur in text; the value ends at a quote, space, comma,
 * semicolon, ampersand or brace.
 */
const SECRET_IN_TEXT =
  /\b(x-kicc-channelid|x-kicc-authorization|proxy-authorization|authorization|secret[_-]?key|channel[_-]?id|manager[_-]?pin|pin|password|passwd|token[_-]?key|api[_-]?key)\b(["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|(?:Bearer|Basic|HMAC)\s+[^\s,;&}]+|[^\s,;&}"']+)/gi;

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
    if (secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  out = out.replace(SECRET_IN_TEXT, (_match, name: string, separator: string, value: string) =>
    value.startsWith('"') ? `${name}${separator}"${REDACTED}"` : `${name}${separator}${REDACTED}`,
  );
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
