import type { Browser } from 'playwright-core';

/**
 * Whether the browser has a font that draws Korean. Without one (a fresh Debian without
 * fonts-noto-cjk or fonts-nanum) every Hangul syllable is drawn as the missing-glyph box and the
 * slip PDFs hold no Korean text, so a slip assertion would fail with a riddle. Checked by
 * drawing: a few syllables, each compared with a code point no font has (U+0378, unassigned); if
 * every syllable looks exactly like it, there is no Korean font.
 */
export const NO_KOREAN_FONT =
  'no font that renders Korean is installed: apt-get install fonts-noto-cjk (or fonts-nanum); .ci/run installs it';

// Runs in the page (a string: this file is type-checked without the DOM's types).
const DRAWS_KOREAN = `(() => {
  const pixels = (text) => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    const g = canvas.getContext('2d');
    g.font = '40px sans-serif';
    g.fillText(text, 4, 48);
    return Array.from(g.getImageData(0, 0, 64, 64).data).join(',');
  };
  const missing = pixels('\\u0378');
  return ['가', '취', '환'].some((syllable) => pixels(syllable) !== missing);
})()`;

export async function drawsKorean(browser: Browser): Promise<boolean> {
  const page = await browser.newPage();
  try {
    return (await page.evaluate(DRAWS_KOREAN)) === true;
  } finally {
    await page.close();
  }
}

/** Fails the journey with one clear line when Korean cannot be drawn. */
export async function requireKoreanFont(browser: Browser): Promise<void> {
  if (!(await drawsKorean(browser))) throw new Error(NO_KOREAN_FONT);
}
