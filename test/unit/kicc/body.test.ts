import { describe, expect, it } from 'vitest';
import { approveBody, cancelBody, netCancelBody } from '../../../electron/kicc/body';
import type { CancelRequest, NetCancelRequest } from '../../../shared/kicc/types';
import { SEED_REQUEST_EXAMPLE } from '../../fixtures/seed-examples';

const seedRequest = JSON.parse(SEED_REQUEST_EXAMPLE) as CancelRequest;

const netCancel: NetCancelRequest = {
  tid: 'T123456789',
  svcId: 'SVC_SIMPLE',
  bizrNo: '1234567890',
  mercTrxNo: 'CANCEL_20231225_0001',
  alotMonth: '00',
  trxAmt: 10000,
  vatAmt: 909,
  svcAmt: 0,
  tranDt: '20231226',
  tranTm: '100000',
};

const NET_CANCEL_KEYS = [
  'tid',
  'svcId',
  'bizrNo',
  'mercTrxNo',
  'alotMonth',
  'trxAmt',
  'vatAmt',
  'svcAmt',
  'tranDt',
  'tranTm',
];

describe('cancelBody: the reqCancel body', () => {
  it("is the seed's request example, field for field and in its order", () => {
    const body = cancelBody(seedRequest);
    expect(body).toBe(JSON.stringify(JSON.parse(SEED_REQUEST_EXAMPLE)));
    expect(Object.keys(JSON.parse(body))).toEqual(Object.keys(JSON.parse(SEED_REQUEST_EXAMPLE)));
  });

  it('keeps KICC order whatever order the caller built the object in', () => {
    const shuffled = Object.fromEntries(Object.entries(seedRequest).reverse()) as CancelRequest;
    expect(cancelBody(shuffled)).toBe(cancelBody(seedRequest));
  });

  it('sends only KICC fields: a stray property on the caller object never goes out', () => {
    const withStray = { ...seedRequest, receiptId: 'R-1', pin: '1234' } as CancelRequest;
    expect(cancelBody(withStray)).toBe(cancelBody(seedRequest));
  });

  it('sends amounts as JSON numbers, as KICC documents', () => {
    expect(cancelBody(seedRequest)).toContain('"trxAmt":10000,"vatAmt":909,"svcAmt":0');
  });
});

describe('netCancelBody / approveBody: the reqRtran and reqAprv bodies', () => {
  it('leave tokenKey out when absent (never sent for a cancellation)', () => {
    expect(Object.keys(JSON.parse(netCancelBody(netCancel)))).toEqual(NET_CANCEL_KEYS);
    expect(netCancelBody(netCancel)).not.toContain('tokenKey');
  });

  it('put a present tokenKey right after mercTrxNo, in KICC order', () => {
    const keys = Object.keys(JSON.parse(approveBody({ ...netCancel, tokenKey: 'TK' })));
    expect(keys).toEqual([...NET_CANCEL_KEYS.slice(0, 4), 'tokenKey', ...NET_CANCEL_KEYS.slice(4)]);
  });
});
