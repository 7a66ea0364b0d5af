import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cancellation, Report, SlipView } from '../../../shared/contract';
import { auditDetails } from '../../../electron/audit/log';
import { createManualTime } from '../../../electron/queue/scheduler';
import { END_OF_DAY_PRINTED } from '../../../electron/reports/close-record';
import { slipText } from '../../../shared/slip';
import { cancelRequestFor, createWorld } from './world';
import type { StoreOpsWorld } from './world';

/**
 * Issue 13 finding 1, the sequence as the issue tells it, on the real engine, ledger and
 * simulator behind the app's IPC: a needs_review item from D-1, day D printed at 23:59:59, the
 * next day's paper, and D re-run after that. Every unresolved item of any day is on each paper;
 * an item settled the next day is that day's late-settled refund; the print's audit event holds
 * the printed figures; the re-run of D says it is a reprint and what changed since.
 */
const KST = 9 * 3_600_000;
const at = (day: string, hh: number, mm = 0, ss = 0) =>
  Date.UTC(
    Number(day.slice(0, 4)),
    Number(day.slice(4, 6)) - 1,
    Number(day.slice(6, 8)),
    hh,
    mm,
    ss,
  ) - KST;
const D_1 = '20240309';
const D = '20240310';
const D1 = '20240311';
const HOUR = 3_600_000;

const time = createManualTime(at(D_1, 15));
let w: StoreOpsWorld;

/** A cancellation whose answer is lost and whose verification runs out of time. */
async function needsReview(trxAmt: number, fault: 'commit-then-drop' | 'drop-before-commit') {
  const receipt = await w.receipt({ trxAmt });
  w.sim.faults.inject({ endpoint: 'cancel', kind: fault });
  const answer = await w.stack.call('cancellations.request', cancelRequestFor(receipt));
  if (!answer.ok) throw new Error(answer.error.code);
  time.set(time.clock.now() + 2 * HOUR); // past the verification deadline (1 h)
  await w.services.drain();
  const id = (answer.value as Cancellation).id;
  expect(w.services.ledger.cancellations.get(Number(id))?.state).toBe('needs_review');
  return id;
}

async function paper(day: string): Promise<string> {
  await w.stack.becomeManager();
  const answer = await w.stack.call('reports.endOfDay', { from: day });
  if (!answer.ok) throw new Error(answer.error.code);
  return slipText(answer.value as SlipView).join('\n');
}

async function print(day: string): Promise<void> {
  await w.stack.becomeManager();
  expect(await w.stack.call('reports.printEndOfDay', { from: day })).toMatchObject({
    ok: true,
    value: { printed: true },
  });
}

const lastPrintDetails = () => {
  const row = w.services.ledger.audit.list({ kind: END_OF_DAY_PRINTED }).at(-1);
  return row === undefined ? null : auditDetails(row);
};

let carried: string;
let landed: string;
let lost: string;

beforeAll(async () => {
  w = await createWorld({
    clock: time.clock,
    verificationDeadlineMs: HOUR,
    cashierMaxAmount: 10_000_000,
  });
  await w.stack.becomeManager();
  await w.stack.call('manager.logout', {});
  // D-1: 300,000, the request never reached KICC's books; nobody could tell in time
  carried = await needsReview(300_000, 'drop-before-commit');
  // D: one clean refund, and two handed to the manager
  time.set(at(D, 10));
  const clean = await w.stack.call(
    'cancellations.request',
    cancelRequestFor(await w.receipt({ trxAmt: 11_000 })),
  );
  expect(clean).toMatchObject({ ok: true, value: { state: 'cancelled' } });
  time.set(at(D, 14));
  landed = await needsReview(40_000, 'commit-then-drop'); // it did land at KICC
  time.set(at(D, 18));
  lost = await needsReview(15_000, 'drop-before-commit');
});
afterAll(() => w.close());

describe('the close tells the truth about money in flight (issue 13 finding 1)', () => {
  it('day D printed at 23:59:59 shows the day, and every unresolved item of any day', async () => {
    time.set(at(D, 23, 59, 59));
    const text = await paper(D);
    expect(text).toMatch(/^\[영업일 요청\]$/m);
    expect(text).toMatch(/^\[이번 마감 취소 완료\]\n취소 완료 +1건 11,000원$/m);
    expect(text).toMatch(/^미확정 +3건 355,000원$/m);
    expect(text).toMatch(/^가장 오래된 요청 +2024-03-09 15:00:00$/m);
    for (const id of [carried, landed, lost]) expect(text).toMatch(new RegExp(`^#${id} `, 'm'));
    expect(text).toContain('미확정 3건 — 현금으로 환불하지 마세요');
    await print(D);
  });

  it('the print’s audit event holds the printed figures and items', () => {
    const details = lastPrintDetails();
    expect(details).toMatchObject({
      kind: 'close',
      from: D,
      reprint: false,
      figures: {
        refunded: { count: 1, amount: 11_000 },
        unresolved: { count: 3, amount: 355_000 },
        oldestUnresolvedAt: at(D_1, 15),
      },
      unresolved: [carried, landed, lost],
    });
  });

  it('the next day’s paper carries the open items and the one settled since', async () => {
    // D+1 morning: the manager finds the 40,000 landed at KICC and records it
    time.set(at(D1, 10));
    await w.stack.becomeManager();
    expect(
      await w.stack.call('review.resolve', {
        id: landed,
        outcome: 'cancelled',
        note: 'KICC 포털: 취소됨',
      }),
    ).toMatchObject({ ok: true });
    time.set(at(D1, 23));
    const text = await paper(D1);
    expect(text).toMatch(
      new RegExp(
        `^\\[이전 요청 — 이번 마감에 확정\\]\\n#${landed} 03-10 14:00\\s+취소 완료 \\(관리자 확인\\) 40,000원$`,
        'm',
      ),
    );
    expect(text).toMatch(/^\[이번 마감 취소 완료\]\n취소 완료 +1건 40,000원$/m);
    expect(text).toMatch(/^ {2}그 중 관리자 확인 +1건$/m);
    expect(text).toMatch(/^미확정 +2건 315,000원$/m);
    expect(text).toContain('미확정 2건 — 현금으로 환불하지 마세요');

    await w.stack.becomeManager();
    const day = await w.stack.call('reports.day', { date: D1 });
    const close = (day as { value: Report }).value.close;
    expect(close?.settledLate.map((i) => [i.id, i.manual])).toEqual([[landed, true]]);
    expect(close?.unresolved.items.map((i) => i.id)).toEqual([carried, lost]);
    await print(D1);
    expect(lastPrintDetails()).toMatchObject({ refunded: [landed], settledLate: [landed] });
  });

  it('re-running D shows a reprint with what changed since it was printed, counting nothing twice', async () => {
    time.set(at(D1, 23, 30));
    const text = await paper(D);
    expect(text).toContain('재출력 — 최초 출력 2024-03-10 23:59:59');
    expect(text).toMatch(/^\[출력 이후 변경 — #\d+ 2024-03-10 23:59:59\]$/m);
    expect(text).toMatch(new RegExp(`^#${landed} 03-10 14:00 확정됨`, 'm'));
    // the 40,000 refund is D+1's: D still counts only its own 11,000
    expect(text).toMatch(/^\[이번 마감 취소 완료\]\n취소 완료 +1건 11,000원$/m);
    await print(D);
    expect(lastPrintDetails()).toMatchObject({
      reprint: true,
      refunded: expect.not.arrayContaining([landed]),
    });
    expect(w.stack.printer.printed.at(-1)?.html).toContain('재출력');
  });
});
