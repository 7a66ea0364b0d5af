import { describe, expect, it } from 'vitest';
import { APP_STOPPED } from '../../../electron/cancellations/recovery';
import type { KiccClass } from '../../../electron/kicc/outcome';
import type { Attempt } from '../../../electron/ledger/types';
import { NOTHING_HAPPENED_CODES } from '../../../electron/kicc/simulator/result-codes';
import { noAnswerCause, readRecord } from '../../../electron/store-ops/review-record';
import { contradicts } from '../../../shared/review/findings';
import type { RecordImplies, ReviewOutcome } from '../../../shared/contract';

/**
 * What a cancellation's record says KICC did (issue 13 finding 3): each exchange read, and what
 * they imply together, as the manager's resolution is checked against it. Every row is a record
 * the engine can leave (DESIGN.md "A cancellation's life"; issue 9's hand-overs).
 */

type Step =
  | ['cancel' | 'net-cancel', 'lost' | 'not-sent' | 'sending' | 'http-500' | 'bad-body']
  | ['cancel' | 'net-cancel', string]
  | ['resend', string];

/** Attempt rows as the ledger holds them: fresh numbers N1, N2, ...; reqRtran repeats the last. */
function record(...steps: readonly Step[]): Attempt[] {
  const attempts: Attempt[] = [];
  let numbers = 0;
  let last: Attempt | null = null;
  for (const [kind, told] of steps) {
    const fresh = kind === 'cancel';
    if (fresh) numbers += 1;
    const id = attempts.length + 1;
    const base = {
      id,
      cancellationId: 1,
      kind: kind === 'net-cancel' ? ('net-cancel' as const) : ('cancel' as const),
      mercTrxNo: fresh ? `N${numbers}` : (last?.mercTrxNo ?? 'N0'),
      repeatsAttemptId: fresh ? null : (last?.id ?? null),
      body: '{}',
      sentAt: id * 1000,
      endedAt: id * 1000 + 500,
      responseBody: null,
      error: null,
      httpStatus: null,
      message: null,
      code: null,
    };
    const answered = (cls: KiccClass, code: string): Attempt => ({
      ...base,
      state: 'answered',
      class: cls,
      code,
      httpStatus: 200,
    });
    const classOf: Record<string, KiccClass> = {
      '0000': 'ok',
      S001: 'rejected',
      S002: 'already-cancelled',
      S004: 'rejected',
      S005: 'duplicate',
      S006: 'not-found',
      S007: 'landed',
      S999: 'retryable',
    };
    const attempt: Attempt =
      told === 'lost'
        ? { ...base, state: 'failed', class: 'in-doubt', error: 'UND_ERR_HEADERS_TIMEOUT: x' }
        : told === 'not-sent'
          ? { ...base, state: 'failed', class: 'not-sent', error: 'ECONNREFUSED: x' }
          : told === 'sending'
            ? { ...base, state: 'sending', class: null, endedAt: null }
            : told === 'http-500'
              ? { ...base, state: 'failed', class: 'in-doubt', httpStatus: 500, error: 'HTTP 500' }
              : told === 'bad-body'
                ? { ...base, state: 'failed', class: 'in-doubt', httpStatus: 200 }
                : answered(classOf[told] ?? 'rejected', told);
    attempts.push(attempt);
    if (attempt.kind === 'cancel') last = attempt;
  }
  return attempts;
}

const cases: {
  name: string;
  steps: Step[];
  readings: string[];
  implies: RecordImplies;
  basis: number | null;
}[] = [
  {
    name: 'a reqCancel answered 0000 stands: refunded',
    steps: [['cancel', '0000']],
    readings: ['cancel-accepted'],
    implies: 'refunded',
    basis: 1,
  },
  {
    name: 'a lost answer alone cannot tell',
    steps: [['cancel', 'lost']],
    readings: ['cancel-no-answer'],
    implies: 'unknown',
    basis: 1,
  },
  {
    name: 'a lost answer, then our reqRtran answered 0000: the cancel was reversed, not refunded',
    steps: [
      ['cancel', 'lost'],
      ['net-cancel', '0000'],
    ],
    readings: ['cancel-no-answer', 'net-cancel-reversed'],
    implies: 'not-refunded',
    basis: 2,
  },
  {
    name: 'reversed, then the redo refused: not refunded (the refund was undone by us)',
    steps: [
      ['cancel', 'lost'],
      ['net-cancel', '0000'],
      ['cancel', 'S004'],
    ],
    readings: ['cancel-no-answer', 'net-cancel-reversed', 'cancel-refused'],
    implies: 'not-refunded',
    basis: 3,
  },
  {
    name: 'reversed, then the redo lost: cannot tell',
    steps: [
      ['cancel', 'lost'],
      ['net-cancel', '0000'],
      ['cancel', 'lost'],
    ],
    readings: ['cancel-no-answer', 'net-cancel-reversed', 'cancel-no-answer'],
    implies: 'unknown',
    basis: 3,
  },
  {
    name: 'reversed, then the redo answered 0000: refunded',
    steps: [
      ['cancel', 'lost'],
      ['net-cancel', '0000'],
      ['cancel', '0000'],
    ],
    readings: ['cancel-no-answer', 'net-cancel-reversed', 'cancel-accepted'],
    implies: 'refunded',
    basis: 3,
  },
  {
    name: 'reqRtran says nothing landed: not refunded',
    steps: [
      ['cancel', 'lost'],
      ['net-cancel', 'S006'],
    ],
    readings: ['cancel-no-answer', 'net-cancel-not-found'],
    implies: 'not-refunded',
    basis: 2,
  },
  {
    name: 'reqRtran says too late to reverse: the lost cancel stands',
    steps: [
      ['cancel', 'lost'],
      ['net-cancel', 'S007'],
    ],
    readings: ['cancel-no-answer', 'net-cancel-too-late'],
    implies: 'refunded',
    basis: 2,
  },
  {
    name: '"too late" after an unanswered reqRtran proves nothing (issue 9 finding 4)',
    steps: [
      ['cancel', 'lost'],
      ['net-cancel', 'lost'],
      ['net-cancel', 'S007'],
    ],
    readings: ['cancel-no-answer', 'net-cancel-no-answer', 'net-cancel-too-late-after-no-answer'],
    implies: 'unknown',
    basis: 3,
  },
  {
    name: "a reqRtran's temporary error counts as unanswered too",
    steps: [
      ['cancel', 'lost'],
      ['net-cancel', 'S999'],
      ['net-cancel', 'S007'],
    ],
    readings: [
      'cancel-no-answer',
      'net-cancel-temporary-error',
      'net-cancel-too-late-after-no-answer',
    ],
    implies: 'unknown',
    basis: 3,
  },
  {
    name: 'an unanswered reqRtran, then one answered 0000: reversed',
    steps: [
      ['cancel', 'lost'],
      ['net-cancel', 'lost'],
      ['net-cancel', '0000'],
    ],
    readings: ['cancel-no-answer', 'net-cancel-no-answer', 'net-cancel-reversed'],
    implies: 'not-refunded',
    basis: 3,
  },
  {
    name: 'a code the app does not know may be "already cancelled": cannot tell',
    steps: [['cancel', 'X777']],
    readings: ['cancel-unknown-code'],
    implies: 'unknown',
    basis: 1,
  },
  {
    name: 'KICC says already cancelled: the payment is cancelled at KICC',
    steps: [['cancel', 'S002']],
    readings: ['cancel-already-cancelled'],
    implies: 'refunded',
    basis: 1,
  },
  {
    name: 'a known code reqCancel never sends is unexpected',
    steps: [['cancel', 'S006']],
    readings: ['cancel-unexpected'],
    implies: 'unknown',
    basis: 1,
  },
  {
    name: 'a duplicate answer leaves the first outcome unknown',
    steps: [['cancel', 'S005']],
    readings: ['cancel-duplicate'],
    implies: 'unknown',
    basis: 1,
  },
  {
    name: 'an unexpected reqRtran answer cannot tell',
    steps: [
      ['cancel', 'lost'],
      ['net-cancel', 'S001'],
    ],
    readings: ['cancel-no-answer', 'net-cancel-unexpected'],
    implies: 'unknown',
    basis: 2,
  },
  {
    name: 'not sent, then the same request resent and answered 0000: refunded',
    steps: [
      ['cancel', 'not-sent'],
      ['resend', '0000'],
    ],
    readings: ['cancel-not-sent', 'cancel-accepted'],
    implies: 'refunded',
    basis: 2,
  },
  {
    name: 'never sent: nothing of ours reached KICC',
    steps: [['cancel', 'not-sent']],
    readings: ['cancel-not-sent'],
    implies: 'not-refunded',
    basis: null,
  },
  {
    name: 'an exchange still in flight cannot tell',
    steps: [['cancel', 'sending']],
    readings: ['cancel-unfinished'],
    implies: 'unknown',
    basis: 1,
  },
  { name: 'no exchange at all', steps: [], readings: [], implies: 'not-refunded', basis: null },
];

describe('reading a cancellation record', () => {
  // the simulator's refusal codes, confirmed to mean "nothing happened" as in training
  it.each(cases)('$name', ({ steps, readings, implies, basis }) => {
    const read = readRecord(record(...steps), NOTHING_HAPPENED_CODES);
    expect(read.exchanges.map((e) => e.reading)).toEqual(readings);
    expect(read.implies).toBe(implies);
    expect(read.basisAttemptId).toBe(basis);
  });

  it('a refusal is "nothing happened" only for a confirmed code: live confirms none (issue 9)', () => {
    const refused = readRecord(record(['cancel', 'S004']));
    expect(refused.exchanges.map((e) => e.reading)).toEqual(['cancel-unknown-code']);
    expect(refused.implies).toBe('unknown');
    const confirmed = readRecord(record(['cancel', 'S004']), ['S004']);
    expect(confirmed.exchanges.map((e) => e.reading)).toEqual(['cancel-refused']);
    expect(confirmed.implies).toBe('not-refunded');
  });

  it('says why an answer is missing, and only for missing answers', () => {
    const read = readRecord(
      record(['cancel', 'lost'], ['net-cancel', 'http-500'], ['net-cancel', 'bad-body']),
    );
    expect(read.exchanges.map((e) => e.cause)).toEqual(['timeout', 'server-error', 'bad-answer']);
    expect(readRecord(record(['cancel', '0000'])).exchanges[0]?.cause).toBeNull();
  });

  it.each([
    [{ httpStatus: null, error: APP_STOPPED }, 'app-stopped'],
    [{ httpStatus: null, error: 'ECONNRESET: socket hang up' }, 'network'],
    [{ httpStatus: null, error: 'UND_ERR_BODY_TIMEOUT: Body Timeout Error' }, 'timeout'],
    [{ httpStatus: null, error: 'exchange deadline of 40000 ms passed' }, 'timeout'],
    [{ httpStatus: null, error: null }, 'network'],
    [{ httpStatus: 503, error: 'HTTP 503' }, 'server-error'],
    [{ httpStatus: 404, error: 'HTTP 404' }, 'bad-answer'],
  ] as const)('no answer %o: %s', (attempt, cause) => {
    expect(noAnswerCause(attempt)).toBe(cause);
  });
});

describe('a finding against the record', () => {
  it.each([
    ['refunded', 'cancelled', false],
    ['refunded', 'not-cancelled', true],
    ['not-refunded', 'cancelled', true],
    ['not-refunded', 'not-cancelled', false],
    ['unknown', 'cancelled', false],
    ['unknown', 'not-cancelled', false],
  ] as [RecordImplies, ReviewOutcome, boolean][])(
    'record %s, finding %s: contradicts = %s',
    (implies, outcome, expected) => {
      expect(contradicts(implies, outcome)).toBe(expected);
    },
  );
});
