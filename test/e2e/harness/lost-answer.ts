import type { SimOriginal } from '../../../electron/kicc/simulator';
import { formatKrw } from '../../../shared/money';
import type { E2eDesk } from './desk';
import { scan, typeByHand } from './keys';
import { until } from './manager';

/**
 * The cashier scans the receipt and confirms its cancellation; KICC processes it, the answer
 * never comes back, and KICC stays out of reach (the simulator stops). What follows is the
 * engine's: "확인 중", then needs_review once the verification deadline passes.
 */
export async function cancelWithAnswerLost(
  desk: E2eDesk,
  original: SimOriginal,
  reason: string,
): Promise<void> {
  const { page, sim } = desk;
  await scan(page, original.vanTrxNo);
  await page.getByText(`스캔한 번호: ${original.vanTrxNo}`).waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: '취소 사유' }).waitFor();
  await typeByHand(page, reason, true);
  await page
    .getByText(`고객에게 ${formatKrw(original.trxAmt, 'ko')}을 카드로 환불합니다`)
    .waitFor();
  sim.faults.inject({ endpoint: 'cancel', kind: 'delay', delayMs: 60_000, commit: true });
  await page.keyboard.press('Enter');
  await until('the cancel request to reach KICC', () =>
    sim.ledger.requests().some((r) => r.endpoint === 'cancel'),
  );
  await sim.stop();
}
