import { afterEach, describe, expect, it } from 'vitest';
import type { Cancellation, Receipt, Report, SlipView } from '../../../shared/contract';
import { kstDateTime } from '../../../shared/kicc/time';
import { slipText } from '../../../shared/slip';
import type { SimOriginal } from '../../../electron/kicc/simulator';
import { cancelRequestFor, createWorld } from './world';
import type { StoreOpsWorld } from './world';

/**
 * Issue 13 finding 2, as the issue tells it: one 500,000 payment, known to the ledger a second
 * time under its merchant number with another amount (90,000). Adding that second receipt is a
 * conflict the cashier cannot add; and where a ledger already holds both (entered before this
 * rule), KICC's "already cancelled" for the second is handed to the manager, never summed as a
 * second refund: the report shows one refund of 500,000, as KICC has.
 */
let w: StoreOpsWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

/** The paper receipt the cashier types: the payment's merchant number, another amount. */
const secondReceipt = (o: SimOriginal) => ({
  orgAprvDt: o.aprvDt,
  orgAprvNo: o.aprvNo,
  wcc: 'G',
  cndTrxNo: o.mercTrxNo,
  alotMonth: o.alotMonth,
  trxAmt: 90_000,
  vatAmt: 8_182,
  svcAmt: 0,
});

describe('one payment, one refund (issue 13 finding 2)', () => {
  it('a second receipt with the same approval number and date but another amount and key is refused', async () => {
    w = await createWorld({ cashierMaxAmount: 10_000_000 });
    const original = w.sim.approve({ trxAmt: 500_000 });
    const first = await w.stack.call('receipts.add', {
      ...secondReceipt(original),
      wcc: 'T',
      cndTrxNo: original.vanTrxNo,
      trxAmt: 500_000,
      vatAmt: original.vatAmt,
    });
    expect(first.ok).toBe(true);
    const before = w.services.ledger.receipts.byAprvNo(original.aprvNo, 10).length;
    expect(await w.stack.call('receipts.add', secondReceipt(original))).toMatchObject({
      ok: false,
      error: { code: 'receipt-conflict' },
    });
    expect(w.services.ledger.receipts.byAprvNo(original.aprvNo, 10)).toHaveLength(before);
  });

  it('a ledger already holding both: "already cancelled" for the second goes to the manager, counted once', async () => {
    w = await createWorld({ cashierMaxAmount: 10_000_000 });
    const world = w;
    const original = world.sim.approve({ trxAmt: 500_000 });
    // the first receipt, as imported
    const imported = world.services.addReceipt(
      {
        vanTrxNo: original.vanTrxNo,
        aprvNo: original.aprvNo,
        aprvDt: original.aprvDt,
        alotMonth: original.alotMonth,
        trxAmt: original.trxAmt,
        vatAmt: original.vatAmt,
        svcAmt: original.svcAmt,
      },
      { source: 'imported' },
    );
    if (!imported.ok) throw new Error(imported.error.code);
    // the second, written into the ledger as an older version of the app let it in
    const second = world.services.ledger.write(() =>
      world.services.ledger.receipts.insert(
        {
          vanTrxNo: null,
          mercTrxNo: original.mercTrxNo,
          aprvNo: original.aprvNo,
          aprvDt: original.aprvDt,
          aprvTm: null,
          trxAmt: 90_000,
          vatAmt: 8_182,
          svcAmt: 0,
          alotMonth: original.alotMonth,
          issuerName: null,
          issuerCode: null,
          cardMasked: null,
          source: 'typed',
        },
        Date.now(),
      ),
    );

    const one = await world.stack.call(
      'cancellations.request',
      cancelRequestFor(imported.value as Receipt),
    );
    expect(one).toMatchObject({ ok: true, value: { state: 'cancelled' } });
    const two = await world.stack.call(
      'cancellations.request',
      cancelRequestFor({ id: String(second.id), trxAmt: 90_000, vatAmt: 8_182, svcAmt: 0 }),
    );
    expect(two).toMatchObject({ ok: true, value: { state: 'needs_review' } });
    const id = (two as { value: Cancellation }).value.id;
    const row = world.services.ledger.cancellations.get(Number(id));
    expect(row).toMatchObject({ note: 'already-cancelled-elsewhere', result: { code: 'S002' } });
    const event = world.services.ledger.audit
      .forCancellation(Number(id))
      .find((e) => e.kind === 'cancellation.needs_review');
    expect(event?.detail).toMatchObject({
      note: 'already-cancelled-elsewhere',
      elsewhere: Number((one as { value: Cancellation }).value.id),
    });

    // KICC has one refund; so do the books
    expect(world.sim.ledger.cancellations().filter((c) => c.status === 'landed')).toHaveLength(1);
    await world.stack.becomeManager();
    const today = kstDateTime(Date.now()).date;
    const report = (await world.stack.call('reports.day', { date: today })) as { value: Report };
    expect(report.value.cancelled).toMatchObject({ count: 1, amount: 500_000 });
    expect(report.value.close?.refunded).toMatchObject({ count: 1, amount: 500_000 });
    expect(report.value.close?.unresolved).toMatchObject({ count: 1, amount: 90_000 });
    // and the customer's slip for the second is not a "취소 완료"
    const slip = (await world.stack.call('slips.get', { id })) as { value: SlipView };
    expect(slip.value.kind).toBe('verifying');
    expect(slipText(slip.value).join('\n')).not.toContain('취소 완료');

    // The manager cannot count it a second time either (found by a review, 2026-12-06): KICC's
    // S002 reads "refunded", but the refund is the first receipt's
    const asCancelled = await world.stack.call('review.resolve', {
      id,
      outcome: 'cancelled',
      note: '포털: 취소됨',
    });
    expect(asCancelled).toMatchObject({ ok: false, error: { code: 'refunded-elsewhere' } });
    if (!asCancelled.ok)
      expect(asCancelled.error.message.ko).toContain(
        `취소 번호 ${one.ok && (one.value as Cancellation).id}`,
      );
    expect(world.services.ledger.cancellations.get(Number(id))?.state).toBe('needs_review');
    expect(
      await world.stack.call('review.resolve', {
        id,
        outcome: 'not-cancelled',
        note: '첫 영수증의 취소로 환불됨',
        overrideReason: '같은 결제: 환불은 첫 영수증의 취소 하나',
      }),
    ).toMatchObject({ ok: true, value: { state: 'rejected' } });
    const after = (await world.stack.call('reports.day', { date: today })) as { value: Report };
    expect(after.value.close?.refunded).toMatchObject({ count: 1, amount: 500_000 });
  });
});
