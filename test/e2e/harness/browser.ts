import { win32 } from 'node:path';

/**
 * Which browser drives the renderer journeys, on any OS (never a downloaded one: DESIGN.md
 * "Testing without the Electron binary"). In order:
 *   1. CHROMIUM_PATH, when set (it must exist: a wrong path is a mistake, not a fallback);
 *   2. Debian's / Ubuntu's chromium;
 *   3. Playwright's `msedge` channel (every Windows POS has Edge), then `chrome`, found where
 *      Playwright's channels look for them.
 * With none, the journeys fail with one line that says how to get one; skipping them takes an
 * explicit E2E=skip (./suite.ts).
 */
export type BrowserChoice =
  | { ok: true; executablePath: string; channel?: undefined; label: string }
  | { ok: true; channel: 'msedge' | 'chrome'; executablePath?: undefined; label: string }
  | { ok: false; reason: string };

export interface BrowserSearch {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
}

const LINUX_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/** Where Playwright's `msedge` and `chrome` channels expect the stable browsers. */
function channelPaths(channel: 'msedge' | 'chrome', search: BrowserSearch): string[] {
  const { env, platform } = search;
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => root !== undefined && root !== '',
    );
    const tail =
      channel === 'msedge'
        ? ['Microsoft', 'Edge', 'Application', 'msedge.exe']
        : ['Google', 'Chrome', 'Application', 'chrome.exe'];
    return roots.map((root) => win32.join(root, ...tail));
  }
  if (platform === 'darwin') {
    return channel === 'msedge'
      ? ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']
      : ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  }
  return channel === 'msedge' ? ['/opt/microsoft/msedge/msedge'] : ['/opt/google/chrome/chrome'];
}

export const NO_BROWSER_ADVICE =
  'no browser for the e2e tests: install Chromium (Debian/Ubuntu: apt-get install chromium), ' +
  'Edge or Chrome, or set CHROMIUM_PATH; to skip them on purpose run with E2E=skip';

export function findBrowser(search: BrowserSearch): BrowserChoice {
  const configured = search.env.CHROMIUM_PATH;
  if (configured !== undefined && configured !== '') {
    return search.exists(configured)
      ? { ok: true, executablePath: configured, label: `CHROMIUM_PATH (${configured})` }
      : { ok: false, reason: `CHROMIUM_PATH is set to ${configured}, which does not exist` };
  }
  if (search.platform === 'linux') {
    const debian = LINUX_CHROMIUM.find((path) => search.exists(path));
    if (debian !== undefined) return { ok: true, executablePath: debian, label: debian };
  }
  for (const channel of ['msedge', 'chrome'] as const) {
    const found = channelPaths(channel, search).find((path) => search.exists(path));
    if (found !== undefined) return { ok: true, channel, label: `${channel} (${found})` };
  }
  return { ok: false, reason: NO_BROWSER_ADVICE };
}
