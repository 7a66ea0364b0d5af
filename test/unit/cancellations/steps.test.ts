import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KiccClass } from '../../../electron/kicc/outcome';
import type { Cancellation, CancellationState } from '../../../electron/ledger/types';
import type { CancelRequest, NetCancelRequest } from '../../../shared/kicc/types';
import { DEADLINE_MS, T0, workflowHarness, type WorkflowHarness } from './harness';

/**
 * Every class of the client on every step of a cancellation's life (DESIGN.md "A
 * cancellation's life", KICC-API.md's verification table), against a scripted KICC.
 */
let h: WorkflowHarness;
beforeEach(() => {
  h = workflowHarness();
});
afterEach(() => h.remove());

async function requested(): Promise<Cancellation> {
  const r = h.receipt();
  const result = await h.workflow.request(h.input(r.id));
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

/** A cancellation in_doubt about its first attempt. */
async function inDoubt(): Promise<Cancellation> {
  h.kicc.script('cancel', ['in-doubt']);
  const c = await requested();
  expect(c.state).toBe('in_doubt');
  return c;
}

async function queued(): Promise<Cancellation> {
  h.kicc.script('cancel', ['not-sent']);
  const c = await requested();
  expect(c.state).toBe('queued');
  return c;
}

const stored = (id: number) => {
  const c = h.ledger.cancellations.get(id);
  if (c === null) throw new Error('gone');
  return c;
};

/** a refused redo after our own reversal (issue 9, sequence 2) */
const refusedAfterReversal = {
  cls: 'rejected',
  state: 'needs_review',
  note: 'refused-after-reversal',
  signal: 'online',
} as const;

interface CancelCase {
  cls: KiccClass;
  state: CancellationState;
  note: string | null;
  signal: 'online' | 'offline' | 'auth';
}

const AFTER_CANCEL: CancelCase[] = [
  { cls: 'ok', state: 'cancelled', note: null, signal: 'online' },
  { cls: 'already-cancelled', state: 'cancelled', note: 'stood-earlier', signal: 'online' },
  { cls: 'rejected', state: 'rejected', note: null, signal: 'online' },
  { cls: 'not-sent', state: 'queued', note: null, signal: 'offline' },
  { cls: 'auth', state: 'queued', note: null, signal: 'auth' },
  { cls: 'in-doubt', state: 'in_doubt', note: null, signal: 'online' },
  { cls: 'retryable', state: 'in_doubt', note: null, signal: 'online' },
  { cls: 'not-found', state: 'needs_review', note: 'unexpected-answer', signal: 'online' },
  { cls: 'landed', state: 'needs_review', note: 'unexpected-answer', signal: 'online' },
];

describe('the first reqCancel', () => {
  it.each(AFTER_CANCEL)('$cls -> $state', async ({ cls, state, note, signal }) => {
    h.kicc.script('cancel', [cls]);
    const c = await requested();
    expect(c.state).toBe(state);
    expect(c.note).toBe(note);
    expect(h.signals).toEqual([signal]);
    const [attempt, ...more] = h.attempts(c.id);
    expect(more).toEqual([]);
    expect(attempt).toMatchObject({ kind: 'cancel', class: cls, repeatsAttemptId: null });
    expect(attempt?.state).not.toBe('sending');
    // the stored body is the one the client sent, and its mercTrxNo is the attempt's
    expect(JSON.parse(attempt?.body ?? '')).toMatchObject({ mercTrxNo: attempt?.mercTrxNo });
    expect(c.openAttemptId).toBe(attempt?.id);
    if (state === 'queued' || state === 'in_doubt') {
      expect(c.nextTryAt).toBeGreaterThan(T0);
      expect(c.finishedAt).toBeNull();
    } else {
      expect(c.finishedAt).toBe(T0);
      expect(c.nextTryAt).toBeNull();
    }
    expect(c.inDoubtSince).toBe(state === 'in_doubt' ? T0 : null);
  });

  it('sends tranDt/tranTm in Korea time and the receipt as the original (wcc T)', async () => {
    const c = await requested();
    const req = h.kicc.calls[0]?.req as CancelRequest;
    expect(req).toMatchObject({
      tranDt: '20240105',
      tranTm: '101500',
      wcc: 'T',
      cndTrxNo: c.target.cndTrxNo,
      orgAprvNo: c.target.orgAprvNo,
      trxAmt: 10000,
      vatAmt: 909,
      svcAmt: 0,
    });
  });

  it('records KICC answer data on the cancelled record', async () => {
    const c = await requested();
    expect(c.result).toMatchObject({
      code: '0000',
      aprvNo: '12345678',
      cardConfirmNo: '1234-56**-****-1234',
    });
  });

  it('uses the original mercTrxNo (wcc G) when the receipt has no vanTrxNo', async () => {
    const r = h.receipt({ vanTrxNo: null, mercTrxNo: 'ORD_ONLY_G' });
    await h.workflow.request(h.input(r.id));
    expect(h.kicc.calls[0]?.req).toMatchObject({ wcc: 'G', cndTrxNo: 'ORD_ONLY_G' });
  });
});

describe('a queued cancellation resent by the queue', () => {
  it.each(AFTER_CANCEL)('resend answered $cls -> $state', async ({ cls, state, note }) => {
    const c = await queued();
    const first = h.attempts(c.id)[0];
    h.kicc.script('cancel', [cls]);
    h.advance(5000);
    const after = await h.workflow.work(c.id);
    expect(after?.state).toBe(state);
    expect(after?.note).toBe(note);
    const [, resend] = h.attempts(c.id);
    // the SAME request: same mercTrxNo, same body (same tranDt/tranTm), pointing at the first
    expect(resend).toMatchObject({
      kind: 'cancel',
      mercTrxNo: first?.mercTrxNo,
      body: first?.body,
      repeatsAttemptId: first?.id,
      class: cls,
    });
  });

  it('resends the same request again after a second not-sent, with longer back-off', async () => {
    const c = await queued();
    h.kicc.script('cancel', ['not-sent', 'ok']);
    const second = await h.workflow.work(c.id);
    expect(second?.state).toBe('queued');
    expect(second?.tries).toBe(2);
    expect((second?.nextTryAt ?? 0) - T0).toBe(2000);
    const third = await h.workflow.work(c.id);
    expect(third?.state).toBe('cancelled');
    const attempts = h.attempts(c.id);
    expect(new Set(attempts.map((a) => a.mercTrxNo)).size).toBe(1);
    expect(attempts.map((a) => a.repeatsAttemptId)).toEqual([
      null,
      attempts[0]?.id,
      attempts[0]?.id,
    ]);
  });
});

describe('verifying an in-doubt cancellation (KICC-API.md table)', () => {
  it('repeats the lost request exactly: its mercTrxNo, amounts, alotMonth, tranDt, tranTm, no tokenKey', async () => {
    const c = await inDoubt();
    const lost = h.kicc.calls[0]?.req as CancelRequest;
    h.kicc.script('net-cancel', ['not-sent']);
    h.advance(86_400_000); // a day later: the verification still carries the lost day's data
    await h.workflow.work(c.id);
    const verification = h.kicc.calls[1];
    expect(verification?.kind).toBe('net-cancel');
    expect(verification?.req).toEqual({
      tid: lost.tid,
      svcId: lost.svcId,
      bizrNo: lost.bizrNo,
      mercTrxNo: lost.mercTrxNo,
      alotMonth: lost.alotMonth,
      trxAmt: lost.trxAmt,
      vatAmt: lost.vatAmt,
      svcAmt: lost.svcAmt,
      tranDt: lost.tranDt,
      tranTm: lost.tranTm,
    } satisfies NetCancelRequest);
    expect(h.attempts(c.id)[1]).toMatchObject({
      kind: 'net-cancel',
      repeatsAttemptId: h.attempts(c.id)[0]?.id,
    });
  });

  it.each<[KiccClass, CancellationState, string | null]>([
    ['ok', 'cancelled', null], // reversed -> fresh attempt -> 0000
    ['not-found', 'cancelled', null], // never landed -> fresh attempt -> 0000
    ['landed', 'cancelled', 'verified-landed'],
    ['rejected', 'needs_review', 'unexpected-answer'],
    ['already-cancelled', 'needs_review', 'unexpected-answer'],
    ['duplicate', 'needs_review', 'unexpected-answer'],
  ])('verification %s -> %s', async (cls, state, note) => {
    const c = await inDoubt();
    h.kicc.script('net-cancel', [cls]);
    const after = await h.workflow.work(c.id);
    expect(after?.state).toBe(state);
    expect(after?.note).toBe(note);
    const fresh = cls === 'ok' || cls === 'not-found';
    expect(h.kicc.calls.map((x) => x.kind)).toEqual(
      fresh ? ['cancel', 'net-cancel', 'cancel'] : ['cancel', 'net-cancel'],
    );
  });

  it.each<[KiccClass, CancellationState]>([
    ['not-sent', 'cancelled'],
    // an unanswered reqRtran may have reversed it: a later S007 cannot tell (issue 9, sequence 4)
    ['in-doubt', 'needs_review'],
    ['retryable', 'needs_review'],
  ])(
    'verification %s -> still in_doubt, verified again later with back-off; then S007 -> %s',
    async (cls, final) => {
      const c = await inDoubt();
      h.kicc.script('net-cancel', [cls]);
      h.advance(1000);
      const after = await h.workflow.work(c.id);
      expect(after).toMatchObject({
        state: 'in_doubt',
        tries: 2,
        openAttemptId: c.openAttemptId,
        inDoubtSince: T0,
      });
      expect(after?.nextTryAt).toBe(T0 + 1000 + 2000);
      // the next verification is about the same lost attempt
      h.kicc.script('net-cancel', ['landed']);
      expect((await h.workflow.work(c.id))?.state).toBe(final);
      expect(h.kicc.calls[2]?.req.mercTrxNo).toBe(h.kicc.calls[0]?.req.mercTrxNo);
      if (final === 'needs_review') {
        expect(stored(c.id)).toMatchObject({
          note: 'window-after-unanswered-reversal',
          result: { code: 'S007' },
        });
      }
    },
  );

  it('verification auth -> the item is untouched, the queue is told to pause', async () => {
    const c = await inDoubt();
    const before = stored(c.id);
    h.kicc.script('net-cancel', ['auth']);
    const after = await h.workflow.work(c.id);
    expect(h.signals.at(-1)).toBe('auth');
    expect(after).toMatchObject({
      state: 'in_doubt',
      tries: before.tries,
      nextTryAt: before.nextTryAt,
      openAttemptId: before.openAttemptId,
    });
  });
});

describe('the fresh attempt after a verification', () => {
  it('has a NEW mercTrxNo and the Korea date of the moment it is sent (after midnight)', async () => {
    const c = await inDoubt(); // 2024-01-05 10:15 KST
    h.setNow(Date.UTC(2024, 0, 5, 15, 0, 30)); // 2024-01-06 00:00:30 KST
    h.kicc.script('net-cancel', ['not-found']);
    await h.workflow.work(c.id);
    const lost = h.kicc.calls[0]?.req as CancelRequest;
    const fresh = h.kicc.calls[2]?.req as CancelRequest;
    expect(fresh.mercTrxNo).not.toBe(lost.mercTrxNo);
    expect(fresh).toMatchObject({ tranDt: '20240106', tranTm: '000030' });
    expect(lost).toMatchObject({ tranDt: '20240105' });
    // everything about the original is the same
    const { mercTrxNo: _a, tranDt: _b, tranTm: _c, ...sameLost } = lost;
    const { mercTrxNo: _d, tranDt: _e, tranTm: _f, ...sameFresh } = fresh;
    expect(sameFresh).toEqual(sameLost);
    expect(h.attempts(c.id)[2]).toMatchObject({
      kind: 'cancel',
      repeatsAttemptId: null,
      mercTrxNo: fresh.mercTrxNo,
    });
  });

  it.each([
    ...AFTER_CANCEL.map((row) => ({ ...row, verified: 'not-found' as const, how: 'never landed' })),
    ...AFTER_CANCEL.map((row) => ({
      ...(row.cls === 'rejected' ? refusedAfterReversal : row),
      verified: 'ok' as const,
      how: 'was reversed by us',
    })),
  ])(
    'fresh attempt (the lost one $how) answered $cls -> $state $note',
    async ({ cls, state, note, verified }) => {
      const c = await inDoubt();
      h.kicc.script('net-cancel', [verified]);
      h.kicc.script('cancel', [cls]);
      const after = await h.workflow.work(c.id);
      expect(after?.state).toBe(state);
      expect(after?.note).toBe(note);
      const fresh = h.attempts(c.id)[2];
      if (state === 'queued' || state === 'in_doubt') expect(after?.openAttemptId).toBe(fresh?.id);
      if (state === 'needs_review') expect(after?.result.code).not.toBeNull();
    },
  );

  it("S005 on a fresh attempt's first send: another number, never a reqRtran on it", async () => {
    const c = await inDoubt();
    h.kicc.script('net-cancel', ['not-found']);
    h.kicc.script('cancel', ['duplicate', 'ok']);
    const after = await h.workflow.work(c.id);
    expect(after?.state).toBe('cancelled');
    expect(h.kicc.calls.map((x) => x.kind)).toEqual(['cancel', 'net-cancel', 'cancel', 'cancel']);
    const [, , taken, next] = h.attempts(c.id);
    expect(taken).toMatchObject({ class: 'duplicate', code: 'S005', repeatsAttemptId: null });
    expect(next).toMatchObject({ class: 'ok', repeatsAttemptId: null });
    expect(next?.mercTrxNo).not.toBe(taken?.mercTrxNo);
  });

  it('a fresh attempt that could not be sent is resent as the same fresh request', async () => {
    const c = await inDoubt();
    h.kicc.script('net-cancel', ['ok']);
    h.kicc.script('cancel', ['not-sent', 'ok']);
    expect((await h.workflow.work(c.id))?.state).toBe('queued');
    expect((await h.workflow.work(c.id))?.state).toBe('cancelled');
    const [, , fresh, resend] = h.attempts(c.id);
    expect(resend).toMatchObject({
      mercTrxNo: fresh?.mercTrxNo,
      body: fresh?.body,
      repeatsAttemptId: fresh?.id,
    });
  });
});

describe('the verification deadline', () => {
  it('hands an in-doubt cancellation to a manager once the deadline passes, without a call', async () => {
    const c = await inDoubt();
    h.advance(DEADLINE_MS);
    const after = await h.workflow.work(c.id);
    expect(after).toMatchObject({ state: 'needs_review', note: 'verification-deadline' });
    expect(h.kicc.calls).toHaveLength(1);
  });

  it('sweeps every in-doubt item past the deadline, and nothing else', async () => {
    const a = await inDoubt();
    h.advance(DEADLINE_MS / 2);
    const b = await inDoubt();
    h.advance(DEADLINE_MS / 2);
    expect(h.workflow.expireDeadlines()).toBe(1);
    expect(stored(a.id).state).toBe('needs_review');
    expect(stored(b.id).state).toBe('in_doubt');
  });

  it('counts from the first doubt, through fresh attempts that end in doubt again', async () => {
    const c = await inDoubt();
    h.advance(1000);
    h.kicc.script('net-cancel', ['not-found']);
    h.kicc.script('cancel', ['in-doubt']);
    const after = await h.workflow.work(c.id);
    expect(after).toMatchObject({ state: 'in_doubt', inDoubtSince: T0 });
  });
});

describe('work()', () => {
  it('does nothing for a final cancellation or one already being worked', async () => {
    const c = await requested();
    expect(await h.workflow.work(c.id)).toBeNull();
    const d = await inDoubt();
    h.kicc.hold();
    const first = h.workflow.work(d.id);
    expect(h.workflow.isBusy(d.id)).toBe(true);
    expect(await h.workflow.work(d.id)).toBeNull();
    h.kicc.release();
    expect((await first)?.state).toBe('cancelled');
    expect(h.kicc.calls.filter((x) => x.kind === 'net-cancel')).toHaveLength(1);
  });

  it('announces every committed change, the sending one first', async () => {
    h.kicc.script('cancel', ['in-doubt']);
    const c = await requested();
    expect(h.changes.map((x) => x.state)).toEqual(['sending', 'in_doubt']);
    h.changes.length = 0;
    await h.workflow.work(c.id);
    expect(h.changes.map((x) => x.state)).toEqual(['sending', 'cancelled']);
  });
});

describe('at most one reversal of ours (issue 9)', () => {
  it("a fresh attempt in doubt after our reversal is verified only once KICC's window is over", async () => {
    const c = await inDoubt();
    h.kicc.script('net-cancel', ['ok']); // our one reversal
    h.kicc.script('cancel', ['in-doubt']); // the redo's answer is lost too
    expect((await h.workflow.work(c.id))?.state).toBe('in_doubt');
    const fresh = h.attempts(c.id)[2];
    // due by its back-off, yet held back: no reqRtran may reverse a second time
    h.advance(5_000);
    const held = await h.workflow.work(c.id);
    expect(held).toMatchObject({
      state: 'in_doubt',
      nextTryAt: (fresh?.sentAt ?? 0) + 41 * 60_000,
    });
    expect(h.kicc.calls.map((x) => x.kind)).toEqual(['cancel', 'net-cancel', 'cancel']);
    // after the window the reqRtran tells, and S007 settles it
    h.setNow((fresh?.sentAt ?? 0) + 41 * 60_000);
    h.kicc.script('net-cancel', ['landed']);
    expect(await h.workflow.work(c.id)).toMatchObject({
      state: 'cancelled',
      note: 'verified-landed',
    });
    expect(h.attempts(c.id).at(-1)).toMatchObject({
      kind: 'net-cancel',
      repeatsAttemptId: fresh?.id,
    });
  });

  it("the late reqRtran reversed after all (KICC's window longer than assumed): a manager, no third cancel", async () => {
    const c = await inDoubt();
    h.kicc.script('net-cancel', ['ok', 'ok']);
    h.kicc.script('cancel', ['in-doubt']);
    await h.workflow.work(c.id);
    h.advance(41 * 60_000);
    const after = await h.workflow.work(c.id);
    expect(after).toMatchObject({
      state: 'needs_review',
      note: 'reversal-limit',
      result: { code: '0000' },
    });
    expect(h.kicc.calls.map((x) => x.kind)).toEqual([
      'cancel',
      'net-cancel',
      'cancel',
      'net-cancel',
    ]);
  });

  it('the deadline while still held back says why: reversal-limit, not only "out of time"', async () => {
    h.remove();
    h = workflowHarness({ verificationDeadlineMs: 10 * 60_000 });
    const c = await inDoubt();
    h.kicc.script('net-cancel', ['ok']);
    h.kicc.script('cancel', ['in-doubt']);
    await h.workflow.work(c.id);
    h.advance(11 * 60_000);
    expect(h.workflow.expireDeadlines()).toBe(1);
    expect(stored(c.id)).toMatchObject({ state: 'needs_review', note: 'reversal-limit' });
  });

  it('a new KST day since the lost request: no reversal, the reqRtran waits out the window', async () => {
    h.setNow(Date.UTC(2024, 0, 5, 14, 59, 50)); // 23:59:50 KST
    const c = await inDoubt();
    h.setNow(Date.UTC(2024, 0, 5, 15, 0, 50)); // 00:00:50 the next day
    const held = await h.workflow.work(c.id);
    expect(held?.state).toBe('in_doubt');
    expect(h.kicc.calls.map((x) => x.kind)).toEqual(['cancel']);
    h.setNow(Date.UTC(2024, 0, 5, 14, 59, 50) + 41 * 60_000);
    h.kicc.script('net-cancel', ['ok']); // KICC reversed anyway
    expect(await h.workflow.work(c.id)).toMatchObject({
      state: 'needs_review',
      note: 'reversal-not-safe',
    });
  });
});

describe('S005 on the first reqCancel (issue 9, sequence 5)', () => {
  it('another transaction owns the number: the same cancellation goes out under a fresh one', async () => {
    h.kicc.script('cancel', ['duplicate', 'ok']);
    const c = await requested();
    expect(c.state).toBe('cancelled');
    const [taken, next] = h.attempts(c.id);
    expect(taken).toMatchObject({ code: 'S005', repeatsAttemptId: null });
    expect(next).toMatchObject({ class: 'ok', repeatsAttemptId: null });
    expect(next?.mercTrxNo).not.toBe(taken?.mercTrxNo);
    expect(h.kicc.calls.map((x) => x.kind)).toEqual(['cancel', 'cancel']);
  });

  it('after three taken numbers, a manager', async () => {
    h.kicc.script('cancel', ['duplicate', 'duplicate', 'duplicate']);
    const c = await requested();
    expect(c).toMatchObject({
      state: 'needs_review',
      note: 'unexpected-answer',
      result: { code: 'S005' },
    });
    expect(h.kicc.calls).toHaveLength(3);
  });
});
