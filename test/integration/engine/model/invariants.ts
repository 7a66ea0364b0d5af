import { expect } from 'vitest';
import type { KiccSimulator } from '../../../../electron/kicc/simulator/server';
import type { Ledger } from '../../../../electron/ledger/ledger';
import type { CancellationNote, CancellationState } from '../../../../electron/ledger/types';

/**
 * Issue 9's rule, as invariants over the app's ledger and the simulator's books (KICC's truth),
 * checked after EVERY step of the model, under every KICC profile:
 *
 * - never two effective cancellations of one original, at KICC or in the app;
 * - `cancelled` only while a cancellation stands at KICC (ours, or another's when "it stood
 *   earlier"), and never changes once said;
 * - `rejected` ("not refunded") only when no cancellation of ours stands and the original is not
 *   cancelled, at the moment it is said;
 * - `needs_review` only with a note that says why, and KICC's code of the deciding answer kept;
 * - at most one reversal of our own per cancellation, and never one of someone else's payment;
 * - outbox: whatever KICC holds under our terminal was sent under an attempt the app recorded.
 */
export interface Books {
  /** cancellation id -> the final state it was first seen in */
  finalSeen: Map<number, CancellationState>;
  /** mercTrxNos another terminal of the store used (the model's CancelElsewhere) */
  elsewhere: Set<string>;
}

export interface BookReceipt {
  id: string;
  vanTrxNo: string;
}

const FINAL: readonly CancellationState[] = ['cancelled', 'rejected', 'needs_review'];

const REVIEW_NOTES: ReadonlySet<CancellationNote> = new Set<CancellationNote>([
  'verification-deadline',
  'unexpected-answer',
  'unknown-code',
  'refused-after-reversal',
  'reversal-not-safe',
  'reversal-limit',
  'window-after-unanswered-reversal',
  'unanswered-cancels',
]);

/** needs_review decided by a KICC answer: its respCd must be on the row */
const DECIDED_BY_AN_ANSWER: ReadonlySet<string> = new Set<CancellationNote>([
  'unknown-code',
  'refused-after-reversal',
  'reversal-not-safe',
  'reversal-limit',
  'window-after-unanswered-reversal',
]);

export function checkStep(
  ledger: Ledger,
  sim: KiccSimulator,
  receipts: readonly BookReceipt[],
  books: Books,
): void {
  const all = ledger.cancellations.list({ limit: 1_000_000, offset: 0 });
  const kiccCancellations = sim.ledger.cancellations();
  const netCancels = sim.ledger.netCancels();
  // a reqRtran of ours never reverses an approval: those are payments (someone else's, under a
  // number they own: issue 9, sequence 5)
  expect(
    netCancels.filter((n) => n.target === 'approval'),
    'a payment was reversed',
  ).toEqual([]);

  receipts.forEach((r, index) => {
    const original = sim.ledger.original(r.vanTrxNo);
    const atKicc = kiccCancellations.filter((c) => c.originalVanTrxNo === r.vanTrxNo);
    const standing = atKicc.filter((c) => c.status === 'landed');
    expect(standing.length, `receipt ${index}: standing cancellations at KICC`).toBeLessThanOrEqual(
      1,
    );
    const ours = all.filter((c) => c.receiptId === Number(r.id));
    expect(
      ours.filter((c) => c.state !== 'rejected').length,
      `receipt ${index}: live cancellations in the app`,
    ).toBeLessThanOrEqual(1);
    const numbersOfReceipt = new Set<string>();

    for (const c of ours) {
      const attempts = ledger.attempts.forCancellation(c.id);
      const numbers = new Set(attempts.filter((a) => a.kind === 'cancel').map((a) => a.mercTrxNo));
      for (const n of numbers) numbersOfReceipt.add(n);
      const what = `receipt ${index}, cancellation ${c.id} (${c.state}${c.note ? `, ${c.note}` : ''})`;
      const reversals = netCancels.filter(
        (n) => n.target === 'cancellation' && numbers.has(n.mercTrxNo),
      );
      expect(reversals.length, `${what}: reversals of our own`).toBeLessThanOrEqual(1);
      const oursStands = standing.some((s) => numbers.has(s.mercTrxNo));

      if (c.state === 'cancelled') {
        expect(original?.status, `${what}: "cancelled" but KICC says`).toBe('cancelled');
        if (c.note !== 'stood-earlier') expect(oursStands, `${what}: ours stands`).toBe(true);
      }
      const seen = books.finalSeen.get(c.id);
      if (seen !== undefined) {
        expect(c.state, `${what}: a final state changed`).toBe(seen);
        continue;
      }
      if (!FINAL.includes(c.state)) continue;
      books.finalSeen.set(c.id, c.state);
      if (c.state === 'rejected') {
        expect(oursStands, `${what}: "not refunded" while ours stands`).toBe(false);
        expect(original?.status, `${what}: "not refunded" while KICC says`).toBe('approved');
      }
      if (c.state === 'needs_review') {
        expect(REVIEW_NOTES.has(c.note as CancellationNote), `${what}: a reason`).toBe(true);
        if (DECIDED_BY_AN_ANSWER.has(c.note ?? '')) {
          expect(c.result.code, `${what}: KICC's code kept`).not.toBeNull();
        }
      }
    }

    // outbox: every cancellation KICC holds for this original was sent under a recorded attempt
    // of ours, or by another terminal of the store
    for (const k of atKicc) {
      if (books.elsewhere.has(k.mercTrxNo)) continue;
      expect([...numbersOfReceipt], `receipt ${index}: KICC's ${k.mercTrxNo} is ours`).toContain(
        k.mercTrxNo,
      );
    }
  });
}

/** At quiescence: every cancellation final, nothing in flight, no accepted request lost. */
export function checkAtQuiescence(
  ledger: Ledger,
  sim: KiccSimulator,
  receipts: readonly BookReceipt[],
  accepted: ReadonlySet<number>,
): void {
  expect(ledger.attempts.sending(), 'attempts left sending').toEqual([]);
  const all = ledger.cancellations.list({ limit: 1_000_000, offset: 0 });
  for (const c of all) expect(FINAL, `cancellation ${c.id} is final`).toContain(c.state);
  receipts.forEach((r, index) => {
    const ours = all.filter((c) => c.receiptId === Number(r.id));
    const live = ours.find((c) => c.state !== 'rejected');
    // every original in the model can be cancelled: an accepted request ends cancelled, or with a
    // manager where the engine could not tell; never as a refusal (the cancellation lost)
    if (accepted.has(index)) expect(live?.state, `accepted receipt ${index}`).toBeDefined();
    if (live === undefined) {
      const standing = sim.ledger
        .cancellations()
        .filter((k) => k.originalVanTrxNo === r.vanTrxNo && k.status === 'landed');
      const numbers = new Set(
        ours.flatMap((c) => ledger.attempts.forCancellation(c.id).map((a) => a.mercTrxNo)),
      );
      expect(
        standing.filter((s) => numbers.has(s.mercTrxNo)),
        `receipt ${index}`,
      ).toEqual([]);
    }
  });
}
