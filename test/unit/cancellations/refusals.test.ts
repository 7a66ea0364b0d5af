import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workflowHarness, type WorkflowHarness } from './harness';

/** Refused before any call, and nothing written (DESIGN.md; issue 3 "Refuses, before any call"). */
let h: WorkflowHarness;
beforeEach(() => {
  h = workflowHarness();
});
afterEach(() => h.remove());

const rows = () =>
  h.ledger.db
    .prepare<[], { c: number; a: number }>(
      'SELECT (SELECT count(*) FROM cancellations) AS c, (SELECT count(*) FROM attempts) AS a',
    )
    .get();

describe('refusals before any call', () => {
  it('refuses a receipt that does not exist', async () => {
    const result = await h.workflow.request(h.input(999));
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(h.kicc.calls).toEqual([]);
    expect(rows()).toEqual({ c: 0, a: 0 });
  });

  it.each(['queued', 'in_doubt', 'cancelled', 'needs_review'] as const)(
    'refuses a second cancellation while the first is %s',
    async (state) => {
      const r = h.receipt();
      const cls = {
        queued: 'not-sent',
        in_doubt: 'in-doubt',
        cancelled: 'ok',
        needs_review: 'landed',
      } as const;
      h.kicc.script('cancel', [cls[state]]);
      const first = await h.workflow.request(h.input(r.id));
      expect(first.ok && first.value.state).toBe(state);
      const second = await h.workflow.request(h.input(r.id));
      expect(second).toMatchObject({
        ok: false,
        error: { code: 'duplicate', state, cancellationId: String(first.ok && first.value.id) },
      });
      expect(h.kicc.calls).toHaveLength(1);
    },
  );

  it('allows a new cancellation once the earlier one was rejected', async () => {
    const r = h.receipt();
    h.kicc.script('cancel', ['rejected']);
    await h.workflow.request(h.input(r.id));
    const again = await h.workflow.request(h.input(r.id));
    expect(again.ok && again.value.state).toBe('cancelled');
  });

  it('two requests at once (a double click) make one cancellation and one call', async () => {
    const r = h.receipt();
    h.kicc.hold();
    const both = [h.workflow.request(h.input(r.id)), h.workflow.request(h.input(r.id))];
    h.kicc.release();
    const [a, b] = await Promise.all(both);
    expect(a?.ok).toBe(true);
    expect(b).toMatchObject({ ok: false, error: { code: 'duplicate', state: 'sending' } });
    expect(h.kicc.calls).toHaveLength(1);
    expect(rows()).toEqual({ c: 1, a: 1 });
  });

  it('the same clientRequestId twice answers with the same cancellation, one call', async () => {
    const r = h.receipt();
    const id = '7d1f7c1e-8a51-4d0e-9a55-3f1b2a8d9c10';
    h.kicc.hold();
    const first = h.workflow.request(h.input(r.id, { clientRequestId: id }));
    const second = await h.workflow.request(h.input(r.id, { clientRequestId: id }));
    h.kicc.release();
    const done = await first;
    expect(second.ok && second.value.id).toBe(done.ok && done.value.id);
    expect(h.kicc.calls).toHaveLength(1);
    const other = h.receipt();
    expect(await h.workflow.request(h.input(other.id, { clientRequestId: id }))).toMatchObject({
      ok: false,
      error: { code: 'request-id-reused' },
    });
  });

  it.each([
    ['the amount', { trxAmt: -1, vatAmt: 0, svcAmt: 0 }],
    ['the VAT alone', { trxAmt: 0, vatAmt: 1, svcAmt: 0 }],
    ['the service charge alone', { trxAmt: 0, vatAmt: 0, svcAmt: 1 }],
  ])(
    'refuses confirmed amounts that are not the original: %s differs (full cancellation only)',
    async (_what, delta) => {
      const r = h.receipt({ trxAmt: 11_000, vatAmt: 909, svcAmt: 1000 });
      const result = await h.workflow.request(
        h.input(r.id, {
          confirmedAmounts: {
            trxAmt: r.trxAmt + delta.trxAmt,
            vatAmt: r.vatAmt + delta.vatAmt,
            svcAmt: r.svcAmt + delta.svcAmt,
          },
        }),
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'amounts-differ' } });
      expect(h.kicc.calls).toEqual([]);
      expect(rows()).toEqual({ c: 0, a: 0 });
    },
  );

  it("accepts confirmed amounts that are exactly the original's", async () => {
    const r = h.receipt({ trxAmt: 11_000, vatAmt: 909, svcAmt: 1000 });
    const result = await h.workflow.request(
      h.input(r.id, { confirmedAmounts: { trxAmt: 11_000, vatAmt: 909, svcAmt: 1000 } }),
    );
    expect(result.ok && result.value.state).toBe('cancelled');
  });

  it('an amount exactly at the cashier limit needs no manager; one won more does', async () => {
    const atLimit = h.receipt({ trxAmt: 1_000_000, vatAmt: 0 });
    const done = await h.workflow.request(h.input(atLimit.id));
    expect(done.ok && done.value).toMatchObject({ state: 'cancelled', approvedBy: null });
    const over = h.receipt({ trxAmt: 1_000_001, vatAmt: 0 });
    expect(await h.workflow.request(h.input(over.id))).toMatchObject({
      ok: false,
      error: { code: 'needs-manager' },
    });
    expect(h.kicc.calls).toHaveLength(1);
  });

  it('refuses above the cashier limit unless a manager approved, and records the approver', async () => {
    const r = h.receipt({ trxAmt: 1_000_001, vatAmt: 0 });
    expect(await h.workflow.request(h.input(r.id))).toMatchObject({
      ok: false,
      error: { code: 'needs-manager' },
    });
    expect(rows()).toEqual({ c: 0, a: 0 });
    const approved = await h.workflow.request(h.input(r.id, { approvedBy: 'manager-7' }));
    expect(approved.ok && approved.value).toMatchObject({
      approvedBy: 'manager-7',
      requestedBy: 'cashier-1',
    });
  });

  it('refuses, with the field errors of the shared rules, a request KICC would refuse', async () => {
    const r = h.receipt({ alotMonth: '1' }); // installment must be two digits
    const result = await h.workflow.request(h.input(r.id));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.fields?.map((f) => [f.field, f.rule])).toEqual([
      ['alotMonth', 'alotMonth'],
    ]);
    expect(result.error.fields?.[0]?.message.ko).toBeTruthy();
    expect(h.kicc.calls).toEqual([]);
    expect(rows()).toEqual({ c: 0, a: 0 });
  });
});

describe('exposure limits (3 items, 50,000 won in this harness)', () => {
  async function unresolved(amount: number) {
    const r = h.receipt({ trxAmt: amount, vatAmt: 0 });
    h.kicc.script('cancel', ['not-sent']);
    const result = await h.workflow.request(h.input(r.id));
    expect(result.ok && result.value.state).toBe('queued');
  }

  it('refuses past the count while offline, with a reason in both languages', async () => {
    for (let i = 0; i < 3; i += 1) await unresolved(1000);
    h.setDegraded(true);
    const r = h.receipt({ trxAmt: 1000, vatAmt: 0 });
    const result = await h.workflow.request(h.input(r.id));
    expect(result).toMatchObject({ ok: false, error: { code: 'exposure-limit' } });
    if (!result.ok) {
      expect(result.error.message.ko).toContain('3건');
      expect(result.error.message.en).toContain('limit is 3');
    }
  });

  it('refuses past the total while offline, counting the new amount', async () => {
    await unresolved(30_000);
    h.setDegraded(true);
    const over = h.receipt({ trxAmt: 20_001, vatAmt: 0 });
    expect(await h.workflow.request(h.input(over.id))).toMatchObject({
      ok: false,
      error: { code: 'exposure-limit' },
    });
    const under = h.receipt({ trxAmt: 20_000, vatAmt: 0 });
    expect((await h.workflow.request(h.input(under.id))).ok).toBe(true);
  });

  it('counts cancellations still in flight: requests in a row while KICC does not answer', async () => {
    h.setDegraded(true);
    h.kicc.hold(); // each request stays 'sending' until released
    const sent = [0, 1, 2].map(() =>
      h.workflow.request(h.input(h.receipt({ trxAmt: 1000, vatAmt: 0 }).id)),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.kicc.pending()).toBe(3);
    const fourth = h.workflow.request(h.input(h.receipt({ trxAmt: 1000, vatAmt: 0 }).id));
    h.kicc.release();
    await Promise.all(sent);
    expect(await fourth).toMatchObject({ ok: false, error: { code: 'exposure-limit' } });
  });

  it('counts cancellations waiting for a manager (needs_review): unresolved money', async () => {
    for (let i = 0; i < 3; i += 1) {
      h.kicc.script('cancel', ['landed']); // reqCancel never answers S007: a person must look
      const r = h.receipt({ trxAmt: 1000, vatAmt: 0 });
      const result = await h.workflow.request(h.input(r.id));
      expect(result.ok && result.value.state).toBe('needs_review');
    }
    h.setDegraded(true);
    const r = h.receipt({ trxAmt: 1000, vatAmt: 0 });
    expect(await h.workflow.request(h.input(r.id))).toMatchObject({
      ok: false,
      error: { code: 'exposure-limit' },
    });
  });

  it('does not refuse while online: the cancellation is sent at once', async () => {
    for (let i = 0; i < 3; i += 1) await unresolved(20_000);
    const r = h.receipt({ trxAmt: 20_000, vatAmt: 0 });
    const result = await h.workflow.request(h.input(r.id));
    expect(result.ok && result.value.state).toBe('cancelled');
  });
});
