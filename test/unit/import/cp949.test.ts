import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../electron/import/decode';
import { encodeCp949 } from './cp949';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const cp949 = (bytes: Uint8Array): string => {
  const decoded = decodeText(bytes);
  expect(decoded.encoding).toBe('cp949');
  return decoded.text;
};

describe('CP949 (Korean Excel "CSV") through iconv-lite', () => {
  // Bytes from Python 3's cp949 codec: '가맹점,똠양꿍,햏,힣,쓩,갂,稼,①,승인일자'.encode('cp949')
  it('decodes what an independent CP949 encoder wrote, extension syllables included', () => {
    const bytes = hex(
      'b0a1b8cdc1a12c8c63bee7b2e12cc1642cc6522cbeb12c81412ccab32ca8e72cbdc2c0cec0cfc0da',
    );
    expect(cp949(bytes)).toBe('가맹점,똠양꿍,햏,힣,쓩,갂,稼,①,승인일자');
  });

  // issue 12 finding 8: the hand-written decoder gave U+FFFD for the symbols Windows added.
  // Bytes from Python 3: '승인금액,€,®'.encode('cp949')
  it('issue 12 finding 8: "€" (A2E6) and "®" (A2E7), which Windows added, decode (were U+FFFD)', () => {
    expect(cp949(hex('bdc2c0ceb1ddbed72ca2e62ca2e7'))).toBe('승인금액,€,®');
  });

  it.each<[string, string]>([
    ['8141', '갂'], // first extension syllable
    ['8c63', '똠'],
    ['c164', '햏'],
    ['c652', '힣'], // last extension syllable
    ['b0a1', '가'], // KS X 1001
    ['c8fe', '힝'], // last KS X 1001 syllable
  ])('%s -> %s', (bytes, char) => {
    expect(cp949(hex(bytes))).toBe(char);
  });

  it('has a code for every one of the 11,172 Hangul syllables', () => {
    let text = '';
    for (let code = 0xac00; code <= 0xd7a3; code += 1) text += String.fromCharCode(code);
    expect(cp949(encodeCp949(text))).toBe(text);
  });

  it.each<[string, string, RegExp]>([
    ['a bad lead byte before ASCII keeps the ASCII', '80' + '41', /^\uFFFDA$/],
    ['a lone lead byte at the end', '41b0', /^A\uFFFD$/],
    ['an unassigned pair (user-defined row FE)', 'fea1', /^\uFFFD+$/],
  ])('%s: an undecodable byte shows as U+FFFD, never vanishes', (_name, bytes, text) => {
    expect(cp949(hex(bytes))).toMatch(text);
  });
});
