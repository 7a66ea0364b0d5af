import type { Page } from 'playwright-core';

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
    if (enter) {
      const enterKey = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 };
      await cdp.send('Input.dispatchKeyEvent', {
        type: 'keyDown',
        ...enterKey,
        text: '\r',
        timestamp: at,
      });
      await cdp.send('Input.dispatchKeyEvent', {
        type: 'keyUp',
        ...enterKey,
        timestamp: at + 0.001,
      });
    }
  } finally {
    await cdp.detach();
  }
}

/** A barcode scanner: characters 5 ms apart, then Enter. */
export const scan = (page: Page, code: string): Promise<void> => typeAt(page, code, 5);

/** A person at the keyboard: 150 ms apart (timestamps only: the test does not wait). */
export const typeByHand = (page: Page, text: string, enter = false): Promise<void> =>
  typeAt(page, text, 150, enter);
