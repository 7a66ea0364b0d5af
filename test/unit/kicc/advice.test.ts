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
