import { describe, expect, it } from 'vitest';
import type { CancellationSlipInput } from '../../shared/slip';
import { buildSlip, slipHtml } from '../../shared/slip';
import { SLIP_WIDTH_PX } from '../../electron/printing/slip-window-options';
import { skipReason, useBrowser } from './harness/suite';
import { brokenKoreanWords } from './harness/word-breaks';

/**
 * Issue 12 finding 4: "환/불하지" on the 80 mm slip. Every slip kind, in Korean, laid out as main's
 * print window lays it out (SLIP_WIDTH_PX wide), with the longest texts a slip can carry: no
 * Korean word breaks in the middle. (The screens are checked on every journey screenshot.)
 */
const BASE: CancellationSlipInput = {
  state: 'cancelled',
  storeName: '행복마트 역삼점 본관 지하 일층 식품관 계산대',
  businessNumber: '1234567890',
  terminalId: 'T123456789',
  cardNumber: '1234-56**-****-1234',
  issuerName: 'KB국민카드',
  orgAprvDt: '20231225',
  orgAprvNo: '12345678',
  alotMonth: '03',
  trxAmt: 1_250_000,
  vatAmt: 113_636,
  svcAmt: 0,
  cancelAprvNo: '87654321',
  requestedAt: Date.UTC(2023, 11, 26, 1, 0, 0),
  cancelledAt: Date.UTC(2023, 11, 26, 1, 0, 2),
  mercTrxNo: 'CANCEL_20231225_0001_ABCDEFGHIJ_0123456789',
};

describe.skipIf(skipReason !== null)('finding 4: Korean words never break on the slip', () => {
  const browser = useBrowser();

  it.each<[string, Partial<CancellationSlipInput>]>([
    ['cancelled', {}],
    ['verifying (the boxed warning)', { state: 'in_doubt', cancelAprvNo: null }],
    [
      'rejected, with a long message from KICC',
      {
        state: 'rejected',
        rejection: {
          respCd: 'S004',
          respMsg: '취소 가능 기간이 지났습니다. 카드사 고객센터로 문의하시기 바랍니다.',
        },
      },
    ],
    ['reprinted', { reprintedAt: Date.UTC(2023, 11, 27, 3, 0, 0) }],
  ])('%s', async (_kind, change) => {
    const context = await browser().newContext({ viewport: { width: SLIP_WIDTH_PX, height: 800 } });
    try {
      const page = await context.newPage();
      await page.setContent(slipHtml(buildSlip({ ...BASE, ...change }, 'ko')));
      expect(await brokenKoreanWords(page)).toEqual([]);
      // and the long numbers still fit the paper: nothing runs off its right edge
      const overflow = await page.evaluate(
        '(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)()',
      );
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});
