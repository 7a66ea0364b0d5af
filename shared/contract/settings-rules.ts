import { isRespCd } from '../kicc/resp-cd';

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

/**
 * The store's cashiers (issue 13 finding 5): each types their number at the till when a
 * cancellation is confirmed, so the ledger records who asked. An identifier, not a password: the
 * manager PIN is what authorises. No cashiers = a one-person store, recorded as "계산원".
 */
export interface CashierEntry {
  /** 1–4 digits, unique in the store */
  no: string;
  /** as printed on reports: trimmed, 1–20 printable characters */
  name: string;
}
export const CASHIERS_MAX = 30;
export const CASHIER_NAME_MAX = 20;

export const isValidCashierNo = (s: string): boolean => /^[0-9]{1,4}$/.test(s);

export function isValidCashierName(s: string): boolean {
  const length = [...s].length;
  return s === s.trim() && length >= 1 && length <= CASHIER_NAME_MAX && isPrintableText(s);
}

/** The numbers used more than once in a list (each must name one cashier). */
export function repeatedCashierNos(list: readonly CashierEntry[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const c of list) {
    if (seen.has(c.no)) repeated.add(c.no);
    seen.add(c.no);
  }
  return [...repeated];
}

/** How a cashier is recorded as the requester: "김민지 (07)". */
export const cashierLabel = (c: CashierEntry): string => `${c.name} (${c.no})`;

/**
 * KICC result codes a manager has confirmed (with KICC) to mean "nothing happened" on reqCancel:
 * only these end a cancellation as a plain refusal (electron/cancellations/refusalCodes.ts;
 * issue 9). Each a respCd (4 visible ASCII characters), never 0000 (success), no repeats.
 */
export const CONFIRMED_CODES_MAX = 50;

export type ConfirmedCodesProblem = 'format' | 'success' | 'repeated' | 'too-many';

export function confirmedCodesProblem(codes: readonly string[]): ConfirmedCodesProblem | null {
  if (codes.length > CONFIRMED_CODES_MAX) return 'too-many';
  if (!codes.every(isRespCd)) return 'format';
  if (codes.includes('0000')) return 'success';
  if (new Set(codes).size !== codes.length) return 'repeated';
  return null;
}

/** "S001, S004 S009" as typed -> ['S001', 'S004', 'S009'] (commas and spaces separate). */
export const parseCodeList = (text: string): string[] =>
  text.split(/[\s,]+/).filter((code) => code !== '');
