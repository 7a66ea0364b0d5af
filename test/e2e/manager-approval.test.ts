import { describe, expect, it } from 'vitest';
import { openDesk } from './harness/desk';
import { scan, typeByHand } from './harness/keys';
import { MANAGER_PIN, logIn, pinAlreadySet } from './harness/manager';
import { skipReason, useBrowser } from './harness/suite';

/**
 * Issue 6 journey "over-limit approval": over the cashier's limit the confirmation itself asks
 * for the manager's PIN; a wrong PIN sends nothing to KICC and keeps the same request; the right
 * one sends the cancellation, and the ledger records requester = cashier, approver = manager.
 * In manager mode the manager approves by being at the screen.
 */
describe.skipIf(skipReason !== null)('manager: over-limit approval on the same screen', () => {
  const browser = useBrowser();

  it('cashier confirms, manager types the PIN inline (a wrong one first): one cancellation, both recorded', async () => {
    const desk = await openDesk(browser(), {
      limits: { cashierMaxAmount: 50_000 },
      prepare: pinAlreadySet,
    });
    try {
      const { page, backend, sim } = desk;
      const original = desk.seedReceipt({ trxAmt: 120_000 });
      await scan(page, original.vanTrxNo);
      await page.getByText(`스캔한 번호: ${original.vanTrxNo}`).waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('textbox', { name: '취소 사유' }).waitFor();
      await typeByHand(page, '고객 변심', true);

      const approval = page.getByRole('group', { name: '관리자 승인 필요' });
      await approval.waitFor();
      expect(await approval.innerText()).toContain('계산원 한도 50,000원');
      const pin = approval.getByLabel('관리자 PIN (승인)');
      expect(await pin.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      expect(
        await page.getByRole('button', { name: '관리자 승인하고 취소 실행 (Enter)' }).count(),
      ).toBe(1);
      await desk.shot('26-approval-step');

      // a wrong PIN: refused by main before anything is written or sent
      await typeByHand(page, '1357', true);
      await approval.getByRole('alert').filter({ hasText: '4번 더 틀리면 잠깁니다' }).waitFor();
      expect(sim.ledger.requests().filter((r) => r.endpoint === 'cancel')).toHaveLength(0);
      expect(backend.services.listCancellations({ offset: 0, limit: 10 })).toMatchObject({
        ok: true,
        value: { total: 0 },
      });
      await desk.shot('27-approval-wrong-pin');

      await typeByHand(page, MANAGER_PIN, true);
      await page.getByRole('heading', { level: 1, name: /취소 완료/ }).waitFor();
      await page.getByText('요청: 계산원 · 승인: 관리자').waitFor();
      await desk.shot('28-approved-cancelled');

      // the same confirmation: the retry carried the same clientRequestId
      const sent = desk.bridged.calls
        .filter((c) => c.channel === 'cancellations.request')
        .map((c) => c.payload as { clientRequestId: string; managerPin?: string });
      expect(sent).toHaveLength(2);
      expect(sent[0]?.clientRequestId).toBe(sent[1]?.clientRequestId);
      expect(
        sim.ledger.cancellations().filter((c) => c.cndTrxNo === original.vanTrxNo),
      ).toHaveLength(1);

      // the ledger: requested by the cashier, approved by the manager; the PIN nowhere
      const listed = backend.services.listCancellations({ offset: 0, limit: 10 });
      if (!listed.ok) throw new Error('list failed');
      const id = listed.value.items[0]?.id ?? '';
      const review = backend.storeOps.review.get(id);
      expect(review).toMatchObject({
        ok: true,
        value: { requestedBy: 'cashier', approvedBy: 'manager' },
      });
      const events = backend.storeOps.audit.list({ afterSeq: 0, limit: 1000 }).events;
      expect(events.some((e) => e.kind === 'manager.approved')).toBe(true);
      expect(JSON.stringify(events)).not.toContain(MANAGER_PIN);
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });

  it('in manager mode, over the limit, no PIN asked: approved by manager mode, requested by the till', async () => {
    const desk = await openDesk(browser(), {
      limits: { cashierMaxAmount: 50_000 },
      prepare: pinAlreadySet,
    });
    try {
      const { page, backend } = desk;
      await logIn(page);
      const original = desk.seedReceipt({ trxAmt: 88_000 });
      await page.keyboard.press('F2');
      await scan(page, original.vanTrxNo);
      await page.getByText(`스캔한 번호: ${original.vanTrxNo}`).waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('textbox', { name: '취소 사유' }).waitFor();
      await typeByHand(page, '관리자 직접 취소', true);
      await page.getByText(/관리자 모드: 계산원 한도 50,000원을 넘는 취소/).waitFor();
      expect(await page.getByRole('group', { name: '관리자 승인 필요' }).count()).toBe(0);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: /취소 완료/ }).waitFor();
      // manager mode approves; who is at the till is the till's person (issue 13 finding 5)
      await page.getByText('요청: 계산원 · 승인: 관리자').waitFor();
      const listed = backend.services.listCancellations({ offset: 0, limit: 10 });
      if (!listed.ok) throw new Error('list failed');
      expect(backend.storeOps.review.get(listed.value.items[0]?.id ?? '')).toMatchObject({
        ok: true,
        value: { requestedBy: 'cashier', approvedBy: 'manager' },
      });
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
