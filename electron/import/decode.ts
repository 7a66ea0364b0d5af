import iconv from 'iconv-lite';

/**
 * Bytes of a CSV export to text. Korean Excel saves "CSV (쉼표로 분리)" in CP949, the Windows
 * code page for Korean; "CSV UTF-8" and most web back-offices write UTF-8, often with a BOM;
 * Excel's "유니코드 텍스트" is UTF-16LE with a BOM and tabs.
 *
 * Order: a BOM decides; else valid UTF-8 is UTF-8 (CP949 text with Hangul is practically never
 * valid UTF-8: a lead byte 0xB0-0xC8 followed by 0xA1-0xFE is not a UTF-8 sequence); else CP949.
 *
 * CP949 is iconv-lite's (issue 12 finding 8): Microsoft's whole table, the 8,822 Hangul
 * syllables EUC-KR lacks (똠, 햏, 힣) and the symbols Windows added ("€" A2E6, "®" A2E7), which
 * the hand-written decoder it replaces turned into U+FFFD; and ~12x faster on 48 MB
 * (docs/bench.md). An undecodable byte still becomes U+FFFD: it shows, it never vanishes.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'cp949';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(asBuffer(bytes), 'cp949'), encoding: 'cp949' };
  }
}
