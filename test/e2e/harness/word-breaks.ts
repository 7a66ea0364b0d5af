import type { Page } from 'playwright-core';

/**
 * Korean words broken in the middle of a line ("1건으/로", "환/불하지"), as rendered (issue 12
 * finding 4). A word is a run of letters and digits holding Hangul; it is broken when its
 * pieces sit on more than one line although it would fit on one line of its box (a word wider
 * than its box may break: that is what `overflow-wrap: anywhere` is for). Runs in the page (a
 * string: this file is type-checked for Node), on every screenshot of the journeys (./desk.ts)
 * and on the slips (test/e2e/desk-word-breaks.test.ts).
 */
const SCRIPT = String.raw`(() => {
  const problems = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.textContent || '';
    if (!el || !/[\uAC00-\uD7A3]/.test(text) || el.getClientRects().length === 0) continue;
    const box = el.getBoundingClientRect().width;
    // a word: letters and digits together, Hangul among them ("1건으로"); a line may break
    // after a closing quote or bracket, as Korean typesetting allows
    for (const match of text.matchAll(/[\p{L}\p{N}]*[\uAC00-\uD7A3][\p{L}\p{N}]*/gu)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const tops = new Set(rects.map((r) => Math.round(r.top)));
      if (tops.size <= 1) continue;
      const width = rects.reduce((sum, r) => sum + r.width, 0);
      if (width > box) continue;
      problems.push('"' + match[0] + '" breaks across lines in "' + text.trim().slice(0, 40) + '"');
    }
  }
  return problems;
})()`;

export function brokenKoreanWords(page: Page): Promise<string[]> {
  return page.evaluate(SCRIPT) as Promise<string[]>;
}
