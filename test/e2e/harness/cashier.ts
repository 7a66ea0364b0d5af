import { randomUUID } from 'node:crypto';
import type { SimOriginal } from '../../../electron/kicc/simulator';
import type { E2eBackend } from './desk-backend';

/**
 * Cancellations made the way the page makes them (through main's IPC dispatch, as the cashier),
 * for journeys about what comes after: reports, the audit log. The page's own cancel journeys
 * are test/e2e/desk-*.test.ts.
 */
export async function cancelAsCashier(
  backend: E2eBackend,
  original: Pick<SimOriginal, 'vanTrxNo' | 'trxAmt' | 'vatAmt' | 'svcAmt'>,
  extra: { managerPin?: string; reason?: string } = {},
): Promise<{ id: string; state: string }> {
  const found = (await backend.invoke('receipts.lookup', {
    by: 'number',
    query: original.vanTrxNo,
  })) as { ok: boolean; value?: { receipts: { id: string }[] } };
  const receiptId = found.value?.receipts[0]?.id;
  if (receiptId === undefined) throw new Error(`receipt ${original.vanTrxNo} not found`);
  const answer = (await backend.invoke('cancellations.request', {
    clientRequestId: randomUUID(),
    receiptId,
    trxAmt: original.trxAmt,
    vatAmt: original.vatAmt,
    svcAmt: original.svcAmt,
    reason: extra.reason ?? '고객 요청',
    ...(extra.managerPin === undefined ? {} : { managerPin: extra.managerPin }),
  })) as { ok: boolean; value?: { id: string; state: string }; error?: { code: string } };
  if (!answer.ok || answer.value === undefined) {
    throw new Error(`cancellation refused: ${answer.error?.code ?? '?'}`);
  }
  return answer.value;
}
