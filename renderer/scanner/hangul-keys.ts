/**
 * What a Hangul-mode keyboard typed, back to the keys that were pressed (issue 12 finding 3).
 *
 * A receipt number is printable ASCII only (shared/contract/requests.ts), so Hangul in the
 * search field always means 한/영 was in Hangul mode: "ㅐㄱㅇ_2023" was O R D _ 2 0 2 3. The
 * standard Korean layout (두벌식, KS X 5002) puts each jamo on one QWERTY key; composed syllables
 * and double vowels/finals are taken apart into the jamo that were typed. Hangul mode keeps no
 * letter case (Shift only gives the seven doubled jamo), so the letters come back as capitals:
 * receipts print their letters in capitals. Everything that is not Hangul stays as it is.
 * Pure, no imports.
 */

/** 두벌식: jamo -> its key. The shifted jamo (ㅃㅉㄸㄲㅆㅒㅖ) are the same keys with Shift. */
const JAMO_KEY: Readonly<Record<string, string>> = {
  ㅂ: 'Q',
  ㅈ: 'W',
  ㄷ: 'E',
  ㄱ: 'R',
  ㅅ: 'T',
  ㅛ: 'Y',
  ㅕ: 'U',
  ㅑ: 'I',
  ㅐ: 'O',
  ㅔ: 'P',
  ㅁ: 'A',
  ㄴ: 'S',
  ㅇ: 'D',
  ㄹ: 'F',
  ㅎ: 'G',
  ㅗ: 'H',
  ㅓ: 'J',
  ㅏ: 'K',
  ㅣ: 'L',
  ㅋ: 'Z',
  ㅌ: 'X',
  ㅊ: 'C',
  ㅍ: 'V',
  ㅠ: 'B',
  ㅜ: 'N',
  ㅡ: 'M',
  ㅃ: 'Q',
  ㅉ: 'W',
  ㄸ: 'E',
  ㄲ: 'R',
  ㅆ: 'T',
  ㅒ: 'O',
  ㅖ: 'P',
};

/** Jamo typed as two keys: double vowels and double finals. */
const COMPOUND: Readonly<Record<string, string>> = {
  ㅘ: 'ㅗㅏ',
  ㅙ: 'ㅗㅐ',
  ㅚ: 'ㅗㅣ',
  ㅝ: 'ㅜㅓ',
  ㅞ: 'ㅜㅔ',
  ㅟ: 'ㅜㅣ',
  ㅢ: 'ㅡㅣ',
  ㄳ: 'ㄱㅅ',
  ㄵ: 'ㄴㅈ',
  ㄶ: 'ㄴㅎ',
  ㄺ: 'ㄹㄱ',
  ㄻ: 'ㄹㅁ',
  ㄼ: 'ㄹㅂ',
  ㄽ: 'ㄹㅅ',
  ㄾ: 'ㄹㅌ',
  ㄿ: 'ㄹㅍ',
  ㅀ: 'ㄹㅎ',
  ㅄ: 'ㅂㅅ',
};

// Unicode's order of the parts of a precomposed syllable (U+AC00 + (L × 21 + V) × 28 + T).
const LEADS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const VOWELS = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const TAILS = ['', ...'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ'];
const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;

function jamoOf(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < SYLLABLE_FIRST || code > SYLLABLE_LAST) return char;
  const index = code - SYLLABLE_FIRST;
  const lead = LEADS[Math.floor(index / (21 * 28))] ?? '';
  const vowel = VOWELS[Math.floor(index / 28) % 21] ?? '';
  const tail = TAILS[index % 28] ?? '';
  return lead + vowel + tail;
}

const keyOf = (jamo: string): string =>
  [...(COMPOUND[jamo] ?? jamo)].map((single) => JAMO_KEY[single] ?? single).join('');

/** True when the text holds anything a Hangul-mode keyboard makes. */
export const hasHangul = (text: string): boolean => /[\u3131-\u318e\uac00-\ud7a3]/.test(text);

/** "ㅐㄱㅇ_2023" -> "ORD_2023"; "뭉" -> "AND"; text without Hangul is returned unchanged. */
export function latinFromHangulKeys(text: string): string {
  if (!hasHangul(text)) return text;
  return [...text].map((char) => [...jamoOf(char)].map(keyOf).join('')).join('');
}
