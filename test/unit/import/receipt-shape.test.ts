import { describe, expect, it } from 'vitest';
import { receiptKeys } from '../../../electron/import/receipt';

describe('receiptKeys', () => {
  it.each<[string | null, string | null, string[]]>([
    ['V1', 'M1', ['van:V1', 'merc:M1']],
    ['V1', null, ['van:V1']],
    [null, 'M1', ['merc:M1']],
  ])('keys of van %s merc %s', (vanTrxNo, mercTrxNo, keys) => {
    expect(receiptKeys({ vanTrxNo, mercTrxNo })).toEqual(keys);
  });
});
