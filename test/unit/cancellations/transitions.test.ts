import { afterEach, describe, expect, it } from 'vitest';
import type { HoldBack } from '../../../electron/cancellations/reversalPolicy';
import { NUMBER_DRAWS } from '../../../electron/cancellations/transitions';
import type { KiccClass } from '../../../electron/kicc/outcome';
import type { Attempt } from '../../../electron/ledger/types';
import { kstDateTime, kstMidnight } from '../../../shared/kicc/time';
import type { CancelRequest } from '../../../shared/kicc/types';
import { T0, workflowHarness } from './harness';

const DAY_MS = 86_400_000;
import { transitionsWorld, type TransitionsWorld } from './transitionsWorld';

/**
 * What each step WRITES (electron/cancellations/transitions.ts): the state, the attempt rows and
 * the audit event, checked one transition at a time. Issue 9's mutation run found these steps
 * asserted only by where a cancellation ends; here the path is asserted: which attempt is open,
 * which number was drawn, what the audit event says (STYLE.md "a test of a money path asserts
 * the path").
 */
let w: TransitionsWorld;
afterEach(() => w.remove());

describe('a fresh mercTrxNo', () => {
  it('a number an earlier fresh attempt used is drawn again: the next one is taken', () => {
    const draws = ['M000001', 'M000001', 'M000001', 'M000002'];
    let drawn = 0;
    w = transitionsWorld({ newMercTrxNo: () => draws[drawn++] ?? 'M999999' });
    w.attempt(w.cancellation('in_doubt'), 'M000001');
    expect(w.transitions.freshNumber()).toBe('M000002');
    expect(drawn).toBe(4);
  });

  it(`gives up after ${NUMBER_DRAWS} draws of used numbers: a broken generator is a bug, never an endless loop`, () => {
    let drawn = 0;
    w = transitionsWorld({
      newMercTrxNo: () => {
        drawn += 1;
        if (drawn > 50) throw new Error('the loop does not end');
        return 'M000001';
      },
    });
    w.attempt(w.cancellation('in_doubt'), 'M000001');
    expect(() => w.transitions.freshNumber()).toThrow(
      'the mercTrxNo generator keeps repeating numbers already used',
    );
    expect(NUMBER_DRAWS).toBe(5);
    expect(drawn).toBe(NUMBER_DRAWS);
  });
});

describe('prepareFresh: the fresh attempt, and the cancellation pointing at it', () => {
  it('writes the attempt (new number, KST now) and makes it the OPEN one, with the audit of both', () => {
    w = transitionsWorld();
    const c = w.cancellation('in_doubt', { inDoubtSince: T0, tries: 1 });
    const lost = w.attempt(c, 'M000100');
    w.ledger.cancellations.update(c.id, { openAttemptId: lost.id }, T0);
    w.advance(60_000);
    const ready = w.write(() => w.transitions.prepareFresh(w.stored(c.id), 'verified-reversed'));
    if (ready === null) throw new Error('not built');
    const fresh = ready.attempt;
    expect(fresh).toMatchObject({
      kind: 'cancel',
      mercTrxNo: 'M000001',
      repeatsAttemptId: null,
      state: 'sending',
      sentAt: T0 + 60_000,
    });
    const body = JSON.parse(fresh.body) as CancelRequest;
    const kst = kstDateTime(T0 + 60_000);
    expect(body).toMatchObject({ mercTrxNo: 'M000001', tranDt: kst.date, tranTm: kst.time });
    expect(ready.req).toMatchObject({ mercTrxNo: 'M000001', tranDt: kst.date });
    // the open attempt is the fresh one: a crash now verifies THIS request, not the reversed one
    expect(ready.cancellation).toMatchObject({ state: 'sending', openAttemptId: fresh.id });
    expect(w.stored(c.id)).toEqual(ready.cancellation);
    expect(w.events(c.id)).toEqual([
      {
        kind: 'attempt.sent',
        detail: {
          attemptId: fresh.id,
          kind: 'cancel',
          mercTrxNo: 'M000001',
          repeatsAttemptId: null,
          reason: 'verified-reversed',
        },
      },
      {
        kind: 'cancellation.sending',
        detail: { from: 'in_doubt', attemptId: fresh.id, reason: 'verified-reversed' },
      },
    ]);
  });

  it('a request that cannot be built any more (terminal settings broken): null, nothing written', () => {
    w = transitionsWorld();
    const c = w.cancellation('in_doubt', { inDoubtSince: T0 });
    w.terminal.tid = '';
    expect(w.write(() => w.transitions.prepareFresh(c, 'verified-not-landed'))).toBeNull();
    expect(w.attempts(c.id)).toEqual([]);
    expect(w.stored(c.id)).toEqual(c);
    expect(w.events(c.id)).toEqual([]);
  });

  it('a crash during the fresh attempt verifies the FRESH request, and no third reqCancel goes', async () => {
    const h = workflowHarness();
    try {
      h.kicc.script('cancel', ['in-doubt']);
      const r = h.receipt();
      const requested = await h.workflow.request(h.input(r.id));
      if (!requested.ok) throw new Error(requested.error.code);
      const id = requested.value.id;
      // the reqRtran reverses the lost cancellation; the fresh reqCancel is sent, never answered
      h.kicc.script('net-cancel', ['ok']);
      h.kicc.hold('cancel');
      void h.workflow.work(id);
      await expect.poll(() => h.kicc.pending()).toBe(1);
      const [lost, reversal, fresh] = h.attempts(id);
      expect(h.ledger.cancellations.get(id)?.openAttemptId).toBe(fresh?.id);
      // the process dies here and starts again
      h.advance(1000);
      const after = h.restart();
      // our one reversal is spent: the fresh request is verified once KICC's window is over
      expect(await after.workflow.work(id)).toMatchObject({ state: 'in_doubt' });
      expect(after.kicc.calls).toEqual([]);
      h.setNow((fresh?.sentAt ?? 0) + 41 * 60_000);
      after.kicc.script('net-cancel', ['landed']);
      expect(await after.workflow.work(id)).toMatchObject({
        state: 'cancelled',
        note: 'verified-landed',
      });
      const verifications = h.attempts(id).filter((a) => a.kind === 'net-cancel');
      expect(reversal?.repeatsAttemptId).toBe(lost?.id);
      expect(verifications.map((v) => v.repeatsAttemptId)).toEqual([lost?.id, fresh?.id]);
      expect(after.kicc.calls).toEqual([
        expect.objectContaining({
          kind: 'net-cancel',
          req: expect.objectContaining({ mercTrxNo: fresh?.mercTrxNo }),
        }),
      ]);
    } finally {
      h.remove();
    }
  });
});

describe("recordCancelAnswer: the reqCancel's answer and its audit", () => {
  function sent(): { id: number; attempt: ReturnType<TransitionsWorld['attempt']> } {
    const c = w.cancellation('sending');
    const attempt = w.attempt(c, 'M000100');
    w.ledger.cancellations.update(c.id, { openAttemptId: attempt.id }, w.now());
    return { id: c.id, attempt };
  }

  it.each([
    ['ok', 'cancelled', '0000', null],
    ['already-cancelled', 'cancelled', 'S002', 'stood-earlier'],
  ] as const)('%s: %s, KICC code %s and note %s recorded', (cls, state, code, note) => {
    w = transitionsWorld();
    const { id, attempt } = sent();
    w.advance(2000);
    const after = w.write(() =>
      w.transitions.recordCancelAnswer(id, attempt, w.answer(attempt, cls)),
    );
    expect(after).toMatchObject({ state, note, finishedAt: T0 + 2000, nextTryAt: null });
    expect(w.stored(id).result).toMatchObject({ code });
    expect(w.events(id)).toEqual([
      {
        kind: `cancellation.${state}`,
        detail: { from: 'sending', attemptId: attempt.id, class: cls, code, note },
      },
    ]);
  });

  it('a confirmed refusal: rejected, its code in the audit', () => {
    w = transitionsWorld();
    const { id, attempt } = sent();
    w.write(() => w.transitions.recordCancelAnswer(id, attempt, w.answer(attempt, 'rejected')));
    expect(w.stored(id)).toMatchObject({ state: 'rejected', note: null });
    expect(w.events(id)).toEqual([
      {
        kind: 'cancellation.rejected',
        detail: { from: 'sending', attemptId: attempt.id, class: 'rejected', code: 'S001' },
      },
    ]);
  });

  it('a refusal to a request sent 2 minutes before KST midnight: queued until 5 minutes after it, the refused attempt open, why said', () => {
    w = transitionsWorld();
    const midnight = kstMidnight(kstDateTime(T0).date) + DAY_MS;
    w.advance(midnight - 2 * 60_000 - T0);
    const { id, attempt } = sent();
    w.advance(1000);
    w.write(() => w.transitions.recordCancelAnswer(id, attempt, w.answer(attempt, 'rejected')));
    expect(w.stored(id)).toMatchObject({
      state: 'queued',
      openAttemptId: attempt.id,
      inDoubtSince: null,
      tries: 1,
      nextTryAt: midnight + 5 * 60_000,
      finishedAt: null,
    });
    expect(w.events(id)).toEqual([
      {
        kind: 'cancellation.queued',
        detail: {
          from: 'sending',
          attemptId: attempt.id,
          class: 'rejected',
          code: 'S001',
          why: 'refused-at-day-edge',
        },
      },
    ]);
  });

  it('the same refusal answered 10 minutes after midnight: due at once; a second one is rejected', () => {
    w = transitionsWorld();
    const midnight = kstMidnight(kstDateTime(T0).date) + DAY_MS;
    w.advance(midnight - 60 * 60_000 - T0); // sent at 23:00 KST
    const { id, attempt } = sent();
    w.advance(70 * 60_000); // answered at 00:10
    w.write(() => w.transitions.recordCancelAnswer(id, attempt, w.answer(attempt, 'rejected')));
    expect(w.stored(id)).toMatchObject({ state: 'queued', nextTryAt: w.now() });
    const again = w.attempt(w.stored(id), 'M000200');
    w.ledger.cancellations.update(id, { state: 'sending', openAttemptId: again.id }, w.now());
    w.write(() => w.transitions.recordCancelAnswer(id, again, w.answer(again, 'rejected')));
    expect(w.stored(id)).toMatchObject({ state: 'rejected' });
  });

  it('not sent: queued, the same attempt open, no code (null) in the audit', () => {
    w = transitionsWorld();
    const { id, attempt } = sent();
    w.write(() => w.transitions.recordCancelAnswer(id, attempt, w.answer(attempt, 'not-sent')));
    expect(w.stored(id)).toMatchObject({
      state: 'queued',
      openAttemptId: attempt.id,
      tries: 1,
      nextTryAt: T0 + 1000,
    });
    expect(w.events(id)).toEqual([
      {
        kind: 'cancellation.queued',
        detail: { from: 'sending', attemptId: attempt.id, class: 'not-sent', code: null },
      },
    ]);
  });

  it('a RESEND refused 401: queued untouched (no try counted), due when the pause lifts', () => {
    w = transitionsWorld();
    const c = w.cancellation('sending', { tries: 2, nextTryAt: T0 - 5000 });
    const first = w.attempt(c, 'M000100');
    const resend = w.attempt(c, 'M000100', first);
    w.ledger.cancellations.update(c.id, { openAttemptId: resend.id }, T0);
    w.advance(3000);
    w.write(() => w.transitions.recordCancelAnswer(c.id, resend, w.answer(resend, 'auth')));
    expect(w.stored(c.id)).toMatchObject({
      state: 'queued',
      openAttemptId: resend.id,
      tries: 2,
      nextTryAt: T0 - 5000, // its due time, kept: not pushed back
    });
  });

  it('a RESEND refused 401 with no due time recorded: due now, never lost', () => {
    w = transitionsWorld();
    const c = w.cancellation('sending', { tries: 2, inDoubtSince: T0 - 1 });
    const first = w.attempt(c, 'M000100');
    const resend = w.attempt(c, 'M000100', first);
    w.advance(3000);
    w.write(() => w.transitions.recordCancelAnswer(c.id, resend, w.answer(resend, 'auth')));
    expect(w.stored(c.id)).toMatchObject({
      state: 'queued',
      openAttemptId: resend.id,
      inDoubtSince: null,
      tries: 2,
      nextTryAt: T0 + 3000,
    });
  });

  it("S005 to a first send: a fresh number in the same transaction, reason 'number-taken'", () => {
    w = transitionsWorld();
    const { id, attempt } = sent();
    const ready = w.write(() =>
      w.transitions.recordCancelAnswer(id, attempt, w.answer(attempt, 'duplicate')),
    );
    if (!('attempt' in ready)) throw new Error('no fresh attempt');
    expect(ready.attempt).toMatchObject({ mercTrxNo: 'M000001', repeatsAttemptId: null });
    expect(w.events(id).map((e) => e.detail.reason)).toEqual(['number-taken', 'number-taken']);
  });

  it('S005 to a first send when the request cannot be built: a manager, KICC code kept, why said', () => {
    w = transitionsWorld();
    const { id, attempt } = sent();
    w.terminal.tid = '';
    w.write(() => w.transitions.recordCancelAnswer(id, attempt, w.answer(attempt, 'duplicate')));
    expect(w.stored(id)).toMatchObject({ state: 'needs_review', note: 'unexpected-answer' });
    expect(w.stored(id).result.code).toBe('S005');
    expect(w.events(id)).toEqual([
      {
        kind: 'cancellation.needs_review',
        detail: {
          from: 'sending',
          note: 'unexpected-answer',
          attemptId: attempt.id,
          class: 'duplicate',
          code: 'S005',
          why: 'unbuildable',
        },
      },
    ]);
  });

  it('S006 on reqCancel: a manager, the note and the answer in the audit', () => {
    w = transitionsWorld();
    const { id, attempt } = sent();
    w.write(() => w.transitions.recordCancelAnswer(id, attempt, w.answer(attempt, 'not-found')));
    expect(w.stored(id)).toMatchObject({ state: 'needs_review', note: 'unexpected-answer' });
    expect(w.events(id)).toEqual([
      {
        kind: 'cancellation.needs_review',
        detail: {
          from: 'sending',
          note: 'unexpected-answer',
          attemptId: attempt.id,
          class: 'not-found',
          code: 'S006',
        },
      },
    ]);
  });
});

describe('S002 while another receipt of the same payment holds a cancellation (issue 13)', () => {
  /** the same payment entered twice (VAN number and merchant number, as older ledgers allowed) */
  function twice(otherState: 'cancelled' | 'rejected') {
    const payment = { aprvNo: '87654321', aprvDt: '20240105' };
    const other = w.cancellation(otherState, {}, payment);
    const c = w.cancellation('sending', {}, payment);
    const attempt = w.attempt(c, 'M000100');
    w.ledger.cancellations.update(c.id, { openAttemptId: attempt.id }, w.now());
    return { other, id: c.id, attempt };
  }

  it("is not counted twice: a manager, note 'already-cancelled-elsewhere', the other one named", () => {
    w = transitionsWorld();
    const { other, id, attempt } = twice('cancelled');
    w.write(() =>
      w.transitions.recordCancelAnswer(id, attempt, w.answer(attempt, 'already-cancelled')),
    );
    expect(w.stored(id)).toMatchObject({
      state: 'needs_review',
      note: 'already-cancelled-elsewhere',
    });
    expect(w.stored(id).result.code).toBe('S002');
    expect(w.events(id)).toEqual([
      {
        kind: 'cancellation.needs_review',
        detail: {
          from: 'sending',
          attemptId: attempt.id,
          class: 'already-cancelled',
          code: 'S002',
          note: 'already-cancelled-elsewhere',
          elsewhere: other.id,
        },
      },
    ]);
  });

  it('the other one rejected: nothing stands there, S002 is our earlier one (stood-earlier)', () => {
    w = transitionsWorld();
    const { id, attempt } = twice('rejected');
    w.write(() =>
      w.transitions.recordCancelAnswer(id, attempt, w.answer(attempt, 'already-cancelled')),
    );
    expect(w.stored(id)).toMatchObject({ state: 'cancelled', note: 'stood-earlier' });
  });

  it('0000 is our own refund: cancelled, whatever another receipt holds', () => {
    w = transitionsWorld();
    const { id, attempt } = twice('cancelled');
    w.write(() => w.transitions.recordCancelAnswer(id, attempt, w.answer(attempt, 'ok')));
    expect(w.stored(id)).toMatchObject({ state: 'cancelled', note: null });
  });
});

describe("recordVerification: the reqRtran's answer about the lost request", () => {
  /** what the audit says of a verification's answer */
  const said = (
    check: Attempt,
    cls: KiccClass,
    code: string | null,
    holdBack: HoldBack | null = null,
  ) => ({
    verificationId: check.id,
    class: cls,
    code,
    holdBack,
  });

  function lostAndChecked() {
    const c = w.cancellation('in_doubt', { inDoubtSince: T0, tries: 1 });
    const lost = w.attempt(c, 'M000100');
    w.ledger.cancellations.update(c.id, { openAttemptId: lost.id }, T0);
    return { id: c.id, lost, check: w.verification(lost) };
  }

  it.each([
    ['ok', '0000', 'verified-reversed'],
    ['not-found', 'S006', 'verified-not-landed'],
  ] as const)('%s: a fresh attempt, reason %s', (cls, code, reason) => {
    w = transitionsWorld();
    const { id, check } = lostAndChecked();
    const ready = w.write(() =>
      w.transitions.recordVerification(id, check, w.answer(check, cls), null),
    );
    if (!('attempt' in ready)) throw new Error('no fresh attempt');
    expect(ready.cancellation).toMatchObject({ state: 'sending', openAttemptId: ready.attempt.id });
    expect(w.events(id)).toEqual([
      expect.objectContaining({
        kind: 'attempt.sent',
        detail: expect.objectContaining({ reason }),
      }),
      {
        kind: 'cancellation.sending',
        detail: { from: 'in_doubt', attemptId: ready.attempt.id, reason },
      },
    ]);
    expect(w.attempts(id).find((a) => a.id === check.id)).toMatchObject({ class: cls, code });
  });

  it("S007: cancelled, note 'verified-landed' on the row and in the audit", () => {
    w = transitionsWorld();
    const { id, check } = lostAndChecked();
    w.write(() => w.transitions.recordVerification(id, check, w.answer(check, 'landed'), null));
    expect(w.stored(id)).toMatchObject({ state: 'cancelled', note: 'verified-landed' });
    expect(w.stored(id).result.code).toBe('S007');
    expect(w.events(id)).toEqual([
      {
        kind: 'cancellation.cancelled',
        detail: {
          from: 'in_doubt',
          ...said(check, 'landed', 'S007'),
          note: 'verified-landed',
        },
      },
    ]);
  });

  it('in doubt again: verified again after the back-off, one more try', () => {
    w = transitionsWorld();
    const { id, check } = lostAndChecked();
    w.advance(500);
    w.write(() => w.transitions.recordVerification(id, check, w.answer(check, 'in-doubt'), null));
    expect(w.stored(id)).toMatchObject({
      state: 'in_doubt',
      inDoubtSince: T0,
      tries: 2,
      nextTryAt: T0 + 500 + 2000,
    });
    expect(w.events(id)).toEqual([
      {
        kind: 'cancellation.in_doubt',
        detail: {
          from: 'in_doubt',
          ...said(check, 'in-doubt', null),
        },
      },
    ]);
  });

  it('401: the item untouched, the refusal in the audit', () => {
    w = transitionsWorld();
    const { id, check } = lostAndChecked();
    const before = w.stored(id);
    w.write(() => w.transitions.recordVerification(id, check, w.answer(check, 'auth'), null));
    expect(w.stored(id)).toEqual(before);
    expect(w.events(id)).toEqual([
      {
        kind: 'verification.auth-refused',
        detail: said(check, 'auth', null),
      },
    ]);
  });

  it('a held-back reqRtran that reversed after all: a manager, why in the audit', () => {
    w = transitionsWorld();
    const { id, check } = lostAndChecked();
    w.write(() =>
      w.transitions.recordVerification(id, check, w.answer(check, 'ok'), 'reversal-limit'),
    );
    expect(w.stored(id)).toMatchObject({ state: 'needs_review', note: 'reversal-limit' });
    expect(w.events(id)).toEqual([
      {
        kind: 'cancellation.needs_review',
        detail: {
          from: 'in_doubt',
          note: 'reversal-limit',
          ...said(check, 'ok', '0000', 'reversal-limit'),
        },
      },
    ]);
  });
});

describe('current', () => {
  it('a cancellation that vanished mid-step is a bug, said loudly', () => {
    w = transitionsWorld();
    expect(() => w.transitions.current(4242)).toThrow('cancellation 4242 vanished');
  });
});
