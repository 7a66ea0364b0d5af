import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Cancellation, Receipt } from '../../../shared/contract';
import { kstDateTime, kstMidnight } from '../../../shared/kicc/time';
import { auditDetails } from '../../../electron/audit/log';
import { createManualTime } from '../../../electron/queue/scheduler';
import { END_OF_DAY_PRINTED } from '../../../electron/reports/close-record';
import { cancelRequestFor, createWorld } from './world';
import type { StoreOpsWorld } from './world';
import { replayFromEnv } from '../replay';

/**
 * Issue 13's property: over random days of cancellations, lost answers, deadlines, the
 * manager's resolutions and papers printed at any time (reprints and late prints of earlier days
 * included), with the simulator's books as the truth:
 *  - every KICC-effective cancellation is counted as refunded on the papers of exactly ONE
 *    business day (reprints of that day repeat it; no other day's paper counts it), and nothing
 *    else is counted as refunded;
 *  - every item unresolved when a paper is printed is on that paper;
 *  - the detail CSV lists each KICC-effective cancellation once as "취소 완료", and no other.
 *
 * Runs: CLOSE_PROPERTY_RUNS (default 25: each run is a real engine, ledger and simulator);
 * CLOSE_PROPERTY_SEED (with CLOSE_PROPERTY_PATH) replays a counterexample fast-check printed.
 */
const RUNS = Number(process.env.CLOSE_PROPERTY_RUNS ?? 25);
const HOUR = 3_600_000;
const START = Date.UTC(2024, 2, 10, 0); // 2024-03-10 09:00 KST
const UNRESOLVED = "('pending','sending','queued','in_doubt','needs_review')";

type Fault = 'none' | 'lost-landed' | 'lost-not-landed' | 'unknown-receipt';
type Step =
  | { kind: 'cancel'; amount: number; fault: Fault; verifyFails: boolean }
  | { kind: 'advance'; hours: number }
  | { kind: 'end-of-day' }
  | { kind: 'drain' }
  | { kind: 'resolve' }
  | { kind: 'print'; daysBack: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      amount: fc.integer({ min: 1, max: 90 }).map((n) => n * 1_000),
      fault: fc.constantFrom<Fault>(
        'none',
        'none',
        'lost-landed',
        'lost-not-landed',
        'unknown-receipt',
      ),
      verifyFails: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      hours: fc.integer({ min: 1, max: 9 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'end-of-day' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'drain' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'resolve' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('print' as const),
      daysBack: fc.constantFrom(0, 0, 1, 2),
    }),
  },
);

interface Printed {
  day: string;
  at: number;
  html: string;
  /** read from the ledger's rows themselves when the paper was printed */
  unresolvedThen: number[];
}

function run(w: StoreOpsWorld, time: ReturnType<typeof createManualTime>) {
  const firstDay = kstDateTime(START).date;
  const printed: Printed[] = [];
  const today = () => kstDateTime(time.clock.now()).date;
  const dayBefore = (day: string, n: number) =>
    kstDateTime(kstMidnight(day) - n * 86_400_000 + HOUR).date;

  const manager = () => w.stack.becomeManager();

  async function cancel(step: Extract<Step, { kind: 'cancel' }>) {
    let receipt: Receipt;
    if (step.fault === 'unknown-receipt') {
      const typed = await w.stack.call('receipts.add', {
        orgAprvDt: today(),
        orgAprvNo: String(90_000_000 + Math.floor(Math.random() * 9_999_999)),
        wcc: 'T',
        cndTrxNo: `V${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`,
        alotMonth: '00',
        trxAmt: step.amount,
        vatAmt: Math.round(step.amount / 11),
        svcAmt: 0,
      });
      if (!typed.ok) return;
      receipt = typed.value as Receipt;
    } else {
      receipt = await w.receipt({ trxAmt: step.amount });
    }
    if (step.fault === 'lost-landed')
      w.sim.faults.inject({ endpoint: 'cancel', kind: 'commit-then-drop' });
    if (step.fault === 'lost-not-landed')
      w.sim.faults.inject({ endpoint: 'cancel', kind: 'drop-before-commit' });
    if (step.verifyFails)
      w.sim.faults.inject({ endpoint: 'netCancel', kind: 'drop-before-commit', count: 3 });
    await w.stack.call('cancellations.request', cancelRequestFor(receipt));
  }

  /** The manager checks KICC's portal (the simulator's books) and records what it shows. */
  async function resolveOne(all = false) {
    const waiting = w.services.ledger.cancellations.inState('needs_review');
    for (const c of all ? waiting : waiting.slice(0, 1)) {
      const receipt = w.services.ledger.receipts.get(c.receiptId);
      const standing = w.sim.ledger
        .cancellations()
        .some((s) => s.status === 'landed' && s.originalVanTrxNo === receipt?.vanTrxNo);
      await manager();
      const answer = await w.stack.call('review.resolve', {
        id: String(c.id),
        outcome: standing ? 'cancelled' : 'not-cancelled',
        note: 'KICC 가맹점 관리자 화면에서 확인',
      });
      expect(answer.ok, JSON.stringify(answer)).toBe(true);
    }
  }

  /**
   * An exchange the queue started in an earlier step (a verification whose timer fired when the
   * clock moved) may still be in flight: the paper reads the ledger when it is printed, so the
   * test's own snapshot waits until nothing is in flight. The manual clock does not move
   * meanwhile, so nothing new is due. (Seed 1982055213: the snapshot listed #1, whose
   * verification's S007 was recorded before the print read the ledger.)
   */
  async function nothingInFlight() {
    for (let i = 0; i < 1000; i += 1) {
      const status = w.services.queueStatus();
      if (status.ok && status.value.summary.inFlight === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('an exchange stayed in flight for 5 s');
  }

  async function print(day: string) {
    if (day < firstDay) return;
    await manager();
    await nothingInFlight();
    const unresolvedThen = w.services.ledger.db
      .prepare<[], { id: number }>(
        `SELECT id FROM cancellations WHERE state IN ${UNRESOLVED} ORDER BY id`,
      )
      .all()
      .map((r) => r.id);
    const answer = await w.stack.call('reports.printEndOfDay', { from: day });
    expect(answer).toMatchObject({ ok: true, value: { printed: true } });
    const html = w.stack.printer.printed.at(-1)?.html ?? '';
    printed.push({ day, at: time.clock.now(), html, unresolvedThen });
  }

  return {
    printed,
    firstDay,
    today,
    async step(step: Step) {
      switch (step.kind) {
        case 'cancel':
          return cancel(step);
        case 'advance':
          time.set(time.clock.now() + step.hours * HOUR);
          return;
        case 'end-of-day': {
          time.set(kstMidnight(today()) + 86_400_000 - 1_000); // 23:59:59
          await print(today());
          time.set(time.clock.now() + 10 * HOUR); // the next morning
          return;
        }
        case 'drain':
          await w.services.drain();
          return;
        case 'resolve':
          return resolveOne();
        case 'print':
          return print(dayBefore(today(), step.daysBack));
      }
    },
    /**
     * KICC back, every fault gone, everything settled; then the manager closes every day not
     * closed yet, and the new day (earlier days are not printed again: what settled after their
     * paper must be counted by a later one).
     */
    async finish() {
      w.sim.faults.clear();
      time.set(time.clock.now() + 2 * HOUR);
      for (
        let round = 0;
        round < 10 && w.services.ledger.cancellations.unresolvedIds().length > 0;
        round += 1
      ) {
        await w.services.drain();
      }
      await resolveOne(true);
      time.set(kstMidnight(today()) + 86_400_000 + 10 * HOUR);
      const closed = new Set(printed.map((p) => p.day));
      for (let day = firstDay; day <= today(); day = dayBefore(day, -1)) {
        if (!closed.has(day) || day === today()) await print(day);
      }
    },
  };
}

describe('the close across random days (issue 13 property)', () => {
  it(
    `counts each KICC-effective refund on one day's papers, and every unresolved item on every paper (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(stepArb, { minLength: 12, maxLength: 32, size: 'max' }),
          async (steps) => {
            const time = createManualTime(START);
            const w = await createWorld({
              clock: time.clock,
              verificationDeadlineMs: 2 * HOUR,
              cashierMaxAmount: 10_000_000,
            });
            try {
              const r = run(w, time);
              for (const step of steps) await r.step(step);
              await r.finish();
              const ledger = w.services.ledger;

              // the truth: KICC's standing cancellations, mapped to the app's cancellations
              const standing = new Set(
                w.sim.ledger
                  .cancellations()
                  .filter((s) => s.status === 'landed')
                  .map((s) => s.originalVanTrxNo),
              );
              const all = ledger.cancellations.list({ limit: 100_000, offset: 0 });
              const effective = new Map<number, Cancellation | (typeof all)[number]>();
              for (const c of all) {
                const receipt = ledger.receipts.get(c.receiptId);
                if (
                  receipt?.vanTrxNo &&
                  standing.has(receipt.vanTrxNo) &&
                  c.state === 'cancelled'
                ) {
                  effective.set(c.id, c);
                }
              }
              // the app agrees with KICC at the end (engine + correct resolutions)
              expect(
                all
                  .filter((c) => c.state === 'cancelled')
                  .map((c) => c.id)
                  .sort(),
              ).toEqual([...effective.keys()].sort());

              // every print, as its audit event recorded it
              const prints = ledger.audit
                .list({ kind: END_OF_DAY_PRINTED, limit: 10_000 })
                .map(
                  (row) =>
                    auditDetails(row) as { from: string; refunded: string[]; unresolved: string[] },
                );
              expect(prints).toHaveLength(r.printed.length);
              const daysCounting = new Map<string, Set<string>>();
              prints.forEach((p, i) => {
                for (const id of p.refunded) {
                  expect(
                    effective.has(Number(id)),
                    `paper ${i} (${p.from}) counts #${id} as refunded`,
                  ).toBe(true);
                  const days = daysCounting.get(id) ?? new Set<string>();
                  days.add(p.from);
                  daysCounting.set(id, days);
                }
                // every item unresolved when printed is on the paper, and in its record
                const paper = r.printed[i];
                expect(p.unresolved.map(Number)).toEqual(paper?.unresolvedThen);
                for (const id of paper?.unresolvedThen ?? []) {
                  expect(paper?.html, `paper ${i} (${p.from}) lists unresolved #${id}`).toContain(
                    `#${id} `,
                  );
                }
              });
              for (const id of effective.keys()) {
                expect([...(daysCounting.get(String(id)) ?? [])], `refund #${id}`).toHaveLength(1);
              }

              // the detail CSV of the whole period: each effective refund once as 취소 완료
              const file = join(w.engineDir, 'detail.csv');
              w.stack.dialogs.csvDestination = file;
              await w.stack.becomeManager();
              const saved = await w.stack.call('reports.exportCsv', {
                from: r.firstDay,
                to: r.today(),
                kind: 'detail',
              });
              expect(saved).toMatchObject({ ok: true, value: { saved: true } });
              const rows = Papa.parse<string[]>(readFileSync(file, 'utf8').slice(1), {
                skipEmptyLines: true,
              }).data.filter((row) => /^\d+$/.test(row[0] ?? ''));
              const refundedInCsv = rows
                .filter((row) => row[2] === '취소 완료')
                .map((row) => Number(row[0]));
              expect(refundedInCsv.sort()).toEqual([...effective.keys()].sort());
              expect(new Set(rows.map((row) => row[0])).size).toBe(rows.length);
              if (process.env.CLOSE_PROPERTY_STATS) {
                const resolved = ledger.audit.list({
                  kind: 'cancellation.resolved',
                  limit: 10_000,
                });
                const late = prints.filter(
                  (p) => ((p as { settledLate?: string[] }).settledLate ?? []).length > 0,
                );
                console.log(
                  `cancellations ${all.length} effective ${effective.size} papers ${prints.length}` +
                    ` resolved ${resolved.length} papers-with-late ${late.length}` +
                    ` unresolved-listed ${r.printed.reduce((n, p) => n + p.unresolvedThen.length, 0)}`,
                );
              }
            } finally {
              await w.close();
            }
          },
        ),
        {
          numRuns: RUNS,
          // replay a counterexample: CLOSE_PROPERTY_SEED (and CLOSE_PROPERTY_PATH) as printed
          ...replayFromEnv('CLOSE_PROPERTY'),
        },
      );
    },
    Math.max(600_000, RUNS * 20_000),
  );
});
