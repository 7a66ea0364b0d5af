import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cancellation, Report } from '../../../shared/contract';
import { kstDateTime } from '../../../shared/kicc/time';
import { MANAGER_PIN } from '../../shell/fixtures/manager-fixtures';
import { cancelRequestFor, createWorld } from './world';
import type { StoreOpsWorld } from './world';

/**
 * Issue 13 finding 5, as the issue tells it: the approval event names what it approved and is
 * written once, with the cancellation (a duplicate and an edited request used to leave three
 * approvals for one); cashiers are named; a cashier's request made while manager mode is open is
 * the cashier's, not the manager's.
 */
const LIMIT = 50_000;
let w: StoreOpsWorld;
beforeAll(async () => {
  w = await createWorld({ cashierMaxAmount: LIMIT });
  await w.stack.becomeManager();
  await w.stack.call('manager.logout', {});
});
afterAll(() => w.close());

const approvals = () => w.services.ledger.audit.list({ kind: 'manager.approved', limit: 10_000 });

describe('an approval is tied to what it approved (issue 13 finding 5)', () => {
  it('a PIN approval, a double Enter and an edited request: one approval event, with the cancellation', async () => {
    const receipt = await w.receipt({ trxAmt: 58_000 });
    const request = cancelRequestFor(receipt, { managerPin: MANAGER_PIN });
    const first = await w.stack.call('cancellations.request', request);
    expect(first).toMatchObject({ ok: true, value: { approvedBy: 'manager' } });
    const id = Number((first as { value: Cancellation }).value.id);
    // the same screen again (double Enter), and the cashier's edited request for the same receipt
    expect(await w.stack.call('cancellations.request', request)).toMatchObject({ ok: true });
    expect(
      await w.stack.call('cancellations.request', {
        ...cancelRequestFor(receipt, { managerPin: MANAGER_PIN }),
        reason: '고객 요청 (수정)',
      }),
    ).toMatchObject({ ok: false, error: { code: 'duplicate' } });

    const events = approvals();
    expect(events).toHaveLength(1);
    const [approval] = w.services.ledger.audit
      .forCancellation(id)
      .filter((e) => e.kind === 'manager.approved');
    expect(approval).toMatchObject({
      actor: 'manager',
      cancellationId: id,
      receiptId: Number(receipt.id),
      detail: {
        approvedBy: 'manager',
        via: 'pin',
        requestedBy: 'cashier',
        trxAmt: 58_000,
        orgAprvNo: receipt.aprvNo,
      },
    });
    // written in the cancellation's own transaction: right after its request, at the same instant
    const all = w.services.ledger.audit.forCancellation(id);
    const requested = all.find((e) => e.kind === 'cancellation.requested');
    expect(approval?.id).toBe((requested?.id ?? 0) + 1);
    expect(approval?.at).toBe(requested?.at);
  });

  it('a wrong PIN approves nothing', async () => {
    const before = approvals().length;
    const receipt = await w.receipt({ trxAmt: 61_000 });
    expect(
      await w.stack.call(
        'cancellations.request',
        cancelRequestFor(receipt, { managerPin: '5937' }),
      ),
    ).toMatchObject({ ok: false, error: { code: 'wrong-pin' } });
    expect(approvals()).toHaveLength(before);
  });

  it('manager mode under the limit: nothing needed approving, nothing is recorded as approved', async () => {
    const before = approvals().length;
    await w.stack.becomeManager();
    const answer = await w.stack.call(
      'cancellations.request',
      cancelRequestFor(await w.receipt({ trxAmt: 12_000 })),
    );
    expect(answer).toMatchObject({ ok: true, value: { approvedBy: null } });
    expect(approvals()).toHaveLength(before);
    await w.stack.call('manager.logout', {});
  });
});

describe('cashiers are named, and never recorded as the manager', () => {
  beforeAll(async () => {
    await w.stack.becomeManager();
    expect(
      await w.stack.call('settings.update', {
        cashiers: [
          { no: '07', name: '김민지' },
          { no: '12', name: '이준호' },
        ],
      }),
    ).toMatchObject({ ok: true });
    await w.stack.call('manager.logout', {});
  });

  it('a cashier types her number: the ledger names her', async () => {
    const answer = await w.stack.call(
      'cancellations.request',
      cancelRequestFor(await w.receipt({ trxAmt: 9_000 }), { cashierNo: '07' }),
    );
    expect(answer).toMatchObject({
      ok: true,
      value: { requestedBy: '김민지 (07)', approvedBy: null },
    });
  });

  it('while manager mode is open, a cashier’s request is the cashier’s; the approval is manager mode’s', async () => {
    await w.stack.becomeManager();
    const answer = await w.stack.call(
      'cancellations.request',
      cancelRequestFor(await w.receipt({ trxAmt: 77_000 }), { cashierNo: '12' }),
    );
    expect(answer).toMatchObject({
      ok: true,
      value: { requestedBy: '이준호 (12)', approvedBy: 'manager' },
    });
    const id = Number((answer as { value: Cancellation }).value.id);
    const approval = w.services.ledger.audit
      .forCancellation(id)
      .find((e) => e.kind === 'manager.approved');
    expect(approval?.detail).toMatchObject({ via: 'manager-mode', requestedBy: '이준호 (12)' });
    await w.stack.call('manager.logout', {});
  });

  it('no number, or a number nobody has: refused, nothing written', async () => {
    const receipt = await w.receipt({ trxAmt: 8_000 });
    const rows = w.services.ledger.cancellations.count({});
    expect(await w.stack.call('cancellations.request', cancelRequestFor(receipt))).toMatchObject({
      ok: false,
      error: { code: 'cashier-needed' },
    });
    expect(
      await w.stack.call('cancellations.request', cancelRequestFor(receipt, { cashierNo: '99' })),
    ).toMatchObject({ ok: false, error: { code: 'cashier-unknown' } });
    expect(w.services.ledger.cancellations.count({})).toBe(rows);
  });

  it('the report counts each cashier by name', async () => {
    await w.stack.becomeManager();
    const day = await w.stack.call('reports.day', { date: kstDateTime(Date.now()).date });
    const keys = (day as { value: Report }).value.byCashier.map((row) => row.key);
    expect(keys).toEqual(expect.arrayContaining(['김민지 (07)', '이준호 (12)', 'cashier']));
    expect(keys).not.toContain('manager');
  });
});
