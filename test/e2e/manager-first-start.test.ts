import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFirstStart } from './harness/desk';
import { scan, typeByHand } from './harness/keys';
import { MANAGER_PIN, openTask } from './harness/manager';
import { skipReason, useBrowser } from './harness/suite';

/**
 * Issue 6 journey "training-mode first start with no configuration": a fresh install (default
 * settings, no credentials, no manager PIN) starts in training mode with the embedded simulator
 * and its sample receipts, says so on every screen, lets a new user cancel a sample receipt at
 * once, set the manager PIN, and find the settings that would take the store live, checked as
 * typed with KICC's rules. Training data stays in its own ledger.
 */
describe.skipIf(skipReason !== null)('first start: training mode with nothing configured', () => {
  const browser = useBrowser();

  it('banner with the reason, a sample receipt cancelled, PIN set, settings explained', async () => {
    const desk = await openFirstStart(browser());
    try {
      const { page, sim, backend } = desk;
      const banner = page.getByRole('note').filter({ hasText: '교육 모드' });
      expect(await banner.innerText()).toContain('KICC 인증 정보가 아직 입력되지 않았습니다');
      const bar = page.getByRole('banner', { name: '상태' });
      await bar.getByRole('button', { name: '관리자 PIN 설정 (F10)' }).waitFor();
      await desk.shot('40-first-start');

      // a sample receipt, as the training guide lists them: cancel it right away
      const sample = sim.samples.find(
        (s) => s.expect === 'cancellable' && s.original.trxAmt < 300_000,
      );
      if (!sample) throw new Error('no cancellable sample');
      await scan(page, sample.original.vanTrxNo);
      await page.getByText(`스캔한 번호: ${sample.original.vanTrxNo}`).waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('textbox', { name: '취소 사유' }).waitFor();
      await typeByHand(page, '교육', true);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: /취소 완료/ }).waitFor();
      expect(await banner.count()).toBe(1); // the banner stays, whatever the screen

      // first run of the manager PIN
      await page.keyboard.press('F10');
      const setup = page.getByRole('dialog', { name: '관리자 PIN 설정 (처음 한 번)' });
      await setup.waitFor();
      await typeByHand(page, MANAGER_PIN);
      await page.keyboard.press('Tab');
      await typeByHand(page, MANAGER_PIN, true);
      // the one-time recovery code (issue 11): shown once, dismissed only on purpose
      const recovery = page.getByRole('dialog', { name: '복구 코드 — 지금 한 번만 보여 드립니다' });
      await recovery.waitFor();
      const code = await recovery.locator('[data-recovery-code]').innerText();
      expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
      await desk.shot('42-recovery-code');
      await recovery.getByRole('button', { name: '적어 두었습니다' }).click();
      await recovery.waitFor({ state: 'detached' });
      expect(await page.content()).not.toContain(code);
      await page.getByRole('heading', { level: 1, name: '관리자 메뉴' }).waitFor();
      expect(await banner.count()).toBe(1);

      await openTask(page, /^설정/, '설정');
      const form = page.locator('form.settings-form');
      expect(await form.getByRole('textbox', { name: '단말기 번호' }).inputValue()).toBe('');
      await page.locator('.mode-panel dd[data-mode="training"]').first().waitFor();
      expect(await page.locator('.mode-panel').innerText()).toContain(
        '실제 모드로 시작할 수 없습니다',
      );
      await page.getByText('저장되어 있지 않음 — 교육 모드로만 동작합니다').waitFor();

      // the business number, checked as typed with KICC's rule
      const bizrNo = form.getByRole('textbox', { name: '사업자등록번호' });
      await bizrNo.fill('123-45');
      await form
        .getByText(/사업자등록번호는/)
        .first()
        .waitFor();
      expect(await bizrNo.getAttribute('aria-invalid')).toBe('true');
      expect(await form.getByRole('button', { name: '설정 저장 (Enter)' }).isDisabled()).toBe(true);
      await bizrNo.fill('123-45-67890');
      expect(await bizrNo.getAttribute('aria-invalid')).toBe('false');

      // "test connection" with nothing configured: said plainly
      await page.getByRole('button', { name: '연결 시험' }).click();
      await page.locator('.connection-result[data-result="not-configured"]').waitFor();
      await desk.shot('41-settings');

      // credentials are write-only: typed once, never shown again
      const secret = 'S3cr3t-KEY-for-e2e';
      await page.getByRole('textbox', { name: '채널 아이디' }).fill('CH-E2E-0001');
      await page.getByLabel('시크릿 키').fill(secret);
      await page.getByRole('button', { name: '인증 정보 저장' }).click();
      await page.getByText(/저장되어 있음/).waitFor();
      expect(await page.getByRole('textbox', { name: '채널 아이디' }).inputValue()).toBe('');
      expect(await page.getByLabel('시크릿 키').inputValue()).toBe('');
      expect(await page.content()).not.toContain(secret);
      expect(backend.credentials.status().set).toBe(true);

      // the settings save only what changed
      await form.getByRole('button', { name: '설정 저장 (Enter)' }).click();
      await page.getByText(/저장했습니다 \(/).waitFor();
      expect(backend.settings.businessNumber).toBe('1234567890');
      expect(backend.settings.terminalId).toBe('');

      // training data lives apart, and never in the live ledger, which holds only the
      // install-wide audit (issue 11: PIN, settings, credentials, mode)
      expect(existsSync(join(backend.dataDir, 'training', 'ledger.sqlite'))).toBe(true);
      const live = backend.installLedger;
      expect(live.db.name).toBe(join(backend.dataDir, 'live', 'ledger.sqlite'));
      expect(live.db.prepare('SELECT count(*) AS n FROM receipts').get()).toEqual({ n: 0 });
      expect(live.db.prepare('SELECT count(*) AS n FROM cancellations').get()).toEqual({ n: 0 });
      expect(live.audit.list({ kind: 'manager.pin_set' })).toHaveLength(1);
      expect(live.audit.list({ kind: 'credentials.set' })).toHaveLength(1);
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
