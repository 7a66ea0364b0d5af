import type { Page } from 'playwright-core';

/**
 * Words a cashier should never see on a Korean screen (issue 12 finding 7): Latin-letter words
 * in what is rendered (text, and the aria-label / placeholder / title a screen reader or a glance
 * reads), outside an allow-list of codes and names. Reusable: any journey may scan any screen
 * with `latinWords(page)`, adding its own allowed words or skipped parts.
 *
 * Not words, so never reported:
 *  - tokens with a digit: codes and numbers (T123456789, S004, F2, V12345678902, 80mm);
 *  - values shown as data, marked `.mono` (receipt and transaction numbers, masked cards, hashes),
 *    `<kbd>` key caps, `<code>`, and anything marked `data-verbatim` (KICC's own text shown as
 *    it came, behind "자세히");
 *  - anything inside an element whose `lang` is not Korean (the "English" switch says its own
 *    language, as it should);
 *  - what is not rendered (hidden, display:none), and the visually-hidden text's twin check is
 *    the same as the visible one's: it IS read by a screen reader, so it is scanned.
 */
export const ALLOWED_WORDS: readonly string[] = [
  // the VAN and the words the handbook itself puts on Korean screens
  'KICC',
  'VAN',
  'PIN',
  'CSV',
  // key names in labels: "조회 (Enter)", "닫기 (Esc)", "인쇄 (Ctrl+P)"
  'Enter',
  'Esc',
  'Ctrl',
  'Tab',
  'Shift',
  // KICC's one-letter cancellation key types (wcc): "VAN 거래번호 (T)"
  'T',
  'G',
  // the address scheme the manager types as is: "https://부터 그대로"
  'https',
];

/** Modifier keys in a key combination ("Ctrl+P"): the last part is the key's own letter. */
const MODIFIERS = ['Ctrl', 'Alt', 'Shift'];

export interface LatinScanOptions {
  /** more words allowed on this screen (say why where it is used) */
  allow?: readonly string[];
  /** CSS selectors of parts not to scan (say why where it is used) */
  skip?: readonly string[];
}

const SCRIPT = String.raw`((allowed, skip, modifiers) => {
  const allow = new Set(allowed);
  const combo = (parts) =>
    parts.length > 1 && parts.slice(0, -1).every((p) => modifiers.includes(p)) && parts[parts.length - 1].length === 1;
  const found = [];
  const skipped = (el) =>
    el.closest('.mono, kbd, code, [data-verbatim], script, style' + (skip.length ? ', ' + skip.join(', ') : '')) !== null ||
    (el.closest('[lang]') && !el.closest('[lang]').getAttribute('lang').startsWith('ko'));
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const check = (text, el, where) => {
    for (const match of text.matchAll(/[A-Za-z][A-Za-z0-9_.+-]*/g)) {
      const token = match[0].replace(/[._+-]+$/, '');
      if (/[0-9]/.test(token)) continue;
      const parts = token.split(/[+]/);
      if (parts.every((p) => allow.has(p)) || combo(parts)) continue;
      found.push(token + ' in ' + where + ' "' + text.trim().slice(0, 60) + '"');
    }
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || skipped(el) || !node.textContent.trim()) continue;
    if (!shown(el) && !el.closest('.visually-hidden')) continue;
    check(node.textContent, el, el.tagName.toLowerCase());
  }
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
    if (skipped(el) || !shown(el)) continue;
    for (const name of ['aria-label', 'placeholder', 'title']) {
      const value = el.getAttribute(name);
      if (value) check(value, el, el.tagName.toLowerCase() + '[' + name + ']');
    }
  }
  return [...new Set(found)];
})`;

/** The Latin words on the page as it is now, each with where it was found. */
export function latinWords(page: Page, options: LatinScanOptions = {}): Promise<string[]> {
  const allowed = [...ALLOWED_WORDS, ...(options.allow ?? [])];
  const args = [allowed, options.skip ?? [], MODIFIERS].map((a) => JSON.stringify(a)).join(', ');
  return page.evaluate(`${SCRIPT}(${args})`) as Promise<string[]>;
}
