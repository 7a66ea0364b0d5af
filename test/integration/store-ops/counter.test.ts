import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cancellation, Receipt, SettledNotice } from '../../../shared/contract';
import type { DeskEvent } from '../../../electron/ipc/port';
import { cancelRequestFor, createWorld } from './world';
import type { StoreOpsWorld } from './world';

/**
 * Issue 12 on the real engine, the simulator and the app's IPC dispatch: a cancellation the
 * cashier waited for settles and says so (with its slip printed by itself when the manager chose
 * so), and a paper receipt typed with the wrong amount is corrected by a manager and cancelled.
 */
let w: StoreOpsWorld;
let events: DeskEvent[];
beforeEach(async () => {
  w = await createWorld();
  events = [];
  w.storeOps.subscribe((event) => events.push(event));
});
afterEach(() => w.close());

async function until(what: string, condition: () => boolean): Promise<void> {
  const end = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function cancel(receipt: Pick<Receipt, 'id' | 'trxAmt' | 'vatAmt' | 'svcAmt'>) {
  const answer = await w.stack.call('cancellations.request', cancelRequestFor(receipt));
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.value as Cancellation;
}

const settled = () =>
  events.flatMap((e) => (e.event === 'cancellation.settled' ? [e.payload as SettledNotice] : []));

describe('finding 1: a queued cancellation settles while the cashier is elsewhere', () => {
  it('the notice comes with the final slip, printed by itself when the manager chose so', async () => {
    await w.stack.becomeManager();
    expect(await w.stack.call('settings.update', { autoPrintSettled: true })).toMatchObject({
      ok: true,
      value: { autoPrintSettled: true },
    });
    await w.stack.call('manager.logout', {});
    const receipt = await w.receipt({ trxAmt: 15_000 });
    await w.sim.stop(); // KICC unreachable: not one byte sent, so it waits in the queue
    const queued = await cancel(receipt);
    expect(queued.state).toBe('queued');
    expect(settled()).toEqual([]);

    await w.sim.restart();
    w.services.notifyOnline();
    await until('the printed notice', () => settled().some((n) => n.autoPrint?.printed === true));
    const [first, printed] = settled();
    expect(first).toMatchObject({
      cancellation: { id: queued.id, state: 'cancelled' },
      autoPrint: null,
    });
    expect(printed?.autoPrint).toMatchObject({ printed: true, reprint: false });
    expect(w.stack.printer.printed.at(-1)?.html).toContain('취소 완료');

    // the page asks for what it missed (a reload), and the cashier closes it
    expect(await w.stack.call('settlements.list', {})).toMatchObject({
      ok: true,
      value: { notices: [{ cancellation: { id: queued.id } }] },
    });
    expect(await w.stack.call('settlements.dismiss', { id: queued.id })).toEqual({
      ok: true,
      value: { notices: [] },
    });
  });

  it('closing the app meanwhile is held: the page is asked, with the list', async () => {
    const receipt = await w.receipt({ trxAmt: 8_000 });
    await w.sim.stop();
    const queued = await cancel(receipt);
    expect(w.storeOps.counter.quit.closeRequested()).toBe(false);
    const asked = events.find((e) => e.event === 'app.quitRequested');
    expect(asked?.payload).toMatchObject({
      count: 1,
      totalAmount: 8_000,
      items: [{ id: queued.id }],
    });
    // the page's confirmation: here no app can be closed, and main says so
    expect(await w.stack.call('app.quit', {})).toEqual({ ok: true, value: { quitting: false } });
  });
});

describe('finding 6: a paper receipt typed with the wrong amount, corrected by a manager', () => {
  it('KICC refuses the wrong amount; the manager corrects it (audited); the cancellation stands', async () => {
    const original = w.sim.approve({ trxAmt: 10_000 });
    const typed = await w.stack.call('receipts.add', {
      orgAprvDt: original.aprvDt,
      orgAprvNo: original.aprvNo,
      wcc: 'T',
      cndTrxNo: original.vanTrxNo,
      alotMonth: '00',
      trxAmt: 11_000,
      vatAmt: 1_000,
      svcAmt: 0,
    });
    if (!typed.ok) throw new Error(typed.error.code);
    const receipt = typed.value as Receipt;
    expect((await cancel(receipt)).state).toBe('rejected'); // S003 at KICC

    const correction = {
      receiptId: receipt.id,
      trxAmt: 10_000,
      vatAmt: original.vatAmt,
      svcAmt: 0,
      note: '종이 영수증 금액을 잘못 입력함',
    };
    expect(await w.stack.call('receipts.correctAmounts', correction)).toMatchObject({
      ok: false,
      error: { code: 'not-manager' },
    });
    await w.stack.becomeManager();
    const corrected = await w.stack.call('receipts.correctAmounts', correction);
    expect(corrected).toMatchObject({ ok: true, value: { trxAmt: 10_000, source: 'typed' } });
    const again = await cancel((corrected as { value: Receipt }).value);
    expect(again.state).toBe('cancelled');
    expect(w.sim.ledger.original(original.vanTrxNo)?.status).toBe('cancelled');
    const audit = await w.stack.call('audit.list', { subject: `receipt:${receipt.id}` });
    expect(JSON.stringify(audit)).toContain('receipt.amounts_corrected');
  });
});
