import { describe, expect, it } from 'vitest';
import { hasHangul, latinFromHangulKeys } from '../../../renderer/scanner/hangul-keys';

/** Issue 12 finding 3: what a Hangul-mode keyboard typed goes back to the receipt's Latin. */
describe('finding 3: Hangul-mode typing back to the keys a receipt carries', () => {
  it.each([
    ['the issue’s example, jamo one by one', 'ㅐㄱㅇ_20231225_0001', 'ORD_20231225_0001'],
    ['Shift-jamo (Shift+O, Shift+R)', 'ㅒㄲㅇ_1', 'ORD_1'],
    ['a composed syllable', '뭉', 'AND'],
    ['syllables the IME composes from a run of letters', '캐ㅜㅊ디', 'ZONCEL'],
    ['a double vowel (ㅘ = ㅗ + ㅏ)', '과', 'RHK'],
    ['a double final (ㄳ = ㄱ + ㅅ)', '몫', 'AHRT'],
    ['a lone double vowel', 'ㅢ', 'ML'],
    ['digits and symbols are left alone', 'ㅍ1234-5678', 'V1234-5678'],
    ['every syllable of the block, first and last', '가힣', 'RKGLG'],
  ])('%s: %s -> %s', (_case, typed, latin) => {
    expect(latinFromHangulKeys(typed)).toBe(latin);
  });

  it('leaves text without Hangul exactly as typed, case included', () => {
    expect(latinFromHangulKeys('ord_abc-12')).toBe('ord_abc-12');
    expect(hasHangul('ord_abc-12')).toBe(false);
  });

  it('sees Hangul in jamo and in syllables', () => {
    expect(hasHangul('ㅐ')).toBe(true);
    expect(hasHangul('A가')).toBe(true);
  });
});
