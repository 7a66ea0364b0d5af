import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/audit/canonical';
import type { PrintedClose } from '../../../electron/reports/close';
import { computeClose } from '../../../electron/reports/close';
import {
  END_OF_DAY_PRINTED,
  closePrintDetails,
  printedCloseOf,
} from '../../../electron/reports/close-record';
import { kstDate } from '../../../electron/reports/compute';
import type { ReportCancellation } from '../../../electron/reports/types';
import { kst } from './fixture';

/**
 * Issue 13 finding 1, as sequences over the close's rule (electron/reports/close.ts). A tiny
 * "ledger" of cancellations whose states change over time, and papers printed from it, each
 * read back through its audit record like the real prints.
 */
type Item = ReportCancellation;

function item(id: number, createdAt: number, amount: number, extra: Partial<Item> = {}): Item {
  return {
    id: String(id),
    state: 'in_doubt',
    requestedBy: 'cashier',
    approvedBy: null,
    issuer: null,
    issuerCode: null,
    amount,
    vat: Math.round(amount / 11),
    createdAt,
    settledAt: null,
    manual: false,
    orgAprvNo: String(10_000_000 + id),
    orgAprvDt: '20231201',
    cancelAprvNo: null,
    merchantNo: null,
    mercTrxNo: null,
    ...extra,
  };
}

function books() {
  const items = new Map<string, Item>();
  const prints: PrintedClose[] = [];
  let seq = 0;
  const close = (day: string) => {
    const all = [...items.values()];
    const start = kstMidnightOf(day);
    return computeClose({
      day,
      requested: all.filter((c) => kstDate(c.createdAt) === day),
      earlierSettled: all.filter((c) => c.createdAt < start && c.settledAt !== null),
      unresolved: all.filter((c) => c.settledAt === null),
      prints,
      byId: (id) => items.get(id) ?? null,
    });
  };
  return {
    items,
    prints,
    add(c: Item) {
      items.set(c.id, c);
    },
    settle(id: string, state: 'cancelled' | 'rejected', at: number, manual = false) {
      const c = items.get(id);
      if (c === undefined) throw new Error(`no ${id}`);
      items.set(id, { ...c, state, settledAt: at, manual });
    },
    review(id: string) {
      const c = items.get(id);
      if (c === undefined) throw new Error(`no ${id}`);
      items.set(id, { ...c, state: 'needs_review' });
    },
    close,
    /** prints the day's paper at `at` and records it as the real print does */
    print(day: string, at: number) {
      const c = close(day);
      seq += 1;
      const details = closePrintDetails(c, seq);
      const read = printedCloseOf({
        seq,
        at,
        actor: 'manager',
        kind: END_OF_DAY_PRINTED,
        subject: 'reports',
        details: canonicalJson(details),
        prevHash: '',
        hash: '',
      });
      if (read === null) throw new Error('the print record did not read back');
      prints.push(read);
      return c;
    },
  };
}

const kstMidnightOf = (day: string) =>
  kst(Number(day.slice(0, 4)), Number(day.slice(4, 6)), Number(day.slice(6, 8)));

describe('the close: carried-over and late-settled items (issue 13 finding 1)', () => {
  it('every unresolved item of any day is on the paper, with count, total and oldest', () => {
    const b = books();
    // D-1: a 300,000 cancellation whose answer was lost, handed to the manager
    b.add(item(1, kst(2023, 12, 24, 10), 300_000, { state: 'needs_review' }));
    // D: one cancelled, two unresolved
    b.add(item(2, kst(2023, 12, 25, 9), 11_000));
    b.settle('2', 'cancelled', kst(2023, 12, 25, 9, 1));
    b.add(item(3, kst(2023, 12, 25, 12), 40_000, { state: 'needs_review' }));
    b.add(item(4, kst(2023, 12, 25, 20), 15_000));

    const d = b.print('20231225', kst(2023, 12, 25, 23, 59));
    expect(d.refunded).toMatchObject({ count: 1, amount: 11_000, ids: ['2'] });
    expect(d.unresolved).toMatchObject({
      count: 3,
      amount: 355_000,
      oldestCreatedAt: kst(2023, 12, 24, 10),
    });
    expect(d.unresolved.items.map((i) => i.id)).toEqual(['1', '3', '4']);

    // D+1: nothing requested, but the carried items are still there
    const next = b.close('20231226');
    expect(next.requests.total.count).toBe(0);
    expect(next.unresolved).toMatchObject({ count: 3, amount: 355_000 });
  });

  it('an item settled after its day’s paper is counted on the next paper, once', () => {
    const b = books();
    b.add(item(1, kst(2023, 12, 25, 20), 15_000));
    const d = b.print('20231225', kst(2023, 12, 25, 22)); // printed before it settled
    expect(d.refunded.count).toBe(0);
    expect(d.unresolved.items.map((i) => i.id)).toEqual(['1']);

    // settles the same evening, after the paper: nothing of day D+1 happened on D+1 yet
    b.settle('1', 'cancelled', kst(2023, 12, 25, 23, 30));
    const next = b.print('20231226', kst(2023, 12, 26, 22));
    expect(next.settledLate.map((i) => i.id)).toEqual(['1']);
    expect(next.refunded).toMatchObject({ count: 1, amount: 15_000, ids: ['1'] });
    expect(next.unresolved.count).toBe(0);

    // and never again on a later day's paper
    const later = b.print('20231227', kst(2023, 12, 27, 22));
    expect(later.settledLate).toEqual([]);
    expect(later.refunded.count).toBe(0);
  });

  it('a needs_review item resolved the next day is that day’s late-settled refund, marked as the manager’s', () => {
    const b = books();
    b.add(item(1, kst(2023, 12, 25, 12), 40_000, { state: 'needs_review' }));
    b.print('20231225', kst(2023, 12, 25, 23));
    b.settle('1', 'cancelled', kst(2023, 12, 26, 10), true);
    const next = b.print('20231226', kst(2023, 12, 26, 23));
    expect(next.settledLate).toEqual([expect.objectContaining({ id: '1', manual: true })]);
    expect(next.refunded).toMatchObject({ count: 1, manual: 1 });
  });

  it('papers printed out of order still count each refund on one day only', () => {
    const b = books();
    b.add(item(1, kst(2023, 12, 25, 20), 15_000));
    b.settle('1', 'cancelled', kst(2023, 12, 26, 9));
    // the manager prints D+1 first: it counts the refund (settled on D+1, requested earlier)
    const next = b.print('20231226', kst(2023, 12, 26, 23));
    expect(next.refunded.ids).toEqual(['1']);
    // then D, late: the refund is named as counted elsewhere, not counted again
    const d = b.print('20231225', kst(2023, 12, 27, 8));
    expect(d.refunded.count).toBe(0);
    expect(d.reportedElsewhere).toMatchObject({ count: 1, ids: ['1'] });
    expect(d.requests.cancelled.count).toBe(1); // the day's requests still say what happened
  });

  it('a reprint repeats the day’s count and says what changed since the first print', () => {
    const b = books();
    b.add(item(1, kst(2023, 12, 25, 9), 11_000));
    b.settle('1', 'cancelled', kst(2023, 12, 25, 9, 1));
    b.add(item(2, kst(2023, 12, 25, 20), 15_000));
    const first = b.print('20231225', kst(2023, 12, 25, 21));
    expect(first.printed).toBeNull();
    b.settle('2', 'rejected', kst(2023, 12, 25, 22));
    b.add(item(3, kst(2023, 12, 25, 22, 30), 9_000));

    const again = b.close('20231225');
    expect(again.printed).toMatchObject({ count: 1, firstAt: kst(2023, 12, 25, 21) });
    expect(again.refunded.ids).toEqual(['1']); // the copy counts what the first print counted
    expect(again.changes?.before.unresolved).toEqual({ count: 1, amount: 15_000, vat: 1_364 });
    expect(again.changes?.settled.map((i) => [i.id, i.state])).toEqual([['2', 'rejected']]);
    expect(again.changes?.newUnresolved.map((i) => i.id)).toEqual(['3']);
    expect(again.changes?.withdrawn).toEqual([]);
  });

  it('a refund the manager withdraws after the print is named on the re-run', () => {
    const b = books();
    b.add(item(1, kst(2023, 12, 25, 9), 11_000));
    b.settle('1', 'cancelled', kst(2023, 12, 25, 10), true);
    b.print('20231225', kst(2023, 12, 25, 21));
    b.review('1'); // reopened: waiting for the manager again
    b.items.set('1', { ...(b.items.get('1') as Item), settledAt: null, manual: false });
    const again = b.close('20231225');
    expect(again.changes?.withdrawn.map((i) => i.id)).toEqual(['1']);
    expect(again.refunded.count).toBe(0);
    expect(again.unresolved.items.map((i) => i.id)).toEqual(['1']);
  });
});
