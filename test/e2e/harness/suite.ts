import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { BROWSER, launchChromium } from './chromium';
import { closeRendererServer } from './desk';
import { requireKoreanFont } from './korean-font';

/**
 * Why the browser journeys are skipped, or null when they run. Only an explicit E2E=skip skips
 * them: a missing browser or font is a failure that says how to get one (./browser.ts), never a
 * silent green.
 */
export const skipReason: string | null = process.env.E2E === 'skip' ? 'E2E=skip' : null;

/** One browser per test file; each journey gets its own context (./desk.ts). */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (skipReason !== null) return;
    if (!BROWSER.ok) throw new Error(BROWSER.reason);
    browser = await launchChromium();
    await requireKoreanFont(browser);
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
