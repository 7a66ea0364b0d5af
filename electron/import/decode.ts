import { decodeCp949 } from './cp949';

/**
 * Bytes of a CSV export to text. Korean Excel saves "CSV (쉼표로 분리)" in CP949, the Windows
 * code page for Korean; "CSV UTF-8" and most web back-offices write UTF-8, often with a BOM;
 * Excel's "유니코드 텍스트" is UTF-16LE with a BOM and tabs.
 *
 * Order: a BOM decides; else valid UTF-8 is UTF-8 (CP949 text with Hangul is practically never
 * valid UTF-8: a lead byte 0xB0-0xC8 followed by 0xA1-0xFE is not a UTF-8 sequence); else
 * CP949 (./cp949.ts).
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'cp949';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

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
    return { text: decodeCp949(bytes), encoding: 'cp949' };
  }
}
