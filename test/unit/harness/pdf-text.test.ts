import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../e2e/harness/pdf-text';

/** A one-page PDF as Skia writes it: a Type0 font with a 2-byte ToUnicode CMap, text as hex. */
function pdfWith(content: Buffer): Buffer {
  const cmap = Buffer.from(
    '/CIDInit /ProcSet findresource begin\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n' +
      '2 beginbfchar\n<0001> <CDE8>\n<0002> <C18C>\nendbfchar\nendcmap\n',
    'latin1',
  );
  const parts: Buffer[] = [];
  const add = (s: string | Buffer): number =>
    parts.push(typeof s === 'string' ? Buffer.from(s, 'latin1') : s);
  add('%PDF-1.4\n');
  add(
    '1 0 obj\n<< /Type /Page /Resources << /Font << /F1 2 0 R >> >> /Contents 3 0 R >>\nendobj\n',
  );
  add('2 0 obj\n<< /Type /Font /Subtype /Type0 /ToUnicode 4 0 R >>\nendobj\n');
  add(`3 0 obj\n<< /Filter /FlateDecode /Length ${content.length} >>\nstream\n`);
  add(content);
  add('\nendstream\nendobj\n');
  add(`4 0 obj\n<< /Length ${cmap.length} >>\nstream\n`);
  add(cmap);
  add('\nendstream\nendobj\n%%EOF\n');
  return Buffer.concat(parts);
}

/** Page text whose compressed bytes end in `last` (found by trying spacing until one does). */
function compressedEndingIn(last: number): Buffer {
  for (let pad = 0; pad < 100_000; pad += 1) {
    const page = `BT /F1 12 Tf ${' '.repeat(pad % 97)}${pad} 0 Td <00010002> Tj ET`;
    const data = deflateSync(Buffer.from(page, 'latin1'));
    if (data[data.length - 1] === last) return data;
  }
  throw new Error(`no deflate output ending in ${last}`);
}

describe('pdfText (the e2e slip reader)', () => {
  it.each([
    ['CR', 0x0d],
    ['LF', 0x0a],
    ['another byte', 0x41],
  ])(
    'reads a stream whose compressed data ends in %s (cut by /Length, not by a newline trim)',
    (_, last) => {
      expect(pdfText(pdfWith(compressedEndingIn(last)))).toContain('취소');
    },
  );

  it('refuses a stream with no direct /Length rather than guessing where it ends', () => {
    const pdf = pdfWith(compressedEndingIn(0x41));
    const indirect = Buffer.from(
      pdf.toString('latin1').replace(/\/Length \d+ >>\nstream/, '/Length 9 0 R >>\nstream'),
      'latin1',
    );
    expect(() => pdfText(indirect)).toThrow(/no direct \/Length/);
  });
});
