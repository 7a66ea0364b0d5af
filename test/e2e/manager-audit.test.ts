import { describe, expect, it } from 'vitest';
import { cancelAsCashier } from './harness/cashier';
import { openDesk } from './harness/desk';
import { logIn, openTask, pinAlreadySet } from './harness/manager';
import { skipReason, useBrowser } from './harness/suite';

/**
 * Issue 6 journey "audit verify": the manager checks the hash-chained audit log from the screen
 * and is told in plain words that it holds (how many events, the head to write down) and, once
 * someone has edited an event behind the app's back, exactly which event breaks the chain.
 */
describe.skipIf(skipReason !== null)('manager: audit log and its check', () => {
  const browser = useBrowser();

  it('verify says "intact" with count and head; after an edit in the database, where it breaks', async () => {
    const desk = await openDesk(browser(), { prepare: pinAlreadySet });
    try {
      const { page, backend } = desk;
      await cancelAsCashier(backend, desk.seedReceipt({ trxAmt: 15_000 }));
      await logIn(page);
      await openTask(page, /감사 기록/, '감사 기록');
      // what happened, in words (issue 12 finding 7), not the recorded code
      await page.getByRole('cell', { name: '취소 요청' }).waitFor();
      await page.getByRole('cell', { name: '관리자 로그인' }).first().waitFor();

      // a checkpoint that cannot be one is pointed out, and nothing is asked of main
      await page.getByRole('textbox', { name: '해시 (선택, 64자리)' }).fill('abc');
      await page.getByText('해시는 마감 정산 용지에 인쇄된 64자리를 그대로 입력하세요').waitFor();
      await page.getByRole('textbox', { name: '해시 (선택, 64자리)' }).fill('');

      await page.getByRole('button', { name: '검증 (Enter)' }).click();
      const intact = page.locator('.verify-result[data-intact="true"]');
      await intact.waitFor();
      const head = backend.storeOps.audit.list({ afterSeq: 0, limit: 1 }).head;
      expect(head).not.toBeNull();
      expect(await intact.innerText()).toContain('감사 기록이 온전합니다');
      expect(await intact.innerText()).toMatch(/기록 \d+건 모두 연결이 맞습니다/);
      await desk.shot('32-audit-intact');

      // someone with the database file drops the guard and rewrites event #3
      const db = backend.services.ledger.db;
      db.exec('DROP TRIGGER audit_events_no_update');
      db.prepare('UPDATE audit_events SET details = ? WHERE seq = 3').run('{"edited":true}');

      await page.getByRole('button', { name: '검증 (Enter)' }).click();
      const broken = page.locator('.verify-result[data-intact="false"]');
      await broken.waitFor();
      expect(await broken.innerText()).toContain('감사 기록이 변조되었습니다');
      expect(await broken.innerText()).toContain(
        '3번 기록에서 사슬이 끊어졌습니다: 기록 내용이 바뀌었습니다',
      );
      await desk.shot('33-audit-broken');
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
