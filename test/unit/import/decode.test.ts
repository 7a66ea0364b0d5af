import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../electron/import/decode';
import { encodeCp949 } from './cp949';

const TEXT = '승인일자,승인번호,거래금액\r\n2023-12-25,12345678,"10,000"\r\n';

describe('decodeText', () => {
  it.each<[string, Uint8Array, string]>([
    [
      'UTF-8 with a BOM (Excel "CSV UTF-8")',
      Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(TEXT, 'utf8')]),
      'utf-8',
    ],
    ['UTF-8 without a BOM', Uint8Array.from(Buffer.from(TEXT, 'utf8')), 'utf-8'],
    ['CP949 (Korean Excel "CSV")', encodeCp949(TEXT), 'cp949'],
    [
      'UTF-16LE with a BOM (Excel "유니코드 텍스트")',
      Uint8Array.from([0xff, 0xfe, ...Buffer.from(TEXT, 'utf16le')]),
      'utf-16le',
    ],
    ['plain ASCII', Uint8Array.from(Buffer.from('a,b\r\n', 'utf8')), 'utf-8'],
  ])('reads %s', (_name, bytes, encoding) => {
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(encoding === 'utf-8' && bytes.length < 10 ? 'a,b\r\n' : TEXT);
  });

  it('decodes Hangul outside EUC-KR that only Windows-949 has (똠, 햏)', () => {
    const decoded = decodeText(encodeCp949('똠햏,1'));
    expect(decoded).toEqual({ text: '똠햏,1', encoding: 'cp949' });
  });
});
