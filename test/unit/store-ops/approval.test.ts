import { describe, expect, it } from 'vitest';
import type { CancellationChannelRequest, PosResult } from '../../../shared/contract';
import { requestWithApproval } from '../../../electron/store-ops/approval';
import type { ApprovalContext } from '../../../electron/store-ops/approval';

const base = {
  clientRequestId: '8f7c2a52-5d1e-4a8e-9f0b-3c1d2e4f5a6b',
  receiptId: '1',
  trxAmt: 500_000,
  vatAmt: 45_455,
  svcAmt: 0,
  reason: '고객 변심',
};

/** A role stand-in: manager mode or not, and which PIN approves. */
function role(manager: boolean, goodPin = '4821') {
  const calls: string[] = [];
  return {
    calls,
    isManager: () => manager,
    touch: () => void calls.push('touch'),
    async approve(pin: string): Promise<PosResult<{ approvedBy: 'manager'; at: number }>> {
      calls.push('approve');
      return pin === goodPin
        ? { ok: true, value: { approvedBy: 'manager', at: 1 } }
        : { ok: false, error: { code: 'wrong-pin', message: { ko: '틀림', en: 'wrong' } } };
    },
  };
}

function engine() {
  const sent: { request: unknown; context: ApprovalContext }[] = [];
  return {
    sent,
    request: async (request: unknown, context: ApprovalContext): Promise<PosResult<string>> => {
      sent.push({ request, context });
      return { ok: true, value: 'cancellation' };
    },
  };
}

describe('who asked and who approved, decided in main', () => {
  it.each<[string, boolean, CancellationChannelRequest, ApprovalContext]>([
    ['the cashier alone', false, base, { requestedBy: 'cashier' }],
    [
      'the cashier with the manager’s PIN',
      false,
      { ...base, managerPin: '4821' },
      { requestedBy: 'cashier', approvedBy: 'manager', approvedVia: 'pin' },
    ],
    [
      'the till while manager mode is open: still the till’s person, approval by manager mode',
      true,
      base,
      { requestedBy: 'cashier', approvedBy: 'manager', approvedVia: 'manager-mode' },
    ],
    [
      'manager mode open, a PIN typed anyway (not checked again)',
      true,
      { ...base, managerPin: '0000' },
      { requestedBy: 'cashier', approvedBy: 'manager', approvedVia: 'manager-mode' },
    ],
  ])('%s', async (_who, manager, input, context) => {
    const e = engine();
    const answer = await requestWithApproval(input, role(manager), e.request);
    expect(answer).toEqual({ ok: true, value: 'cancellation' });
    expect(e.sent).toEqual([{ request: base, context }]);
  });

  it('a wrong PIN is refused and nothing reaches the engine', async () => {
    const e = engine();
    const r = role(false);
    const answer = await requestWithApproval({ ...base, managerPin: '9999' }, r, e.request);
    expect(answer).toMatchObject({ ok: false, error: { code: 'wrong-pin' } });
    expect(e.sent).toEqual([]);
    expect(r.calls).toEqual(['approve']);
  });

  it('never passes the PIN on to the engine', async () => {
    const e = engine();
    await requestWithApproval({ ...base, managerPin: '4821' }, role(false), e.request);
    expect(JSON.stringify(e.sent)).not.toContain('4821');
  });

  describe('with cashier numbers in the settings (issue 13 finding 5)', () => {
    const cashiers = () => [
      { no: '07', name: '김민지' },
      { no: '12', name: '이준호' },
    ];

    it.each<[string, boolean, CancellationChannelRequest, ApprovalContext]>([
      [
        'a cashier names herself',
        false,
        { ...base, cashierNo: '07' },
        { requestedBy: '김민지 (07)' },
      ],
      [
        'a cashier while manager mode is open is never recorded as the manager',
        true,
        { ...base, cashierNo: '12' },
        { requestedBy: '이준호 (12)', approvedBy: 'manager', approvedVia: 'manager-mode' },
      ],
      [
        'a cashier with the manager’s PIN',
        false,
        { ...base, cashierNo: '07', managerPin: '4821' },
        { requestedBy: '김민지 (07)', approvedBy: 'manager', approvedVia: 'pin' },
      ],
    ])('%s', async (_who, manager, input, context) => {
      const e = engine();
      expect(await requestWithApproval(input, role(manager), e.request, cashiers)).toEqual({
        ok: true,
        value: 'cancellation',
      });
      expect(e.sent).toEqual([{ request: base, context }]);
    });

    it.each<[string, CancellationChannelRequest, string]>([
      ['no number', { ...base, managerPin: '4821' }, 'cashier-needed'],
      ['a number nobody has', { ...base, cashierNo: '99', managerPin: '4821' }, 'cashier-unknown'],
    ])(
      '%s: refused before the PIN is checked, nothing reaches the engine',
      async (_w, input, code) => {
        const e = engine();
        const r = role(false);
        expect(await requestWithApproval(input, r, e.request, cashiers)).toMatchObject({
          ok: false,
          error: { code },
        });
        expect(e.sent).toEqual([]);
        expect(r.calls).toEqual([]);
      },
    );
  });
});
