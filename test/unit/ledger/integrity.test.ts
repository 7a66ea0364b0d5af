import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../../electron/ledger/ledger';
import type { CancellationState, Receipt } from '../../../electron/ledger/types';
import { sampleCancellation, sampleReceipt, tempLedger } from './tmpLedger';

let t: ReturnType<typeof tempLedger>;
let ledger: Ledger;
let receipt: Receipt;
beforeEach(() => {
  t = tempLedger();
  ledger = t.ledger;
  receipt = ledger.receipts.insert(sampleReceipt(), 1);
});
afterEach(() => t.remove());

const insert = (state: CancellationState, receiptId = receipt.id) =>
  ledger.cancellations.insert(sampleCancellation(receiptId, state), 1);

describe('one live cancellation per receipt, enforced by the database', () => {
  it.each<CancellationState>([
    'sending',
    'queued',
    'in_doubt',
    'cancelled',
    'needs_review',
    'pending',
  ])('a second cancellation is refused while one is %s', (state) => {
    insert(state);
    expect(() => insert('sending')).toThrow(/UNIQUE/);
  });

  it('allows a new cancellation after every earlier one was rejected', () => {
    insert('rejected');
    insert('rejected');
    expect(() => insert('sending')).not.toThrow();
  });

  it('refuses turning a rejected cancellation live again while another is live', () => {
    const old = insert('rejected');
    insert('sending');
    expect(() => ledger.cancellations.update(old, { state: 'queued' }, 2)).toThrow(/UNIQUE/);
  });

  it('refuses a cancellation of a receipt that does not exist (foreign key)', () => {
    expect(() => insert('sending', 9999)).toThrow(/FOREIGN KEY/);
  });

  it('refuses a state outside the state machine', () => {
    expect(() => insert('lost' as CancellationState)).toThrow(/CHECK/);
  });
});

describe('attempts', () => {
  const begin = (
    cancellationId: number,
    mercTrxNo: string,
    repeatsAttemptId: number | null,
    kind: 'cancel' | 'net-cancel' = 'cancel',
  ) =>
    ledger.attempts.begin({
      cancellationId,
      kind,
      mercTrxNo,
      repeatsAttemptId,
      body: '{}',
      sentAt: 5,
    });

  it('never uses a fresh mercTrxNo twice, while resends and verifications repeat it on purpose', () => {
    const c = insert('sending');
    const first = begin(c, 'M1', null);
    expect(() => begin(c, 'M1', null)).toThrow(/UNIQUE/);
    expect(() => begin(c, 'M1', first.id)).not.toThrow();
    expect(() => begin(c, 'M1', first.id, 'net-cancel')).not.toThrow();
    expect(ledger.attempts.isFreshNumberUsed('M1')).toBe(true);
    expect(ledger.attempts.isFreshNumberUsed('M2')).toBe(false);
  });

  it('refuses a verification that does not name the attempt it verifies', () => {
    const c = insert('in_doubt');
    expect(() => begin(c, 'M1', null, 'net-cancel')).toThrow(/CHECK/);
  });

  it('is written sending first and ended exactly once', () => {
    const c = insert('sending');
    const a = begin(c, 'M1', null);
    expect(ledger.attempts.sending().map((x) => x.id)).toEqual([a.id]);
    const end = {
      state: 'answered' as const,
      class: 'ok' as const,
      code: '0000',
      message: 'ok',
      httpStatus: 200,
      responseBody: '{"respCd":"0000"}',
      error: null,
      endedAt: 9,
    };
    ledger.attempts.finish(a.id, end);
    expect(ledger.attempts.get(a.id)).toMatchObject({
      state: 'answered',
      class: 'ok',
      code: '0000',
      endedAt: 9,
    });
    expect(ledger.attempts.sending()).toEqual([]);
    expect(() => ledger.attempts.finish(a.id, end)).toThrow(/not sending/);
  });
});

describe('audit events', () => {
  it('are append-only: the database refuses to change or delete one', () => {
    ledger.audit.appendAudit({
      at: 1,
      actor: 'cashier-1',
      kind: 'cancellation.requested',
      detail: { a: 1 },
    });
    expect(() => ledger.db.prepare(`UPDATE audit_events SET actor = 'someone else'`).run()).toThrow(
      /append-only/,
    );
    expect(() => ledger.db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    expect(ledger.db.prepare('SELECT actor FROM audit_events').all()).toEqual([
      { actor: 'cashier-1' },
    ]);
  });
});

describe('the queue view of cancellations', () => {
  it('sums queued and in_doubt only, and lists due items earliest first', () => {
    const other = ledger.receipts.insert(sampleReceipt(), 1);
    const third = ledger.receipts.insert(sampleReceipt(), 1);
    const a = insert('queued');
    const b = insert('in_doubt', other.id);
    insert('cancelled', third.id);
    ledger.cancellations.update(a, { nextTryAt: 300 }, 2);
    ledger.cancellations.update(b, { nextTryAt: 200 }, 2);
    expect(ledger.cancellations.unresolvedSummary()).toEqual({
      count: 2,
      total: 2,
      oldestCreatedAt: 1,
      nextTryAt: 200,
    });
    expect(ledger.cancellations.due(250, 10)).toEqual([b]);
    expect(ledger.cancellations.due(300, 10)).toEqual([b, a]);
    expect(ledger.cancellations.nextTryAfter(250)).toBe(300);
    expect(ledger.cancellations.makeAllDue(100)).toBe(2);
    expect(ledger.cancellations.due(100, 10)).toEqual([a, b]);
  });
});
