import { describe, expect, it } from 'vitest';
import { displayWidth, slipText, wrap } from '../../../../shared/slip/lines';
import type { Slip } from '../../../../shared/slip/lines';

describe('displayWidth', () => {
  it.each<[string, number]>([
    ['ABC 123', 7],
    ['취소', 4],
    ['10,000원', 8],
    ['ＡＢ', 4], // full-width forms
    ['', 0],
  ])('%s takes %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe('wrap', () => {
  it.each<[string, number, string[]]>([
    ['short', 10, ['short']],
    ['the card issuer returns', 10, ['the card', 'issuer', 'returns']],
    ['abcdefghijkl', 5, ['abcde', 'fghij', 'kl']],
    ['취소가 확정되면 완료 전표를', 12, ['취소가', '확정되면', '완료 전표를']],
    ['', 10, ['']],
  ])('%s at %i columns', (text, columns, pieces) => {
    expect(wrap(text, columns)).toEqual(pieces);
    for (const piece of pieces) expect(displayWidth(piece)).toBeLessThanOrEqual(columns);
  });
});

describe('slipText', () => {
  const slip = (lines: Slip['lines']): Slip => ({ lang: 'ko', title: 't', lines });

  it.each<[string, Slip['lines'], string[]]>([
    [
      'a field on one line, value on the right',
      [{ kind: 'field', label: 'VAT', value: '909원' }],
      ['VAT  909원'],
    ],
    [
      'a field too wide for one line, value below on the right',
      [{ kind: 'field', label: '원거래 승인번호', value: 'ABCDEFGH' }],
      ['원거래', '승인번호', '  ABCDEFGH'],
    ],
    ['a centred title', [{ kind: 'title', text: '취소' }], ['   취소']],
    ['a rule', [{ kind: 'rule' }], ['-'.repeat(10)]],
    [
      'a boxed warning',
      [{ kind: 'warning', text: '현금 금지' }],
      ['*'.repeat(10), '   현금', '   금지', '*'.repeat(10)],
    ],
    ['a blank line', [{ kind: 'blank' }], ['']],
  ])('lays out %s', (_name, lines, expected) => {
    expect(slipText(slip(lines), 10)).toEqual(expected);
  });
});
