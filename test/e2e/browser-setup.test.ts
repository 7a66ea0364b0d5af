import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER, launchChromium } from './harness/chromium';
import { drawsKorean } from './harness/korean-font';
import { skipReason } from './harness/suite';

/**
 * What every journey stands on: a browser was found (./harness/browser.ts) and it draws Korean.
 * The font check is itself checked both ways: with the machine's fonts, and in a browser whose
 * fontconfig sees no font at all (what a fresh machine without fonts-noto-cjk looks like).
 */
describe.skipIf(skipReason !== null)('the e2e browser', () => {
  it('is found, without a download', () => {
    expect(BROWSER.ok ? BROWSER.label : BROWSER.reason).toBeTruthy();
    expect(BROWSER).toMatchObject({ ok: true });
  });

  it('draws Korean with the fonts installed', async () => {
    const browser = await launchChromium();
    try {
      expect(await drawsKorean(browser)).toBe(true);
    } finally {
      await browser.close();
    }
  });

  it.runIf(process.platform === 'linux')('is told apart from one with no Korean font', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-fonts-'));
    const conf = join(dir, 'fonts.conf');
    writeFileSync(
      conf,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>${dir}</dir><cachedir>${dir}</cachedir></fontconfig>`,
    );
    const browser = await launchChromium({ FONTCONFIG_FILE: conf });
    try {
      expect(await drawsKorean(browser)).toBe(false);
    } finally {
      await browser.close();
    }
  });
});
