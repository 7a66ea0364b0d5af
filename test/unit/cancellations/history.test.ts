import { describe, expect, it } from 'vitest';
import {
  answeredLanded,
  earlierUnanswered,
  firstSendOfNumber,
  mayHaveReversed,
  numbersTaken,
  otherReversals,
  refusals,
  unansweredCancels,
  reversedByUs,
  unanswered,
} from '../../../electron/cancellations/history';
import {
  isConfirmedRefusal,
  KICC_CONFIRMED_REFUSAL_CODES,
} from '../../../electron/cancellations/refusalCodes';
import type { KiccClass } from '../../../electron/kicc/outcome';
import type { Attempt } from '../../../electron/ledger/types';

/** What a cancellation's attempts say (electron/cancellations/history.ts), read exactly. */
let seq = 0;
function attempt(over: Partial<Attempt>): Attempt {
  seq += 1;
  return {
    id: seq,
    cancellationId: 1,
    kind: 'cancel',
    mercTrxNo: 'M1',
    repeatsAttemptId: null,
    body: '{}',
    sentAt: 0,
    state: 'answered',
    class: 'ok',
    code: '0000',
    message: null,
    httpStatus: 200,
    responseBody: null,
    error: null,
    endedAt: 0,
    ...over,
  };
}
const check = (cls: KiccClass | null, repeats: number, over: Partial<Attempt> = {}) =>
  attempt({ kind: 'net-cancel', class: cls, repeatsAttemptId: repeats, ...over });

describe('mayHaveReversed / unanswered: a reqRtran of ours', () => {
  it.each<[KiccClass | null, boolean, boolean]>([
    ['ok', true, false],
    ['in-doubt', true, true],
    ['retryable', true, true],
    ['not-found', false, false],
    ['landed', false, false],
    ['not-sent', false, false],
    ['auth', false, false],
    ['rejected', false, false],
    [null, false, false],
  ])('%s: may have reversed %s, unanswered %s', (cls, reversed, open) => {
    const v = check(cls, 1);
    expect(mayHaveReversed(v)).toBe(reversed);
    expect(unanswered(v)).toBe(open);
  });

  it('a reqCancel reverses nothing, whatever its class', () => {
    for (const cls of ['ok', 'in-doubt', 'retryable'] as KiccClass[]) {
      expect(mayHaveReversed(attempt({ class: cls }))).toBe(false);
      expect(unanswered(attempt({ class: cls }))).toBe(false);
    }
  });
});

describe('reversedByUs / otherReversals', () => {
  it('names each lost request once, however many reqRtran touched it', () => {
    const a = attempt({ class: 'in-doubt' });
    const b = attempt({ class: 'in-doubt' });
    const history = [a, check('in-doubt', a.id), check('ok', a.id), b, check('not-found', b.id)];
    expect([...reversedByUs(history)]).toEqual([a.id]);
    expect(otherReversals(history, a.id)).toBe(0);
    expect(otherReversals(history, b.id)).toBe(1);
  });

  it('nothing reversed: empty', () => {
    const a = attempt({ class: 'in-doubt' });
    expect(reversedByUs([a, check('landed', a.id)]).size).toBe(0);
  });
});

describe('earlierUnanswered', () => {
  it('an earlier reqRtran of the same lost request that went unanswered', () => {
    const lost = attempt({ class: 'in-doubt' });
    const first = check('in-doubt', lost.id);
    const now = check(null, lost.id, { state: 'sending' });
    expect(earlierUnanswered([lost, first, now], lost.id, now.id)).toBe(true);
    // the one in flight is not "earlier"
    expect(earlierUnanswered([lost, first], lost.id, first.id)).toBe(false);
    // another lost request's unanswered reqRtran does not count
    const other = attempt({ class: 'in-doubt' });
    expect(earlierUnanswered([lost, check('in-doubt', other.id), now], lost.id, now.id)).toBe(
      false,
    );
    // an answered one does not count
    expect(earlierUnanswered([lost, check('not-found', lost.id), now], lost.id, now.id)).toBe(
      false,
    );
  });
});

describe('firstSendOfNumber', () => {
  it('every earlier send of the number never reached KICC, or was refused before processing', () => {
    const notSent = attempt({ mercTrxNo: 'N', class: 'not-sent' });
    const refused = attempt({ mercTrxNo: 'N', class: 'auth' });
    const now = attempt({ mercTrxNo: 'N', class: null, state: 'sending' });
    expect(firstSendOfNumber([now], now)).toBe(true);
    expect(firstSendOfNumber([notSent, refused, now], now)).toBe(true);
  });

  it('an earlier send of the number that may have been processed: not a first send', () => {
    for (const cls of ['in-doubt', 'ok', 'retryable', 'duplicate'] as KiccClass[]) {
      const before = attempt({ mercTrxNo: 'N', class: cls });
      const now = attempt({ mercTrxNo: 'N', class: null });
      expect(firstSendOfNumber([before, now], now), cls).toBe(false);
    }
  });

  it('other numbers and reqRtran under the same number do not count', () => {
    const other = attempt({ mercTrxNo: 'OTHER', class: 'in-doubt' });
    const verification = check('in-doubt', other.id, { mercTrxNo: 'N' });
    const now = attempt({ mercTrxNo: 'N', class: null });
    expect(firstSendOfNumber([other, verification, now], now)).toBe(true);
  });
});

describe('unansweredCancels', () => {
  it('counts reqCancels in doubt or S999, nothing else', () => {
    const history = [
      attempt({ class: 'in-doubt' }),
      attempt({ class: 'retryable' }),
      attempt({ class: 'not-sent' }),
      attempt({ class: 'ok' }),
      check('in-doubt', 1),
    ];
    expect(unansweredCancels(history)).toBe(2);
    expect(unansweredCancels([])).toBe(0);
  });
});

describe('refusals', () => {
  it("counts the other reqCancels KICC refused, not this one's, not a reqRtran's", () => {
    const current = attempt({ class: 'rejected' });
    const history = [
      attempt({ class: 'rejected' }),
      current,
      check('rejected', 1),
      attempt({ class: 'in-doubt' }),
      attempt({ class: 'rejected' }),
    ];
    expect(refusals(history, current.id)).toBe(2);
    expect(refusals([current], current.id)).toBe(0);
  });
});

describe('numbersTaken / answeredLanded', () => {
  it('counts reqCancel S005 answers only', () => {
    const history = [
      attempt({ class: 'duplicate' }),
      attempt({ class: 'duplicate' }),
      check('duplicate', 1),
      attempt({ class: 'ok' }),
    ];
    expect(numbersTaken(history)).toBe(2);
  });

  it('an attempt closed in doubt whose unrecorded answer was 0000', () => {
    expect(answeredLanded(attempt({ class: 'in-doubt', code: '0000' }))).toBe(true);
    expect(answeredLanded(attempt({ class: 'in-doubt', code: null }))).toBe(false);
    expect(answeredLanded(attempt({ class: 'in-doubt', code: 'S001' }))).toBe(false);
    expect(answeredLanded(attempt({ class: 'ok', code: '0000' }))).toBe(false);
  });
});

describe('isConfirmedRefusal: only codes confirmed to mean "nothing happened"', () => {
  it('KICC has confirmed none: the built-in list is empty', () => {
    expect(KICC_CONFIRMED_REFUSAL_CODES).toEqual([]);
  });

  it.each<[string | undefined, readonly string[], boolean]>([
    ['S001', ['S001'], true],
    ['S001', [], false],
    ['S001', ['S004'], false],
    [undefined, ['S001'], false],
    // success is never a refusal, even if someone lists it
    ['0000', ['0000'], false],
  ])('%s with %j: %s', (code, configured, confirmed) => {
    expect(isConfirmedRefusal(code, configured)).toBe(confirmed);
  });
});
