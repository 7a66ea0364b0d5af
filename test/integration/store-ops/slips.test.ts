import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cancellation, PrintResult, Receipt, SlipView } from '../../../shared/contract';
import { createWorld } from './world';
import type { StoreOpsWorld } from './world';

/**
 * Issue 6 "Cancellation slip": the slip for the screen and the printer, in every state, and a
 * reprint from history that says so. Anyone at the till may (re)print.
 */
let w: StoreOpsWorld;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(() => w.close());

async function cancel(receipt: Receipt): Promise<Cancellation> {
  const answer = await w.stack.call('cancellations.request', {
    clientRequestId: randomUUID(),
    receiptId: receipt.id,
    trxAmt: receipt.trxAmt,
    vatAmt: receipt.vatAmt,
    svcAmt: receipt.svcAmt,
    reason: '고객 변심',
  });
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.value as Cancellation;
}

async function slip(id: string, language?: 'ko' | 'en'): Promise<SlipView> {
  const answer = await w.stack.call('slips.get', language ? { id, language } : { id });
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.value as SlipView;
}

const text = (s: SlipView) => JSON.stringify(s.lines);

describe('the cancellation slip', () => {
  it('cancelled: the approval numbers, the amounts, the card masked', async () => {
    const c = await cancel(await w.receipt({ trxAmt: 18_000 }));
    expect(c.state).toBe('cancelled');
    const s = await slip(c.id);
    expect(s).toMatchObject({ kind: 'cancelled', lang: 'ko', title: '카드 결제 취소' });
    expect(text(s)).toContain('취소 완료');
    expect(text(s)).toContain(c.orgAprvNo);
    expect(text(s)).toContain(c.cancelled?.aprvNo ?? 'no approval number');
    expect(text(s)).toContain('18,000원');
    expect(text(s)).toMatch(/\d{4}-\d{2}\*\*-\*\*\*\*-\d{4}/);
  });

  it('not final: the verifying slip, with the warning not to refund in cash', async () => {
    w.sim.faults.inject({ endpoint: 'cancel', kind: 'drop-before-commit' });
    w.sim.faults.inject({ endpoint: 'netCancel', kind: 'drop-before-commit' });
    const c = await cancel(await w.receipt({ trxAmt: 9_000 }));
    expect(c.state).toBe('in_doubt');
    const s = await slip(c.id);
    expect(s.kind).toBe('verifying');
    expect(text(s)).toContain('취소 확인 중 — 현금으로 환불하지 마세요');
    expect(text(s)).toContain(c.mercTrxNo ?? 'no request number');
    expect((await slip(c.id, 'en')).title).toBe('Card cancellation being verified');
  });

  it('prints, and a second print of the same slip is marked as a reprint', async () => {
    const c = await cancel(await w.receipt({ trxAmt: 21_000 }));
    const first = await w.stack.call('slips.print', { id: c.id });
    expect(first).toEqual({
      ok: true,
      value: { printed: true, printer: '', reprint: false, problem: null },
    });
    expect(w.stack.printer.printed.at(-1)?.html).not.toContain('재출력');
    const again = await w.stack.call('slips.print', { id: c.id });
    expect((again as { value: PrintResult }).value).toMatchObject({ printed: true, reprint: true });
    expect(w.stack.printer.printed.at(-1)?.html).toContain('재출력');
    const printed = w.services.ledger.audit
      .forCancellation(Number(c.id))
      .filter((e) => e.kind === 'slip.printed')
      .map((e) => e.detail.reprint);
    expect(printed).toEqual([false, true]);
  });

  it('a printer that is off: not printed, said in plain words, not recorded as printed', async () => {
    const c = await cancel(await w.receipt({ trxAmt: 23_000 }));
    w.stack.printer.failWith = '프린터 꺼짐';
    try {
      expect(await w.stack.call('slips.print', { id: c.id })).toMatchObject({
        ok: true,
        value: {
          printed: false,
          reprint: false,
          problem: { ko: expect.stringContaining('프린터 꺼짐') },
        },
      });
    } finally {
      w.stack.printer.failWith = null;
    }
    // so the next print is the first one
    expect(await w.stack.call('slips.print', { id: c.id })).toMatchObject({
      ok: true,
      value: { printed: true, reprint: false },
    });
  });

  it('an unknown cancellation: not-found', async () => {
    expect(await w.stack.call('slips.get', { id: '999999' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

/**
 * Issue 11: "The chain head is printed on every slip, not only the end-of-day summary". Every
 * customer's slip is then a checkpoint on paper, out of the cashier's reach.
 */
describe('the audit checkpoint on every slip', () => {
  it('the slip on screen and on paper ends with the chain’s head; it verifies as a checkpoint', async () => {
    const c = await cancel(await w.receipt({ trxAmt: 7_000 }));
    const head = w.services.ledger.audit.head();
    if (head === null) throw new Error('no audit events');
    const s = await slip(c.id);
    expect(s.lines.slice(-2)).toEqual([
      { kind: 'field', label: '감사 기록', value: `#${head.seq}` },
      { kind: 'text', text: head.hash },
    ]);
    const printed = (await w.stack.call('slips.print', { id: c.id })) as { value: PrintResult };
    expect(printed.value.printed).toBe(true);
    const html = w.stack.printer.printed.at(-1)?.html ?? '';
    expect(html).toContain(head.hash);
    // what the paper says is a checkpoint the audit check accepts
    await w.stack.becomeManager();
    expect(await w.stack.call('audit.verify', { checkpoint: head })).toMatchObject({
      ok: true,
      value: { intact: true },
    });
    await w.stack.call('manager.logout', {});
  });
});
