import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cancellation, Receipt } from '../../../shared/contract';
import { kstDateTime } from '../../../shared/kicc/time';
import { createRealStack } from '../fixtures/real-stack';
import type { RealStack } from '../fixtures/real-stack';

/**
 * What the Electron e2e test does, without Electron: training mode, the real engine and the
 * embedded simulator, called through the app's own IPC dispatch.
 */
let stack: RealStack;
beforeAll(async () => {
  stack = await createRealStack();
});
afterAll(() => stack.close());

// Sample 1 was approved 5-90 minutes ago (simulator/samples.ts): just after midnight KST that is
// yesterday, so search both days.
const today = kstDateTime(Date.now()).date;
const yesterday = kstDateTime(Date.now() - 86_400_000).date;

async function sampleReceipt(amount: number): Promise<Receipt> {
  const found = await stack.call('receipts.lookup', {
    by: 'amount',
    from: yesterday,
    to: today,
    amount,
  });
  if (!found.ok) throw new Error(found.error.code);
  const receipt = (found.value as { receipts: Receipt[] }).receipts[0];
  if (!receipt) throw new Error('no sample receipt');
  return receipt;
}

describe('training mode through IPC, with the real engine', () => {
  it('says it is in training mode, with the training terminal and a reason', async () => {
    expect(await stack.call('app.info', {})).toMatchObject({
      ok: true,
      value: {
        mode: 'training',
        terminalId: stack.engine.terminalId,
        trainingReason: { ko: expect.any(String) },
      },
    });
  });

  it('seeds the simulator’s sample receipts as training receipts', async () => {
    const receipt = await sampleReceipt(12_000);
    expect(receipt).toMatchObject({ source: 'training', trxAmt: 12_000, cancellation: null });
    expect(stack.engine.simulator?.samples.length).toBeGreaterThan(0);
  });

  it('cancels a sample receipt; a double click gives the same cancellation, a second one is refused', async () => {
    const receipt = await sampleReceipt(12_000);
    const request = {
      clientRequestId: randomUUID(),
      receiptId: receipt.id,
      trxAmt: receipt.trxAmt,
      vatAmt: receipt.vatAmt,
      svcAmt: receipt.svcAmt,
      reason: '고객 요청',
    };
    const first = await stack.call('cancellations.request', request);
    const again = await stack.call('cancellations.request', request);
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    const cancellation = first.value as Cancellation;
    expect((again.value as Cancellation).id).toBe(cancellation.id);

    await stack.engine.services.drain();
    const final = await stack.call('cancellations.get', { id: cancellation.id });
    expect(final).toMatchObject({
      ok: true,
      value: { state: 'cancelled', cancelled: { alreadyCancelledEarlier: false } },
    });
    // the simulator agrees: the original is cancelled at "KICC"
    const original = stack.engine.simulator?.samples.find(
      (s) => s.original.trxAmt === 12_000,
    )?.original;
    expect(original?.status).toBe('cancelled');

    const second = await stack.call('cancellations.request', {
      ...request,
      clientRequestId: randomUUID(),
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'duplicate' } });
  });

  it('strips the engine’s main-process fields (notes, the attempt log)', async () => {
    const list = await stack.call('cancellations.list', {});
    expect(list.ok).toBe(true);
    const text = JSON.stringify(list);
    for (const field of ['attemptLog', 'inDoubtSince', '"note"', 'finishedAt']) {
      expect(text).not.toContain(field);
    }
  });

  it('hands the page who asked and who approved, as the ledger recorded them', async () => {
    const list = await stack.call('cancellations.list', {});
    if (!list.ok) throw new Error('list');
    const items = (list.value as { items: Cancellation[] }).items;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const row = stack.engine.services.ledger.cancellations.get(Number(item.id));
      expect({ requestedBy: item.requestedBy, approvedBy: item.approvedBy }).toEqual({
        requestedBy: row?.requestedBy,
        approvedBy: row?.approvedBy,
      });
      expect(item.requestedBy).toBe('cashier');
    }
  });
});
