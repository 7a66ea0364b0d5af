/**
 * Settings field rules that need no zod, so the renderer can check them as the manager types
 * (the page bundle carries no zod: docs/renderer.md) while the contract's and the settings
 * file's zod schemas enforce the very same functions in main.
 */

/**
 * `https://{API domain}` with nothing after the host (KICC-API.md "Endpoints"). Plain http is
 * allowed only to 127.0.0.1, for a simulator during training; live mode refuses it at start.
 */
export function isAllowedApiBaseUrl(s: string): boolean {
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return false;
  }
  const bare =
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === '' &&
    url.pathname === '/' &&
    (s === url.origin || s === `${url.origin}/`);
  if (!bare) return false;
  if (url.protocol === 'https:') return url.hostname.length > 0;
  return url.protocol === 'http:' && url.hostname === '127.0.0.1';
}

/** The store's name as printed on the slip's store line (상호): one line of an 80 mm slip. */
export const STORE_NAME_MAX = 40;

/**
 * Printable text only: no control, format, private-use or unassigned characters and no line or
 * paragraph separators, which would break the slip's one-line layout or hide text on paper.
 * Korean (Hangul) and spaces are fine.
 */
const PRINTABLE = /^[^\p{C}\p{Zl}\p{Zp}]*$/u;

export const isPrintableText = (s: string): boolean => PRINTABLE.test(s);

/** A store name as saved: already trimmed, ≤ STORE_NAME_MAX characters, printable ('' = none). */
export function isValidStoreName(s: string): boolean {
  return s === s.trim() && [...s].length <= STORE_NAME_MAX && isPrintableText(s);
}
