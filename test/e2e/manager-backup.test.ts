import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreBackup } from '../../electron/counter/restore';
import { openLedger } from '../../electron/ledger/ledger';
import { cancelAsCashier } from './harness/cashier';
import { openDesk } from './harness/desk';
import { logIn, openTask, pinAlreadySet } from './harness/manager';
import { skipReason, useBrowser } from './harness/suite';

/**
 * Issue 12 journey "backup at close restored into a fresh data folder" (finding 9): the manager
 * chooses a backup folder (main's folder dialog, answered by the journey), prints the end-of-day
 * summary (the close), the desk says the backup is done, and the file restores into a data folder
 * that had nothing: the ledger opens there with the day's cancellations and an intact audit log.
 */
describe.skipIf(skipReason !== null)('manager: the backup at the day’s close', () => {
  const browser = useBrowser();

  it('folder chosen, end of day printed, backed up and verified; restored elsewhere, it is all there', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kicc-backup-usb-'));
    const fresh = mkdtempSync(join(tmpdir(), 'kicc-restored-'));
    const desk = await openDesk(browser(), { prepare: pinAlreadySet });
    try {
      const { page, backend } = desk;
      const done = await cancelAsCashier(backend, desk.seedReceipt({ trxAmt: 44_000 }));
      await logIn(page);
      await openTask(page, /^설정/, '설정');
      backend.dialogs.backupFolder = folder;
      const panel = page.getByRole('region', { name: '백업' });
      await panel.getByRole('button', { name: '폴더 선택…' }).click();
      await panel.getByText(folder).waitFor();
      expect(backend.settings.backupFolder).toBe(folder);
      await page.keyboard.press('Escape');

      await openTask(page, /보고서/, '보고서 · 마감 정산');
      await page.getByRole('button', { name: '마감 정산 보기·인쇄' }).click();
      const summary = page.getByRole('dialog', { name: '마감 정산' });
      await summary.locator('.slip').waitFor();
      await summary.getByRole('button', { name: '인쇄 (Ctrl+P)' }).click();
      await summary.getByText('인쇄했습니다 (프린터: 기본 프린터).').waitFor();
      await page.keyboard.press('Escape');
      const notice = page.locator('[data-backup="done"]');
      await notice.waitFor({ timeout: 30_000 });
      await desk.shot('55-backup-done');
      const files = readdirSync(folder);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^kicc-desk-training-\d{8}-\d{6}\.sqlite$/);
      expect(await notice.innerText()).toContain(files[0]);

      // restored into a data folder that had nothing
      const restored = restoreBackup({
        backupFile: join(folder, files[0] ?? ''),
        dataDir: fresh,
        mode: 'training',
        now: Date.now(),
      });
      expect(restored).toMatchObject({ ok: true, keptAside: null });
      const ledger = openLedger(join(fresh, 'training', 'ledger.sqlite'));
      try {
        expect(ledger.cancellations.get(Number(done.id))).toMatchObject({ state: 'cancelled' });
        expect(ledger.audit.verify()).toMatchObject({ ok: true });
        const kinds = ledger.audit.list({ limit: 10_000 }).map((e) => e.kind);
        expect(kinds).toContain('report.end_of_day_printed');
      } finally {
        ledger.close();
      }
      // and the close's backup is itself in the desk's audit log
      const audit = backend.storeOps.audit.list({ afterSeq: 0, limit: 1000 });
      expect(audit.events.some((e) => e.kind === 'backup.made')).toBe(true);
      expect(existsSync(join(folder, `${files[0]}.partial`))).toBe(false);
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
      rmSync(folder, { recursive: true, force: true });
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
