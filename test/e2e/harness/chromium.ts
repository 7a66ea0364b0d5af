import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { findBrowser, type BrowserChoice } from './browser';

/**
 * The browser the renderer journeys run in (./browser.ts says which and why), launched off the
 * network and quiet.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--headless',
];

export const BROWSER: BrowserChoice = findBrowser({
  env: process.env,
  platform: process.platform,
  exists: existsSync,
});

/** `env`: more environment for the browser process (e.g. a fontconfig that sees no font). */
export function launchChromium(env: Record<string, string> = {}): Promise<Browser> {
  if (!BROWSER.ok) return Promise.reject(new Error(BROWSER.reason));
  return chromium.launch({
    ...(BROWSER.channel
      ? { channel: BROWSER.channel }
      : { executablePath: BROWSER.executablePath }),
    args: CHROMIUM_ARGS,
    headless: true,
    env: { ...process.env, ...env } as Record<string, string>,
  });
}
