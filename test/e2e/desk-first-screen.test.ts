import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRenderer } from './harness/build';
import { openDesk } from './harness/desk';
import { logIn, pinAlreadySet } from './harness/manager';
import { skipReason, useBrowser } from './harness/suite';

const LAZY =
  /(ManagerScreen|ReviewScreen|AuditScreen|SettingsScreen|ReportsScreen|ImportScreen|HistoryScreen|manager-messages)-/;

/**
 * Issue 12 finding 10: "the cashier's first screen loads every manager screen and its message
 * tables too". The built renderer, in Chromium: what the first screen loads, what comes later,
 * and that opening a manager screen shows no blank flash.
 */
describe.skipIf(skipReason !== null)(
  'finding 10: the first screen loads only what it needs',
  () => {
    const browser = useBrowser();

    it('the entry chunk holds no manager screen, no manager text, no history table', async () => {
      const dir = await buildRenderer();
      const assets = readdirSync(join(dir, 'assets'));
      for (const screen of [
        'ManagerScreen',
        'ReviewScreen',
        'AuditScreen',
        'SettingsScreen',
        'ReportsScreen',
        'ImportScreen',
        'HistoryScreen',
        'manager-messages',
      ]) {
        expect(
          assets.some((name) => name.startsWith(`${screen}-`)),
          screen,
        ).toBe(true);
      }
      const html = readFileSync(join(dir, 'index.html'), 'utf8');
      const entry = /src="\.\/assets\/(index-[^"]+\.js)"/.exec(html)?.[1] ?? '';
      const code = readFileSync(join(dir, 'assets', entry), 'utf8');
      // texts of the manager's screens (renderer/i18n/ko-manager.ts), the virtualizer
      expect(code).not.toContain('감사 기록이 온전합니다');
      expect(code).not.toContain('마감 정산');
      expect(code).not.toContain('getVirtualItems');
      // and the desk's own words are there
      expect(code).toContain('영수증 조회');
    });

    it('no chunk carries zod: the page checks with zod-free rules, the preload validates', async () => {
      // (docs/renderer.md "No zod in the page bundle": one value import of a zod-building
      // contract module brought all of zod, ~28 KB gzipped, into the first screen's chunk)
      const dir = await buildRenderer();
      for (const name of readdirSync(join(dir, 'assets')).filter((n) => n.endsWith('.js'))) {
        const code = readFileSync(join(dir, 'assets', name), 'utf8');
        expect(/\$?ZodError|\$ZodType/.test(code), name).toBe(false);
      }
    });

    it('first screen: the entry only; the rest comes once the desk is idle; no blank flash after', async () => {
      const desk = await openDesk(browser(), { prepare: pinAlreadySet });
      try {
        const { page } = desk;
        const atReady = (await page.evaluate(`(() => {
        const ready = performance.getEntriesByName('search-field-ready')[0].startTime;
        return performance.getEntriesByType('resource')
          .filter((r) => r.name.endsWith('.js') && r.startTime <= ready)
          .map((r) => r.name.split('/').pop());
      })()`)) as string[];
        expect(atReady.filter((name) => LAZY.test(name))).toEqual([]);

        // idle: the lazy screens come ahead of need
        const loadedAhead = `performance.getEntriesByType('resource').some((r) => /manager-messages-/.test(r.name))`;
        const end = Date.now() + 15_000;
        while (!(await page.evaluate(loadedAhead))) {
          if (Date.now() > end) throw new Error('the lazy screens were not loaded ahead');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        // from now on, opening a manager screen never leaves the screen area blank
        await page.evaluate(`(() => {
        window.__blank = 0;
        const main = document.querySelector('main');
        new MutationObserver(() => {
          if (!main.querySelector('h1')) window.__blank += 1;
        }).observe(main, { childList: true, subtree: true });
      })()`);
        await logIn(page);
        await page.getByRole('button', { name: /감사 기록/ }).click();
        await page.getByRole('heading', { level: 1, name: '감사 기록' }).waitFor();
        await page.keyboard.press('Escape');
        await page.keyboard.press('F9');
        await page.getByRole('heading', { level: 1, name: '취소 내역' }).waitFor();
        expect(await page.evaluate('window.__blank')).toBe(0);
        expect(desk.problems).toEqual([]);
      } finally {
        await desk.close();
      }
    });
  },
);
