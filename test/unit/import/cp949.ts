import iconv from 'iconv-lite';

/**
 * CP949 bytes of a text, for test files: Windows' code page 949 as iconv-lite has it. Round trips
 * through it prove nothing about the decoder by themselves; cp949.test.ts checks the decoder
 * against bytes produced by an independent codec (Python's cp949), which is what makes these
 * files real.
 */
export function encodeCp949(text: string): Uint8Array {
  const bytes = iconv.encode(text, 'cp949');
  if (iconv.decode(bytes, 'cp949') !== text) throw new Error(`no CP949 encoding for ${text}`);
  return Uint8Array.from(bytes);
}
