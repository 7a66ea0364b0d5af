import { describe, expect, it } from 'vitest';
import type { Cancellation, CancellationState, PrintResult } from '../../../shared/contract';
import { cancellationIn } from './fixture';
import { createSettlements } from '../../../electron/counter/settlements';
import type { SettledNotice } from '../../../shared/contract';

const at = (n: number) => 1_700_000_000_000 + n;

const c = (id: string, state: CancellationState) => cancellationIn(id, state);

function setup(
  options: { waiting?: Cancellation[]; autoPrint?: boolean; print?: PrintResult } = {},
) {
  const notified: SettledNotice[] = [];
  const printed: string[] = [];
  let now = 0;
  const settlements = createSettlements({
    waiting: () => options.waiting ?? [],
    now: () => at(++now),
    autoPrint: () => options.autoPrint ?? false,
    printSlip: async (id) => {
      printed.push(id);
      return {
        ok: true,
        value: options.print ?? { printed: true, printer: '', reprint: false, problem: null },
      };
    },
    notify: (notice) => notified.push(notice),
  });
  return { settlements, notified, printed };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Issue 12 finding 1: nobody learned when an offline or verifying cancellation settled. */
describe('finding 1: a cancellation the cashier waited for says so when it settles', () => {
  it.each<[string, CancellationState[], CancellationState | null]>([
    ['queued, then sent and cancelled', ['queued', 'sending', 'cancelled'], 'cancelled'],
    [
      'being verified, then cancelled',
      ['sending', 'in_doubt', 'sending', 'cancelled'],
      'cancelled',
    ],
    ['queued, then refused by KICC', ['queued', 'sending', 'rejected'], 'rejected'],
    ['verification ran out: to the manager', ['in_doubt', 'needs_review'], 'needs_review'],
    [
      'answered at once on its own outcome screen: nothing to say',
      ['pending', 'sending', 'cancelled'],
      null,
    ],
    ['refused at once: nothing to say', ['pending', 'sending', 'rejected'], null],
  ])('%s', (_case, states, notice) => {
    const { settlements, notified } = setup();
    for (const state of states) settlements.observe(c('1', state));
    expect(notified.map((n) => n.cancellation.state)).toEqual(notice === null ? [] : [notice]);
    expect(settlements.list().map((n) => n.cancellation.id)).toEqual(notice === null ? [] : ['1']);
  });

  it('follows a needs_review item to the manager’s resolution: a second notice, the final one', () => {
    const { settlements, notified } = setup();
    settlements.observe(c('1', 'in_doubt'));
    settlements.observe(c('1', 'needs_review'));
    settlements.observe(c('1', 'needs_review')); // the same state again says nothing
    settlements.observe(c('1', 'cancelled'));
    expect(notified.map((n) => n.cancellation.state)).toEqual(['needs_review', 'cancelled']);
    expect(settlements.list()).toHaveLength(1);
    expect(settlements.list()[0]?.cancellation.state).toBe('cancelled');
  });

  it('knows at start what was left waiting (yesterday’s queue, the manager’s open items)', () => {
    const { settlements, notified } = setup({
      waiting: [c('7', 'queued'), c('8', 'needs_review')],
    });
    settlements.observe(c('7', 'cancelled'));
    settlements.observe(c('8', 'rejected'));
    expect(notified.map((n) => [n.cancellation.id, n.cancellation.state])).toEqual([
      ['7', 'cancelled'],
      ['8', 'rejected'],
    ]);
  });

  it('keeps notices, oldest first, until the cashier dismisses them', () => {
    const { settlements } = setup();
    for (const id of ['1', '2']) {
      settlements.observe(c(id, 'queued'));
      settlements.observe(c(id, 'cancelled'));
    }
    expect(settlements.list().map((n) => n.cancellation.id)).toEqual(['1', '2']);
    expect(settlements.dismiss('1').map((n) => n.cancellation.id)).toEqual(['2']);
    expect(settlements.dismiss('unknown').map((n) => n.cancellation.id)).toEqual(['2']);
  });

  it('prints the final slip by itself when the manager chose so, and says how it went', async () => {
    const { settlements, notified, printed } = setup({ autoPrint: true });
    settlements.observe(c('1', 'queued'));
    settlements.observe(c('1', 'cancelled'));
    await flush();
    expect(printed).toEqual(['1']);
    expect(notified.map((n) => n.autoPrint?.printed ?? null)).toEqual([null, true]);
    expect(settlements.list()[0]?.autoPrint).toMatchObject({ printed: true });
  });

  it('never prints by itself a slip that is not final (needs_review), nor when it is off', async () => {
    const on = setup({ autoPrint: true });
    on.settlements.observe(c('1', 'in_doubt'));
    on.settlements.observe(c('1', 'needs_review'));
    const off = setup({ autoPrint: false });
    off.settlements.observe(c('2', 'queued'));
    off.settlements.observe(c('2', 'cancelled'));
    await flush();
    expect(on.printed).toEqual([]);
    expect(off.printed).toEqual([]);
  });

  it('a printer that is off: the notice says so and stays for a print by hand', async () => {
    const problem = { ko: '출력하지 못했습니다', en: 'Not printed' };
    const { settlements } = setup({
      autoPrint: true,
      print: { printed: false, printer: '', reprint: false, problem },
    });
    settlements.observe(c('1', 'queued'));
    settlements.observe(c('1', 'rejected'));
    await flush();
    expect(settlements.list()[0]?.autoPrint).toEqual({
      printed: false,
      printer: '',
      reprint: false,
      problem,
    });
  });
});

describe('a final outcome a manager reopens (found by a review, 2026-12-06)', () => {
  it.each<CancellationState>(['rejected', 'cancelled'])(
    'the %s notice becomes the needs_review one, then the new outcome',
    (first) => {
      const { settlements, notified } = setup();
      for (const state of ['in_doubt', 'needs_review', first] as const)
        settlements.observe(c('1', state));
      expect(settlements.list().map((n) => n.cancellation.state)).toEqual([first]);
      settlements.observe(c('1', 'needs_review')); // reopened
      expect(settlements.list().map((n) => n.cancellation.state)).toEqual(['needs_review']);
      expect(notified.at(-1)?.cancellation.state).toBe('needs_review');
      const next = first === 'rejected' ? 'cancelled' : 'rejected';
      settlements.observe(c('1', next));
      expect(settlements.list().map((n) => n.cancellation.state)).toEqual([next]);
    },
  );

  it('a dismissed notice stays dismissed until the item is reopened', () => {
    const { settlements, notified } = setup();
    for (const state of ['queued', 'cancelled'] as const) settlements.observe(c('1', state));
    settlements.dismiss('1');
    settlements.observe(c('1', 'cancelled')); // the same state again: nothing new
    expect(settlements.list()).toEqual([]);
    expect(notified).toHaveLength(1);
  });
});
