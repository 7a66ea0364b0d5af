import { describe, expect, it } from 'vitest';
import type { CancellationState } from '../../../../shared/contract/models';
import type { CancellationSlipInput } from '../../../../shared/slip';
import { buildSlip, slipHtml, slipKind, slipText } from '../../../../shared/slip';

// 2023-12-26 10:00:02 KST = 01:00:02 UTC
const CANCELLED_AT = Date.UTC(2023, 11, 26, 1, 0, 2);
const REQUESTED_AT = Date.UTC(2023, 11, 26, 1, 0, 0);

/** The seed page's example (KICC-API.md reqCancel): 10,000 won, VAT 909, approval 12345678. */
const SEED: CancellationSlipInput = {
  state: 'cancelled',
  storeName: '행복마트 역삼점',
  businessNumber: '1234567890',
  terminalId: 'T123456789',
  cardNumber: '1234-56**-****-1234',
  issuerName: 'KB국민카드',
  orgAprvDt: '20231225',
  orgAprvNo: '12345678',
  alotMonth: '00',
  trxAmt: 10000,
  vatAmt: 909,
  svcAmt: 0,
  cancelAprvNo: '87654321',
  requestedAt: REQUESTED_AT,
  cancelledAt: CANCELLED_AT,
  mercTrxNo: 'CANCEL_20231225_0001',
};

const text = (input: CancellationSlipInput, locale: 'ko' | 'en' = 'ko'): string =>
  slipText(buildSlip(input, locale)).join('\n');

const WARNING_KO = '취소 확인 중 — 현금으로 환불하지 마세요';

describe('buildSlip: the cancelled slip in Korean', () => {
  const printed = text(SEED);

  it.each([
    ['title', '카드 결제 취소'],
    ['status', '취소 완료'],
    ['store', '행복마트 역삼점'],
    ['business number', '123-45-67890'],
    ['terminal', 'T123456789'],
    ['date and time, Korea time', '2023-12-26 10:00:02'],
    ['masked card', '1234-56**-****-1234'],
    ['issuer', 'KB국민카드'],
    ['original approval date', '2023-12-25'],
    ['original approval number', '12345678'],
    ['installment', '일시불'],
    ['cancelled amount', '10,000원'],
    ['VAT', '909원'],
    ['cancellation approval number', '87654321'],
  ])('prints the %s', (_what, expected) => {
    expect(printed).toContain(expected);
  });

  it.each([
    ['label and value on one line', /^취소 금액 +10,000원$/m],
    ['the cancellation approval number with its label', /^취소 승인번호 +87654321$/m],
    ['the original approval with its label', /^원거래 승인번호 +12345678$/m],
  ])('lays out %s', (_what, pattern) => {
    expect(printed).toMatch(pattern);
  });

  it('does not warn about cash, and leaves out a zero service charge', () => {
    expect(printed).not.toContain('현금');
    expect(printed).not.toContain('봉사료');
  });

  it('prints a service charge when there is one, and installment months', () => {
    const printedWithService = text({ ...SEED, svcAmt: 500, alotMonth: '03' });
    expect(printedWithService).toMatch(/^봉사료 +500원$/m);
    expect(printedWithService).toMatch(/^할부 +3개월$/m);
  });

  it('fits a 42-column receipt printer', () => {
    for (const line of slipText(buildSlip(SEED, 'ko'))) {
      const width = [...line].reduce((sum, c) => sum + (/[가-힣]/.test(c) ? 2 : 1), 0);
      expect(width).toBeLessThanOrEqual(42);
    }
  });
});

describe('buildSlip: never a full card number', () => {
  it.each(['1234567812345678', '1234-5678-1234-5678', '1234 5678 1234 5678'])('masks %s', (pan) => {
    const slip = buildSlip({ ...SEED, cardNumber: pan }, 'ko');
    const all = `${slipText(slip).join('\n')}\n${slipHtml(slip)}`;
    expect(all).not.toMatch(/5678[- ]?1234/);
    expect(slipText(slip).join('\n')).toMatch(/^카드번호 +1234[- ]?56\*\*[- ]?\*\*\*\*[- ]?5678$/m);
  });

  it('leaves the card line out when the card is unknown', () => {
    expect(text({ ...SEED, cardNumber: null })).not.toContain('카드번호');
  });
});

describe('buildSlip: the verifying slip', () => {
  it.each<CancellationState>(['draft', 'pending', 'sending', 'queued', 'in_doubt', 'needs_review'])(
    'is printed for %s, warning twice and without a cancellation approval',
    (state) => {
      const slip = buildSlip({ ...SEED, state, cancelAprvNo: null, cancelledAt: null }, 'ko');
      const printed = slipText(slip).join('\n');
      expect(slip.kind).toBe('verifying');
      expect(printed.split(WARNING_KO)).toHaveLength(3);
      expect(printed).toContain('카드 취소 확인 중');
      expect(printed).not.toContain('취소 완료');
      expect(printed).toMatch(/^취소 요청 금액 +10,000원$/m);
      expect(printed).toMatch(/^취소 승인번호 +확인 중$/m);
      expect(printed).toContain('CANCEL_20231225_0001');
      expect(printed).toMatch(/^요청일시 +2023-12-26 10:00:00$/m);
    },
  );

  it('ignores a stray approval number while not final', () => {
    expect(text({ ...SEED, state: 'in_doubt' })).not.toContain('87654321');
  });

  it('is boxed as a warning in HTML', () => {
    const html = slipHtml(buildSlip({ ...SEED, state: 'in_doubt' }, 'ko'));
    expect(html).toContain(`<div class="warning" role="alert">${WARNING_KO}</div>`);
  });
});

describe('buildSlip: other versions', () => {
  it('says plainly that a rejected cancellation did not cancel the card payment', () => {
    const printed = text({
      ...SEED,
      state: 'rejected',
      cancelAprvNo: null,
      rejection: { respCd: 'S003', respMsg: '금액 불일치' },
    });
    expect(printed).toContain('카드 결제가 취소되지 않았습니다');
    expect(printed).toContain('[S003] 금액 불일치');
    expect(printed).not.toContain('취소 완료');
  });

  it("marks a manager's finding in fixed words, in both states that can carry one", () => {
    const cancelled = text({ ...SEED, resolvedByManager: true });
    expect(cancelled).toContain('취소 완료');
    expect(cancelled).toMatch(/^관리자 확인: 취소됨$/m);
    const notCancelled = text({
      ...SEED,
      state: 'rejected',
      cancelAprvNo: null,
      resolvedByManager: true,
      // whatever reached the input, a manager's "not cancelled" never prints a KICC reason
      rejection: { respCd: '', respMsg: '점장 메모' },
    });
    expect(notCancelled).toContain('카드 결제가 취소되지 않았습니다');
    expect(notCancelled).toMatch(/^관리자 확인: 취소 안 됨$/m);
    expect(notCancelled).not.toContain('거절 사유');
    expect(notCancelled).not.toContain('점장 메모');
    expect(text({ ...SEED, state: 'rejected', resolvedByManager: true }, 'en')).toContain(
      'Confirmed by the manager: not cancelled',
    );
    // KICC's own outcomes are not marked
    expect(text(SEED)).not.toContain('관리자 확인');
  });

  it('marks a reprint with its time', () => {
    expect(text({ ...SEED, reprintedAt: Date.UTC(2023, 11, 27, 0, 0, 0) })).toMatch(
      /^재출력 2023-12-27 09:00:00$/m,
    );
  });

  it('prints in English', () => {
    const printed = text(SEED, 'en');
    expect(printed).toContain('Card payment cancelled');
    expect(printed).toMatch(/^Amount cancelled +KRW 10,000$/m);
    expect(printed).toContain('Lump sum');
    expect(text({ ...SEED, state: 'queued' }, 'en')).toContain(
      'Being verified — do not refund in cash',
    );
  });

  it.each<[CancellationState, string]>([
    ['cancelled', 'cancelled'],
    ['rejected', 'rejected'],
    ['in_doubt', 'verifying'],
    ['needs_review', 'verifying'],
  ])('slipKind(%s) = %s', (state, kind) => {
    expect(slipKind(state)).toBe(kind);
  });
});

describe('slipHtml', () => {
  const html = slipHtml(buildSlip(SEED, 'ko'));

  it('is a self-contained page for an 80 mm printer', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('size: 80mm auto');
    expect(html).toContain('width: 72mm');
    expect(html).toContain('monospace');
  });

  it.each([
    ['no script', /<script/i],
    ['no external resource', /\b(src|href)\s*=/i],
    ['no url() in styles', /url\(/i],
    ['no @import', /@import/i],
    ['no inline event handler', /\son[a-z]+\s*=/i],
  ])('has %s', (_what, pattern) => {
    expect(html).not.toMatch(pattern);
  });

  it('forbids scripts and fetches by its own CSP', () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('escapes text, so a store name is never markup', () => {
    const hostile = slipHtml(
      buildSlip({ ...SEED, storeName: '<img src=x onerror=alert(1)>&"' }, 'ko'),
    );
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;&quot;');
    expect(hostile).not.toContain('<img');
  });
});
