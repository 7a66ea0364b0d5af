import type { CDPSession, Page } from 'playwright-core';

/**
 * Keystrokes with chosen timestamps. The scanner detection reads KeyboardEvent.timeStamp, and
 * CDP's Input.dispatchKeyEvent sets it from `timestamp`; so a scan (5 ms apart) and a person
 * (150 ms apart) are told apart by the page exactly as in a store, however busy this machine
 * is: no journey depends on how fast the test process happens to run.
 */
export async function typeAt(page: Page, text: string, gapMs: number, enter = true): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let at = Date.now() / 1000;
  const step = gapMs / 1000;
  try {
    for (const key of text) {
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: key, timestamp: at });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, timestamp: at + 0.001 });
      at += step;
    }
    if (enter) await pressEnter(cdp, at);
  } finally {
    await cdp.detach();
  }
}

/** Enter, down and up, at `at` (seconds, CDP's timestamp). */
async function pressEnter(cdp: CDPSession, at: number): Promise<void> {
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 };
  await cdp.send('Input.dispatchKeyEvent', {
    type: 'keyDown',
    ...enter,
    text: '\r',
    timestamp: at,
  });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter, timestamp: at + 0.001 });
}

/** A barcode scanner: characters 5 ms apart, then Enter. */
export const scan = (page: Page, code: string): Promise<void> => typeAt(page, code, 5);

/** A person at the keyboard: 150 ms apart (timestamps only: the test does not wait). */
export const typeByHand = (page: Page, text: string, enter = false): Promise<void> =>
  typeAt(page, text, 150, enter);

/** 두벌식: the jamo each letter key gives in Hangul mode, unshifted and with Shift. */
const HANGUL_KEYS: Readonly<Record<string, readonly [string, string]>> = {
  Q: ['ㅂ', 'ㅃ'],
  W: ['ㅈ', 'ㅉ'],
  E: ['ㄷ', 'ㄸ'],
  R: ['ㄱ', 'ㄲ'],
  T: ['ㅅ', 'ㅆ'],
  Y: ['ㅛ', 'ㅛ'],
  U: ['ㅕ', 'ㅕ'],
  I: ['ㅑ', 'ㅑ'],
  O: ['ㅐ', 'ㅒ'],
  P: ['ㅔ', 'ㅖ'],
  A: ['ㅁ', 'ㅁ'],
  S: ['ㄴ', 'ㄴ'],
  D: ['ㅇ', 'ㅇ'],
  F: ['ㄹ', 'ㄹ'],
  G: ['ㅎ', 'ㅎ'],
  H: ['ㅗ', 'ㅗ'],
  J: ['ㅓ', 'ㅓ'],
  K: ['ㅏ', 'ㅏ'],
  L: ['ㅣ', 'ㅣ'],
  Z: ['ㅋ', 'ㅋ'],
  X: ['ㅌ', 'ㅌ'],
  C: ['ㅊ', 'ㅊ'],
  V: ['ㅍ', 'ㅍ'],
  B: ['ㅠ', 'ㅠ'],
  N: ['ㅜ', 'ㅜ'],
  M: ['ㅡ', 'ㅡ'],
};

const PHYSICAL: Readonly<Record<string, { code: string; shift: boolean }>> = {
  _: { code: 'Minus', shift: true },
  '-': { code: 'Minus', shift: false },
};

/**
 * A barcode scanner typing into a Windows PC whose 한/영 key is in Hangul mode (issue 12 finding
 * 3), as Chromium receives it: every letter is a `Process` key event (keyCode 229) carrying only
 * its physical key (`code`), and the IME composes the jamo into the field (CDP's
 * imeSetComposition), committing the previous one each time; digits and symbols commit the
 * composition and arrive as themselves. Capitals are sent with Shift, as scanners do. 5 ms
 * apart, then Enter. The field ends up full of jamo: "ORD_…" reads "ㅒㄲㅇ_…".
 */
export async function scanInHangulMode(page: Page, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let at = Date.now() / 1000;
  let composing = '';
  const commit = async (): Promise<void> => {
    if (composing === '') return;
    await cdp.send('Input.insertText', { text: composing });
    composing = '';
  };
  try {
    for (const char of code) {
      const letter = /^[A-Za-z]$/.test(char) ? char.toUpperCase() : null;
      const shift = letter !== null ? char === letter : (PHYSICAL[char]?.shift ?? false);
      const physical = letter !== null ? `Key${letter}` : (PHYSICAL[char]?.code ?? `Digit${char}`);
      const modifiers = shift ? 8 : 0;
      if (letter !== null) {
        const jamo = HANGUL_KEYS[letter]?.[shift ? 1 : 0] ?? '';
        await cdp.send('Input.dispatchKeyEvent', {
          type: 'rawKeyDown',
          key: 'Process',
          code: physical,
          windowsVirtualKeyCode: 229,
          modifiers,
          timestamp: at,
        });
        await commit();
        await cdp.send('Input.imeSetComposition', {
          text: jamo,
          selectionStart: 1,
          selectionEnd: 1,
        });
        composing = jamo;
        await cdp.send('Input.dispatchKeyEvent', {
          type: 'keyUp',
          key: jamo,
          code: physical,
          windowsVirtualKeyCode: 229,
          modifiers,
          timestamp: at + 0.001,
        });
      } else {
        await commit();
        await cdp.send('Input.dispatchKeyEvent', {
          type: 'keyDown',
          key: char,
          code: physical,
          text: char,
          modifiers,
          timestamp: at,
        });
        await cdp.send('Input.dispatchKeyEvent', {
          type: 'keyUp',
          key: char,
          code: physical,
          modifiers,
          timestamp: at + 0.001,
        });
      }
      at += 0.005;
    }
    // Enter: the IME commits what it is composing, then the page gets the key
    await commit();
    await pressEnter(cdp, at);
  } finally {
    await cdp.detach();
  }
}
