import { describe, expect, it } from 'vitest';
import type { ImportedReceipt } from '../../../electron/import/receipt';
import { receiptKeys } from '../../../electron/import/receipt';
import type { NewReceipt } from '../../../electron/ledger/types';

describe('ImportedReceipt', () => {
  it('is what the ledger stores as a NewReceipt, with source "imported" (checked by tsc)', () => {
    const imported: ImportedReceipt = {
      vanTrxNo: 'V12345678902',
      mercTrxNo: null,
      aprvNo: '12345678',
      aprvDt: '20231225',
      aprvTm: null,
      trxAmt: 10000,
      vatAmt: 909,
      svcAmt: 0,
      alotMonth: '00',
      issuerName: null,
      cardMasked: null,
    };
    const stored: NewReceipt = { ...imported, source: 'imported' };
    const back: ImportedReceipt = stored;
    expect(back).toBe(stored);
  });

  it.each<[string | null, string | null, string[]]>([
    ['V1', 'M1', ['van:V1', 'merc:M1']],
    ['V1', null, ['van:V1']],
    [null, 'M1', ['merc:M1']],
  ])('keys of van %s merc %s', (vanTrxNo, mercTrxNo, keys) => {
    expect(receiptKeys({ vanTrxNo, mercTrxNo })).toEqual(keys);
  });
});
