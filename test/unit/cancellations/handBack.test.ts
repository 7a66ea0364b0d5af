import { afterEach, describe, expect, it } from 'vitest';
import { ANSWER_NOT_RECORDED } from '../../../electron/cancellations/transitions';
import type { UnrecordedAnswer } from '../../../electron/cancellations/unrecorded';
import type { KiccClass } from '../../../electron/kicc/outcome';
import type { Attempt, Cancellation } from '../../../electron/ledger/types';
import { T0 } from './harness';
import { transitionsWorld, type TransitionsWorld } from './transitionsWorld';

/**
 * handBack (issue 9, sequence 6): KICC answered, the ledger refused the answer's write again and
 * again; the attempt is closed as in doubt with what KICC said, and the cancellation handed to
 * the queue as in_doubt, with a smaller write than the answer's, without a restart. Except an S005
 * to a first send, which proves the number is another transaction's (issue 9, sequence 5).
 */
let w: TransitionsWorld;
afterEach(() => w.remove());

function kept(c: Cancellation, attempt: Attempt, cls: KiccClass): UnrecordedAnswer {
  return {
    id: c.id,
    kind: attempt.kind,
    attempt,
    outcome: w.answer(attempt, cls),
    holdBack: null,
    failures: 3,
  };
}

/** a reqCancel sent and answered; the cancellation still 'sending' about it */
function sending(change: Parameters<TransitionsWorld['cancellation']>[1] = {}) {
  const c = w.cancellation('sending', change);
  const attempt = w.attempt(c, 'M000100');
  return { c: w.ledger.cancellations.update(c.id, { openAttemptId: attempt.id }, T0), attempt };
}

describe('handBack: an answer the ledger would not record', () => {
  it.each([
    ['ok', 'ok 0000'],
    ['in-doubt', 'in-doubt'],
  ] as const)(
    'a reqCancel answered %s: attempt closed in doubt with KICC code, cancellation in_doubt, due after the back-off',
    (cls, said) => {
      w = transitionsWorld();
      const { c, attempt } = sending({ tries: 1 });
      w.advance(5000);
      const after = w.write(() => w.transitions.handBack(kept(c, attempt, cls), 'SQLITE_FULL'));
      expect(after).toMatchObject({
        state: 'in_doubt',
        openAttemptId: attempt.id,
        inDoubtSince: T0 + 5000,
        tries: 2,
        nextTryAt: T0 + 5000 + 2000,
      });
      expect(w.stored(c.id)).toEqual(after);
      expect(w.attempts(c.id)).toEqual([
        expect.objectContaining({
          id: attempt.id,
          state: 'failed',
          class: 'in-doubt',
          code: cls === 'ok' ? '0000' : null,
          message: `KICC answered (${said}) but the answer could not be recorded (SQLITE_FULL); verified instead`,
          httpStatus: cls === 'ok' ? 200 : null,
          responseBody: null,
          error: ANSWER_NOT_RECORDED,
          endedAt: T0 + 5000,
        }),
      ]);
      expect(w.events(c.id)).toEqual([
        {
          kind: 'cancellation.in_doubt',
          detail: { from: 'sending', attemptId: attempt.id, said, why: ANSWER_NOT_RECORDED },
        },
      ]);
    },
  );

  /** closes `a` as KICC answered it (class `cls`), as a recorded answer would have */
  function answered(a: Attempt, cls: KiccClass): void {
    const outcome = w.answer(a, cls);
    w.ledger.attempts.finish(a.id, {
      state: 'answered',
      class: cls,
      code: outcome.code ?? null,
      message: outcome.message,
      httpStatus: 200,
      responseBody: null,
      error: null,
      endedAt: w.now(),
    });
  }

  it('S005 to a first send: closed as the duplicate it is, queued WITHOUT an open attempt (a fresh number next), never in doubt', () => {
    w = transitionsWorld();
    const { c, attempt } = sending({ tries: 1 });
    w.advance(5000);
    const after = w.write(() =>
      w.transitions.handBack(kept(c, attempt, 'duplicate'), 'SQLITE_FULL'),
    );
    expect(after).toMatchObject({
      state: 'queued',
      openAttemptId: null,
      inDoubtSince: null,
      tries: 2,
      nextTryAt: T0 + 5000 + 2000,
    });
    expect(w.stored(c.id)).toEqual(after);
    expect(w.attempts(c.id)).toEqual([
      expect.objectContaining({
        id: attempt.id,
        state: 'failed',
        class: 'duplicate',
        code: 'S005',
        message:
          'KICC answered (duplicate S005) but the answer could not be recorded (SQLITE_FULL); another transaction owns this number, a fresh one is drawn',
        responseBody: null,
        error: ANSWER_NOT_RECORDED,
      }),
    ]);
    expect(w.events(c.id)).toEqual([
      {
        kind: 'cancellation.queued',
        detail: {
          from: 'sending',
          attemptId: attempt.id,
          said: 'duplicate S005',
          why: ANSWER_NOT_RECORDED,
          next: 'fresh-number',
        },
      },
    ]);
  });

  it('S005 to a number a send of ours may have used before: in doubt, verified, as when written', () => {
    w = transitionsWorld();
    const c0 = w.cancellation('sending');
    const first = w.attempt(c0, 'M000100');
    answered(first, 'in-doubt');
    const resend = w.attempt(c0, 'M000100', first);
    const c = w.ledger.cancellations.update(c0.id, { openAttemptId: resend.id }, T0);
    w.advance(5000);
    const after = w.write(() =>
      w.transitions.handBack(kept(c, resend, 'duplicate'), 'SQLITE_FULL'),
    );
    expect(after).toMatchObject({ state: 'in_doubt', openAttemptId: resend.id });
    expect(w.attempts(c.id)[1]).toMatchObject({ class: 'in-doubt', code: 'S005' });
  });

  it('the third number taken: a manager, with KICC code kept on the row (the policy limit, as when written)', () => {
    w = transitionsWorld();
    const c0 = w.cancellation('sending');
    answered(w.attempt(c0, 'M000100'), 'duplicate');
    answered(w.attempt(c0, 'M000200'), 'duplicate');
    const third = w.attempt(c0, 'M000300');
    const c = w.ledger.cancellations.update(c0.id, { openAttemptId: third.id }, T0);
    w.advance(5000);
    const after = w.write(() => w.transitions.handBack(kept(c, third, 'duplicate'), 'SQLITE_FULL'));
    expect(after).toMatchObject({
      state: 'needs_review',
      note: 'unexpected-answer',
      result: expect.objectContaining({ code: 'S005' }),
    });
    expect(w.attempts(c.id)[2]).toMatchObject({ class: 'duplicate', code: 'S005' });
  });

  it("a verification's S005 is not a number taken: the cancellation stays in_doubt", () => {
    w = transitionsWorld();
    const c = w.cancellation('in_doubt', { inDoubtSince: T0 - 60_000, tries: 2 });
    const lost = w.attempt(c, 'M000100');
    w.ledger.cancellations.update(c.id, { openAttemptId: lost.id }, T0);
    const check = w.verification(lost);
    w.advance(5000);
    const after = w.write(() =>
      w.transitions.handBack(kept(w.stored(c.id), check, 'duplicate'), 'SQLITE_FULL'),
    );
    expect(after).toMatchObject({ state: 'in_doubt', openAttemptId: lost.id, tries: 3 });
    expect(w.attempts(c.id)[1]).toMatchObject({ class: 'in-doubt', code: 'S005' });
  });

  it('keeps the first doubt: in_doubt_since is not moved', () => {
    w = transitionsWorld();
    const { c, attempt } = sending({ inDoubtSince: T0 - 60_000 });
    w.advance(5000);
    w.write(() => w.transitions.handBack(kept(c, attempt, 'ok'), 'SQLITE_FULL'));
    expect(w.stored(c.id)).toMatchObject({ state: 'in_doubt', inDoubtSince: T0 - 60_000 });
  });

  it('an attempt already closed (recovery got there first) is not rewritten', () => {
    w = transitionsWorld();
    const { c, attempt } = sending();
    w.ledger.attempts.finish(attempt.id, {
      state: 'failed',
      class: 'in-doubt',
      code: null,
      message: 'the app stopped',
      httpStatus: null,
      responseBody: null,
      error: 'the app stopped',
      endedAt: T0,
    });
    const closed = w.attempts(c.id);
    w.advance(5000);
    w.write(() => w.transitions.handBack(kept(c, attempt, 'ok'), 'SQLITE_FULL'));
    expect(w.attempts(c.id)).toEqual(closed);
    expect(w.stored(c.id).state).toBe('in_doubt');
  });

  it("a verification's answer: the cancellation stays in_doubt, one more try, due after the back-off", () => {
    w = transitionsWorld();
    const c = w.cancellation('in_doubt', { inDoubtSince: T0 - 60_000, tries: 2 });
    const lost = w.attempt(c, 'M000100');
    w.ledger.cancellations.update(c.id, { openAttemptId: lost.id }, T0);
    const check = w.verification(lost);
    w.advance(5000);
    const after = w.write(() =>
      w.transitions.handBack(kept(w.stored(c.id), check, 'not-found'), 'SQLITE_FULL'),
    );
    expect(after).toMatchObject({
      state: 'in_doubt',
      openAttemptId: lost.id,
      inDoubtSince: T0 - 60_000,
      tries: 3,
      nextTryAt: T0 + 5000 + 3000,
    });
    expect(w.events(c.id)).toEqual([
      {
        kind: 'cancellation.in_doubt',
        detail: {
          from: 'in_doubt',
          attemptId: check.id,
          said: 'not-found S006',
          why: ANSWER_NOT_RECORDED,
        },
      },
    ]);
  });

  it.each([
    ['sending about ANOTHER attempt (the answer is not the open one)', 'sending', false],
    ['queued', 'queued', false],
    ['queued about this very attempt', 'queued', true],
    ['already final', 'cancelled', false],
    ['already final about this very attempt (another path recorded it)', 'cancelled', true],
  ] as const)('a cancellation %s is left as it is', (_case, state, openIsAnswered) => {
    w = transitionsWorld();
    const c = w.cancellation(state, { tries: 1, nextTryAt: state === 'queued' ? T0 : null });
    const answered = w.attempt(c, 'M000100');
    const open = openIsAnswered ? answered : w.attempt(c, 'M000200');
    const before = w.ledger.cancellations.update(c.id, { openAttemptId: open.id }, T0);
    w.advance(5000);
    const after = w.write(() => w.transitions.handBack(kept(before, answered, 'ok'), 'closing'));
    expect(after).toEqual(before);
    expect(w.stored(c.id)).toEqual(before);
    expect(w.events(c.id)).toEqual([]);
    // the answer's attempt is closed all the same: nothing stays 'sending' without an owner
    expect(w.attempts(c.id)[0]).toMatchObject({ state: 'failed', error: ANSWER_NOT_RECORDED });
  });
});
