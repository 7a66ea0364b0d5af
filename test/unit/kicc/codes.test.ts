import { describe, expect, it } from 'vitest';
import { KICC_CODES, kiccCodeVerdict } from '../../../electron/kicc/codes';
import type { KiccEndpoint } from '../../../shared/kicc/types';

interface Case {
  endpoint: KiccEndpoint;
  code: string;
  class: string;
  known: boolean;
  needsReview: boolean;
  ourBug: boolean;
}

const row = (
  endpoint: KiccEndpoint,
  code: string,
  cls: string,
  flags: Partial<Pick<Case, 'known' | 'needsReview' | 'ourBug'>> = {},
): Case => ({
  endpoint,
  code,
  class: cls,
  known: flags.known ?? true,
  needsReview: flags.needsReview ?? false,
  ourBug: flags.ourBug ?? false,
});

// KICC-API.md "Result codes" [A] and the reqRtran table ("anything else: needs manual review").
const CASES: Case[] = [
  // reqCancel: the cancellation state machine (DESIGN.md "A cancellation's life")
  row('cancel', '0000', 'ok'),
  row('cancel', 'S001', 'rejected'),
  row('cancel', 'S002', 'already-cancelled'),
  row('cancel', 'S003', 'rejected'),
  row('cancel', 'S004', 'rejected'),
  row('cancel', 'S005', 'duplicate'),
  row('cancel', 'S008', 'rejected', { ourBug: true }),
  row('cancel', 'S999', 'retryable'),
  // net-cancel codes have no meaning on reqCancel: refused, and a person looks
  row('cancel', 'S006', 'rejected', { needsReview: true }),
  row('cancel', 'S007', 'rejected', { needsReview: true }),
  // reqCancel: "anything else = a failure reason" [C], but which one is not known: it may be
  // KICC's real "already cancelled" (issue 9, sequence 1), so a person must look
  row('cancel', 'E123', 'rejected', { known: false, needsReview: true }),
  row('cancel', '9999', 'rejected', { known: false, needsReview: true }),
  // reqRtran: the four answers KICC-API.md tells us how to act on
  row('netCancel', '0000', 'ok'),
  row('netCancel', 'S006', 'not-found'),
  row('netCancel', 'S007', 'landed'),
  row('netCancel', 'S999', 'retryable'),
  // reqRtran: anything else is unexpected and needs manual review
  row('netCancel', 'S008', 'rejected', { ourBug: true, needsReview: true }),
  row('netCancel', 'S001', 'rejected', { needsReview: true }),
  row('netCancel', 'S002', 'rejected', { needsReview: true }),
  row('netCancel', 'S003', 'rejected', { needsReview: true }),
  row('netCancel', 'S005', 'rejected', { needsReview: true }),
  row('netCancel', 'E123', 'rejected', { known: false, needsReview: true }),
  // reqAprv (simulator only)
  row('approve', '0000', 'ok'),
  row('approve', 'S005', 'duplicate'),
  row('approve', 'S999', 'retryable'),
  row('approve', 'S002', 'rejected', { needsReview: true }),
  row('approve', 'X001', 'rejected', { known: false }),
];

describe('kiccCodeVerdict: the one code table', () => {
  it.each(CASES)('$endpoint $code -> $class', (c) => {
    const verdict = kiccCodeVerdict(c.endpoint, c.code);
    expect({
      code: verdict.code,
      class: verdict.class,
      known: verdict.known,
      needsReview: verdict.needsReview,
      ourBug: verdict.ourBug,
    }).toEqual({
      code: c.code,
      class: c.class,
      known: c.known,
      needsReview: c.needsReview,
      ourBug: c.ourBug,
    });
  });

  it('covers every code of KICC-API.md "Result codes", and only those', () => {
    expect(Object.keys(KICC_CODES).sort()).toEqual(
      ['0000', 'S001', 'S002', 'S003', 'S004', 'S005', 'S006', 'S007', 'S008', 'S999'].sort(),
    );
  });

  it('does not take inherited object keys for codes', () => {
    expect(kiccCodeVerdict('cancel', 'constructor').known).toBe(false);
    expect(kiccCodeVerdict('cancel', '__proto__').class).toBe('rejected');
  });

  it('tells the cashier something different for an unknown code on each endpoint', () => {
    const cancel = kiccCodeVerdict('cancel', 'E123');
    const netCancel = kiccCodeVerdict('netCancel', 'E123');
    expect(cancel.meaning.ko).not.toEqual(netCancel.meaning.ko);
    expect(netCancel.hint.ko).toContain('현금으로 환불하지 마세요');
    // never "refused" for the cashier: it may have been cancelled already
    expect(cancel.meaning.ko).toContain('알 수 없습니다');
    expect(cancel.hint.ko).toContain('현금으로 환불하지 마세요');
  });
});

describe('the cashier words', () => {
  const HANGUL = /[\uac00-\ud7a3]/;
  const verdicts = (['cancel', 'netCancel', 'approve'] as const).flatMap((endpoint) =>
    [...Object.keys(KICC_CODES), 'E123'].map((code) => kiccCodeVerdict(endpoint, code)),
  );

  it('are given in Korean and English for every code on every endpoint', () => {
    for (const v of verdicts) {
      expect(v.meaning.ko, v.code).toMatch(HANGUL);
      expect(v.hint.ko, v.code).toMatch(HANGUL);
      expect(v.meaning.en, v.code).toMatch(/^[\x20-\x7e—]+$/);
      expect(v.hint.en, v.code).toMatch(/^[\x20-\x7e—]+$/);
    }
  });

  it('say "do not refund in cash" whenever the outcome is unknown or the card is cancelled', () => {
    const mustWarn = verdicts.filter((v) =>
      ['ok', 'already-cancelled', 'duplicate', 'not-found', 'landed', 'retryable'].includes(
        v.class,
      ),
    );
    expect(mustWarn.length).toBeGreaterThan(0);
    for (const v of mustWarn) expect(v.hint.ko, v.code).toContain('현금으로');
  });
});
