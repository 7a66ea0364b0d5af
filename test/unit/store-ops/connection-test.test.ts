import { describe, expect, it } from 'vitest';
import type { KiccClass, KiccOutcome } from '../../../electron/kicc/outcome';
import { connectionTestNumber } from '../../../electron/store-ops/connection-call';
import { explainConnectionTest } from '../../../electron/store-ops/connection-test';
import { validateNetCancelField } from '../../../shared/kicc/requests';

/** One answer to the test's reqRtran, as the KICC client would report it. */
function outcome(cls: KiccClass, extra: { code?: string; httpStatus?: number } = {}): KiccOutcome {
  return {
    class: cls,
    ...(extra.code === undefined ? {} : { code: extra.code }),
    message: extra.code === undefined ? 'no answer' : 'KICC says so',
    exchange: {
      endpoint: 'netCancel',
      path: '/smpy/kiccpay/reqRtran',
      mercTrxNo: 'CONNTEST240105101500ABCDEF012345',
      requestBody: '{}',
      sentAt: 1,
      endedAt: 2,
      ...(extra.httpStatus === undefined ? {} : { httpStatus: extra.httpStatus }),
    },
  };
}

describe('what a test-connection answer means', () => {
  it.each<[string, KiccOutcome, string, RegExp]>([
    [
      'S006: nothing to reverse (a healthy KICC)',
      outcome('not-found', { code: 'S006', httpStatus: 200 }),
      'ok',
      /인증 정보가 받아들여졌습니다/,
    ],
    [
      'HTTP 401: the signature was refused',
      outcome('auth', { httpStatus: 401 }),
      'credentials-refused',
      /HTTP 401/,
    ],
    [
      'HTTP 403: refused too',
      outcome('auth', { httpStatus: 403 }),
      'credentials-refused',
      /HTTP 403/,
    ],
    [
      'connection refused / DNS / TLS: no byte sent',
      outcome('not-sent'),
      'unreachable',
      /연결하지 못했습니다/,
    ],
    ['read timeout or reset: no answer', outcome('in-doubt'), 'unreachable', /제때 응답하지/],
    ['HTTP 502 from KICC', outcome('in-doubt', { httpStatus: 502 }), 'unexpected', /HTTP 502/],
    [
      'S008: a field refused (our ids)',
      outcome('rejected', { code: 'S008', httpStatus: 200 }),
      'unexpected',
      /단말기 번호/,
    ],
    [
      'S999: temporary error at KICC',
      outcome('retryable', { code: 'S999', httpStatus: 200 }),
      'unexpected',
      /일시적인 오류/,
    ],
    [
      '0000: "reversed" a number never used',
      outcome('ok', { code: '0000', httpStatus: 200 }),
      'unexpected',
      /예상하지 못한/,
    ],
    [
      'S007: "landed" for a number never used',
      outcome('landed', { code: 'S007', httpStatus: 200 }),
      'unexpected',
      /\[S007\]/,
    ],
    [
      'S005: "duplicate" for a fresh number',
      outcome('duplicate', { code: 'S005', httpStatus: 200 }),
      'unexpected',
      /\[S005\]/,
    ],
    [
      'S002: "already cancelled"',
      outcome('already-cancelled', { code: 'S002', httpStatus: 200 }),
      'unexpected',
      /\[S002\]/,
    ],
  ])('%s -> %s', (_case, answer, result, korean) => {
    const verdict = explainConnectionTest(answer);
    expect(verdict.result).toBe(result);
    expect(verdict.message.ko).toMatch(korean);
    expect(verdict.message.en.length).toBeGreaterThan(20);
  });

  it('covers every class of the client', () => {
    const classes: KiccClass[] = [
      'ok',
      'rejected',
      'already-cancelled',
      'duplicate',
      'not-found',
      'landed',
      'retryable',
      'not-sent',
      'in-doubt',
      'auth',
    ];
    for (const cls of classes) {
      expect(explainConnectionTest(outcome(cls)).result).toMatch(
        /^(ok|credentials-refused|unreachable|unexpected)$/,
      );
    }
  });
});

describe('the test call’s merchant number', () => {
  it('is a valid reqRtran mercTrxNo that no cancellation ever uses', () => {
    const number = connectionTestNumber(Date.UTC(2024, 0, 5, 1, 15, 0), () => 0.5);
    expect(number).toMatch(/^CONNTEST240105101500[0-9A-Z]{12}$/);
    expect(validateNetCancelField('mercTrxNo', number)).toEqual([]);
  });

  it('differs from call to call', () => {
    let seed = 0.1;
    const random = () => (seed = (seed * 9301 + 0.49297) % 1);
    const numbers = new Set(
      Array.from({ length: 100 }, () => connectionTestNumber(1_700_000_000_000, random)),
    );
    expect(numbers.size).toBe(100);
  });
});

describe('test connection: a 401 whose Date header is minutes from the PC clock', () => {
  it('tells the manager to fix the clock first', () => {
    const verdict = explainConnectionTest({
      class: 'auth',
      message: 'x',
      clockSkewMs: -8 * 60_000,
      exchange: {
        endpoint: 'netCancel',
        path: '/smpy/kiccpay/reqRtran',
        mercTrxNo: 'M',
        requestBody: '{}',
        sentAt: 0,
        endedAt: 0,
        httpStatus: 401,
      },
    });
    expect(verdict.result).toBe('credentials-refused');
    expect(verdict.message.ko).toContain('PC 시계가 KICC 시계보다 8분 빠릅니다');
    expect(verdict.message.en).toContain('Sync now');
  });
});
