import type { Page } from 'playwright-core';

/**
 * WCAG 2.2 AA text contrast (1.4.3) of everything visible on the page, as rendered: each text
 * node's computed colour against the backgrounds behind it (alpha layers blended down to the
 * page), 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold). Disabled controls are exempt,
 * as WCAG says. A string, because it runs in the page (this file is type-checked for Node).
 */
const SCRIPT = String.raw`(() => {
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, base) => ({
    r: top.r * top.a + base.r * (1 - top.a),
    g: top.g * top.a + base.g * (1 - top.a),
    b: top.b * top.a + base.b * (1 - top.a),
    a: 1,
  });
  const channel = (v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const backgroundOf = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) {
        layers.push(c);
        if (c.a >= 1) break;
      }
    }
    let base = { r: 255, g: 255, b: 255, a: 1 };
    for (const layer of layers.reverse()) base = over(layer, base);
    return base;
  };
  const problems = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const el = node.parentElement;
    if (!text || !el) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
    if (el.closest('.visually-hidden, [aria-hidden="true"], button:disabled')) continue;
    const fg = parse(style.color);
    if (!fg) continue;
    const bg = backgroundOf(el);
    const a = luminance(over(fg, bg));
    const b = luminance(bg);
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) {
      problems.push('contrast ' + ratio.toFixed(2) + ':1 for "' + text.slice(0, 40) + '"');
    }
  }
  return problems;
})()`;

export function contrastProblems(page: Page): Promise<string[]> {
  return page.evaluate(SCRIPT) as Promise<string[]>;
}

/** Content wider than the window: the layout does not fit (1024×768, 150% scaling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    '(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)()',
  ) as Promise<number>;
}
