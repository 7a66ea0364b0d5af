import { describe, expect, it } from 'vitest';
import {
  slipStoreIdentity,
  TRAINING_STORE_NAME,
  trainingStoreName,
} from '../../electron/desk-engine';

const settings = (storeName: string) => ({
  storeName,
  businessNumber: '1234567890',
  terminalId: 'T123456789',
});
const simulator = { merchant: { tid: 'TSIM000001', svcId: 'SVC0000001', bizrNo: '9999999999' } };

describe('the store line of slips and reports (desk-engine)', () => {
  it.each([
    ['live prints the saved store name', settings('행복한 김밥 강남점'), '행복한 김밥 강남점'],
    ['live with no store name prints an empty line', settings(''), ''],
  ])('%s', (_name, saved, storeName) => {
    expect(slipStoreIdentity(saved, null)).toEqual({
      storeName,
      businessNumber: '1234567890',
      terminalId: 'T123456789',
    });
  });

  it.each([
    ['with no store name keeps the training merchant name', '', TRAINING_STORE_NAME],
    ['with a store name still says training', '김밥천국', '김밥천국 (교육용 TRAINING)'],
  ])('training %s, and the simulator merchant ids', (_name, storeName, printed) => {
    expect(slipStoreIdentity(settings(storeName), simulator)).toEqual({
      storeName: printed,
      businessNumber: '9999999999',
      terminalId: 'TSIM000001',
    });
    expect(trainingStoreName(storeName)).toBe(printed);
  });
});
