import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cancellation, Receipt } from '../../../shared/contract';
import { kstDateTime } from '../../../shared/kicc/time';
import { DEFAULT_SETTINGS } from '../../../electron/settings/schema';
import { MANAGER_PIN } from '../../shell/fixtures/manager-fixtures';
import { createRealStack } from '../../shell/fixtures/real-stack';
import type { RealStack } from '../../shell/fixtures/real-stack';

/**
 * Issue 6 "Approval": a cancellation over the cashier's limit waits for the manager's PIN on the
 * same screen; the ledger records requester and approver. The real engine in training mode,
 * the embedded simulator, through the app's own IPC dispatch.
 */
const LIMIT = 50_000;
let stack: RealStack;
beforeAll(async () => {
  stack = await createRealStack({
    ...DEFAULT_SETTINGS,
    limits: { ...DEFAULT_SETTINGS.limits, cashierMaxAmount: LIMIT },
  });
  await stack.becomeManager(); // first-run setup
  await stack.call('manager.logout', {});
});
afterAll(() => stack.close());

const today = kstDateTime(Date.now()).date;
// the training samples were approved over the last weeks (electron/kicc/simulator/samples.ts)
const weeksAgo = kstDateTime(Date.now() - 40 * 86_400_000).date;

async function sample(amount: number): Promise<Receipt> {
  const found = await stack.call('receipts.lookup', {
    by: 'amount',
    from: weeksAgo,
    to: today,
    amount,
  });
  if (!found.ok) throw new Error(found.error.code);
  const receipt = (found.value as { receipts: Receipt[] }).receipts[0];
  if (!receipt) throw new Error(`no sample of ${amount}`);
  return receipt;
}

const requestFor = (receipt: Receipt) => ({
  clientRequestId: randomUUID(),
  receiptId: receipt.id,
  trxAmt: receipt.trxAmt,
  vatAmt: receipt.vatAmt,
  svcAmt: receipt.svcAmt,
  reason: '고객 변심',
});

const ledgerRow = (id: string) => stack.engine.services.ledger.cancellations.get(Number(id));

describe('over-limit approval on the cashier’s screen', () => {
  it('without a PIN: needs-manager, and nothing is written or sent', async () => {
    const receipt = await sample(58_000);
    const before = stack.ledgerRows();
    const answer = await stack.call('cancellations.request', requestFor(receipt));
    expect(answer).toMatchObject({ ok: false, error: { code: 'needs-manager' } });
    expect(stack.ledgerRows()).toBe(before);
  });

  it('a wrong PIN: refused with the tries left, nothing sent, the failure is in the audit log', async () => {
    const receipt = await sample(58_000);
    const request = { ...requestFor(receipt), managerPin: '5937' };
    const answer = await stack.call('cancellations.request', request);
    expect(answer).toMatchObject({ ok: false, error: { code: 'wrong-pin' } });
    expect(
      stack.engine.services.ledger.cancellations.liveForReceipt(Number(receipt.id)),
    ).toBeNull();
    // PIN events are the install's: the live log (issue 11), even in training
    const failed = stack.engine.installLedger.audit.list({ kind: 'manager.approval_failed' });
    expect(failed).toHaveLength(1);
  });

  it('the manager’s PIN: cancelled, requested by the cashier, approved by the manager', async () => {
    const receipt = await sample(58_000);
    const request = requestFor(receipt);
    const answer = await stack.call('cancellations.request', {
      ...request,
      managerPin: MANAGER_PIN,
    });
    // the page is told too, through the contract (the outcome screen shows both)
    expect(answer).toMatchObject({
      ok: true,
      value: { requestedBy: 'cashier', approvedBy: 'manager' },
    });
    const c = (answer as { value: Cancellation }).value;
    await stack.engine.services.drain();
    expect(ledgerRow(c.id)).toMatchObject({
      state: 'cancelled',
      requestedBy: 'cashier',
      approvedBy: 'manager',
    });
    // the same screen's request again (a double Enter) answers the same cancellation
    const again = await stack.call('cancellations.request', {
      ...request,
      managerPin: MANAGER_PIN,
    });
    expect(again).toMatchObject({ ok: true, value: { id: c.id } });
    // the audit log: the approval, once, and the request that carries requester and approver
    const audit = stack.engine.services.ledger.audit;
    expect(
      audit.forCancellation(Number(c.id)).filter((e) => e.kind === 'manager.approved'),
    ).toHaveLength(1);
    const requested = audit
      .forCancellation(Number(c.id))
      .find((e) => e.kind === 'cancellation.requested');
    expect(requested).toMatchObject({ actor: 'cashier', detail: { approvedBy: 'manager' } });
    // manager mode was not started by the approval
    expect(await stack.call('manager.status', {})).toMatchObject({
      ok: true,
      value: { role: 'cashier' },
    });
  });

  it('in manager mode, over the limit: approved by manager mode; the requester is the till’s', async () => {
    const receipt = await sample(129_000);
    await stack.becomeManager();
    const answer = await stack.call('cancellations.request', requestFor(receipt));
    expect(answer).toMatchObject({ ok: true });
    await stack.engine.services.drain();
    expect(ledgerRow((answer as { value: Cancellation }).value.id)).toMatchObject({
      state: 'cancelled',
      // a one-person store: "계산원"; manager mode never makes a request the manager's
      requestedBy: 'cashier',
      approvedBy: 'manager',
    });
    await stack.call('manager.logout', {});
  });

  it('under the limit, the cashier needs nobody', async () => {
    const receipt = await sample(12_000);
    const answer = await stack.call('cancellations.request', requestFor(receipt));
    expect(answer).toMatchObject({ ok: true });
    expect(ledgerRow((answer as { value: Cancellation }).value.id)).toMatchObject({
      requestedBy: 'cashier',
      approvedBy: null,
    });
  });

  it('the whole journey leaves an intact audit chain', async () => {
    await stack.engine.services.drain();
    await stack.becomeManager();
    expect(await stack.call('audit.verify', {})).toMatchObject({
      ok: true,
      value: { intact: true, problem: null },
    });
  });
});
