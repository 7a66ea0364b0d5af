import { describe, expect, it } from 'vitest';
import { GENERIC_NOTE, KNOWN_NOTES, noteWords } from '../../../renderer/i18n/engine-notes';

/**
 * The one table from a cancellation's `note` to the manager's words (issue 9 "what the engine
 * could not tell"; issue 13 finding 3). Every note the engine, a manager's resolution or the
 * books can leave is explained in both languages; one the page does not know gets safe words.
 */
const HANDED_OVER = [
  // the engine of today
  'verification-deadline',
  'unexpected-answer',
  'restart-before-send',
  // the engine of issue 9
  'unknown-code',
  'refused-after-reversal',
  'reversal-not-safe',
  'reversal-limit',
  'window-after-unanswered-reversal',
  'unanswered-cancels',
  // the books of issue 13
  'already-cancelled-elsewhere',
];
const SETTLED = ['stood-earlier', 'verified-landed', 'manager-cancelled', 'manager-not-cancelled'];

describe('engine notes in words', () => {
  it('knows exactly the notes that exist', () => {
    expect([...KNOWN_NOTES].sort()).toEqual([...HANDED_OVER, ...SETTLED].sort());
  });

  it.each(HANDED_OVER)(
    '%s: why it is here and what the engine could not tell, ko and en',
    (note) => {
      const words = noteWords(note);
      expect(words).not.toBe(GENERIC_NOTE);
      for (const text of [words.why, words.unknown]) {
        expect(text?.ko).toMatch(/[가-힣]/);
        expect(text?.en).toMatch(/^[\x20-\x7e’“”—]+$/);
      }
    },
  );

  it.each(SETTLED)('%s: why, and nothing left open', (note) => {
    const words = noteWords(note);
    expect(words.why.ko).toMatch(/[가-힣]/);
    expect(words.why.en.length).toBeGreaterThan(10);
    expect(words.unknown).toBeNull();
  });

  it.each([null, 'some-future-note', 'toString', '__proto__'])(
    'an unknown note (%s) gets the generic words, which never guess',
    (note) => {
      const words = noteWords(note);
      expect(words).toBe(GENERIC_NOTE);
      expect(words.unknown?.ko).toContain('현금으로 환불하지 말고');
    },
  );

  it('a refund undone by our own reversal says so plainly', () => {
    expect(noteWords('refused-after-reversal').unknown?.ko).toContain(
      '고객의 환불을 이 프로그램이 되돌렸습니다',
    );
    expect(noteWords('unknown-code').unknown?.ko).toContain('“이미 취소됨”');
  });
});
