import { describe, expect, it } from 'vitest';
import { cashierAdvice } from '../../../electron/kicc/advice';
import type { KiccClass, KiccOutcome } from '../../../electron/kicc/outcome';
import type { KiccEndpoint } from '../../../shared/kicc/types';

const outcome = (endpoint: KiccEndpoint, cls: KiccClass, code?: string): KiccOutcome => ({
  class: cls,
  ...(code === undefined ? {} : { code }),
  message: 'm',
  exchange: {
    endpoint,
    path: '/p',
    mercTrxNo: 'M1',
    requestBody: '{}',
    sentAt: 0,
    endedAt: 0,
  },
});

describe('cashierAdvice', () => {
  it.each([
    { cls: 'not-sent', ko: /보내지 못했습니다/ },
    { cls: 'in-doubt', ko: /취소 확인 중 — 현금으로 환불하지 마세요/ },
    { cls: 'auth', ko: /관리자/ },
  ] as const)('speaks for $cls from its class', ({ cls, ko }) => {
    const advice = cashierAdvice(outcome('cancel', cls));
    expect(`${advice.meaning.ko} ${advice.hint.ko}`).toMatch(ko);
    expect(advice.meaning.en.length).toBeGreaterThan(0);
  });

  it('speaks for an answer from the code table, per endpoint', () => {
    expect(cashierAdvice(outcome('cancel', 'rejected', 'S004')).meaning.ko).toBe(
      '취소 가능 기간이 지났습니다.',
    );
    expect(cashierAdvice(outcome('netCancel', 'rejected', 'Q1Q1')).hint.ko).toMatch(/관리자 확인/);
  });

  it('treats a coded class without a code as a bug of ours', () => {
    expect(() => cashierAdvice(outcome('cancel', 'ok'))).toThrow(/carries no respCd/);
  });
});

describe("a 401 with KICC's clock minutes away (issue 9, sequence 10)", () => {
  it('says the PC clock is wrong, by how much, and how to fix it — not "the credentials"', () => {
    const outcome = {
      class: 'auth' as const,
      message: 'x',
      clockSkewMs: 7 * 60_000,
      exchange: {
        endpoint: 'cancel' as const,
        path: '/smpy/kiccpay/reqCancel',
        mercTrxNo: 'M',
        requestBody: '{}',
        sentAt: 0,
        endedAt: 0,
        httpStatus: 401,
      },
    };
    const advice = cashierAdvice(outcome);
    expect(advice.meaning.ko).toBe(
      'PC 시계가 KICC 시계보다 7분 늦습니다. 그래서 KICC가 요청을 거부했습니다.',
    );
    expect(advice.hint.ko).toContain('지금 동기화');
    expect(cashierAdvice({ ...outcome, clockSkewMs: -3 * 60_000 }).meaning.en).toContain(
      '3 minutes ahead of',
    );
    expect(cashierAdvice({ ...outcome, clockSkewMs: undefined }).meaning.ko).toContain('인증');
  });
});
