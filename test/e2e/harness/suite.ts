import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchChromium } from './chromium';
import { closeRendererServer } from './desk';

/** Why the browser journeys cannot run here (reported as the skip reason), or null. */
export const skipReason = chromiumMissing();

/** One Chromium per test file; each journey gets its own context (./desk.ts). */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (skipReason === null) browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await closeRendererServer();
  });
  return () => {
    if (!browser) throw new Error('browser not started');
    return browser;
  };
}
