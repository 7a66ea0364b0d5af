import { describe, expect, it } from 'vitest';
import { findBrowser, NO_BROWSER_ADVICE, type BrowserSearch } from '../../e2e/harness/browser';

/** test/e2e/harness/browser.ts: which browser the journeys use, on each OS. */
const WIN_ENV = {
  PROGRAMFILES: 'C:\\Program Files',
  'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
  LOCALAPPDATA: 'C:\\Users\\pos\\AppData\\Local',
};
const EDGE_X86 = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
const CHROME_WIN = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';

const search = (
  platform: NodeJS.Platform,
  present: string[],
  env: Record<string, string> = {},
): BrowserSearch => ({
  platform,
  env,
  exists: (path) => present.includes(path),
});

describe('findBrowser', () => {
  it.each<[string, BrowserSearch, ReturnType<typeof findBrowser>]>([
    [
      'CHROMIUM_PATH comes first',
      search('linux', ['/opt/mine/chrome', '/usr/bin/chromium'], {
        CHROMIUM_PATH: '/opt/mine/chrome',
      }),
      { ok: true, executablePath: '/opt/mine/chrome', label: 'CHROMIUM_PATH (/opt/mine/chrome)' },
    ],
    [
      'a CHROMIUM_PATH that does not exist is a mistake, not a fallback',
      search('linux', ['/usr/bin/chromium'], { CHROMIUM_PATH: '/nope' }),
      { ok: false, reason: 'CHROMIUM_PATH is set to /nope, which does not exist' },
    ],
    [
      "Debian's chromium",
      search('linux', ['/usr/bin/chromium', '/opt/google/chrome/chrome']),
      { ok: true, executablePath: '/usr/bin/chromium', label: '/usr/bin/chromium' },
    ],
    [
      "Ubuntu's chromium-browser",
      search('linux', ['/usr/bin/chromium-browser']),
      { ok: true, executablePath: '/usr/bin/chromium-browser', label: '/usr/bin/chromium-browser' },
    ],
    [
      'Chrome on Linux when there is no Chromium',
      search('linux', ['/opt/google/chrome/chrome']),
      { ok: true, channel: 'chrome', label: 'chrome (/opt/google/chrome/chrome)' },
    ],
    [
      'Edge on a Windows POS, before Chrome',
      search('win32', [EDGE_X86, CHROME_WIN], WIN_ENV),
      {
        ok: true,
        channel: 'msedge',
        label: expect.stringContaining('msedge') as unknown as string,
      },
    ],
    [
      'Chrome on Windows without Edge',
      search('win32', [CHROME_WIN], WIN_ENV),
      {
        ok: true,
        channel: 'chrome',
        label: expect.stringContaining('chrome.exe') as unknown as string,
      },
    ],
    [
      'Windows never looks at Linux paths',
      search('win32', ['/usr/bin/chromium'], WIN_ENV),
      { ok: false, reason: NO_BROWSER_ADVICE },
    ],
    [
      'Edge on a Mac',
      search('darwin', ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']),
      {
        ok: true,
        channel: 'msedge',
        label: expect.stringContaining('Microsoft Edge') as unknown as string,
      },
    ],
    ['nothing at all', search('linux', []), { ok: false, reason: NO_BROWSER_ADVICE }],
  ])('%s', (_name, given, expected) => {
    expect(findBrowser(given)).toEqual(expected);
  });

  it('the advice says how to get a browser and how to skip on purpose', () => {
    expect(NO_BROWSER_ADVICE).toMatch(/apt-get install chromium/);
    expect(NO_BROWSER_ADVICE).toMatch(/E2E=skip/);
  });
});
