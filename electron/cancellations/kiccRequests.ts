import type { FieldError } from '../../shared/kicc/fields';
import { validateCancelRequest, validateNetCancelRequest } from '../../shared/kicc/requests';
import { kstDateTime } from '../../shared/kicc/time';
import type { CancelRequest, NetCancelRequest } from '../../shared/kicc/types';
import type { Result } from '../../shared/result';
import { err } from '../../shared/result';
import type { CancellationTarget, Receipt } from '../ledger/types';

/**
 * The KICC requests a cancellation sends, built from what the ledger holds. Every request goes
 * through the shared field rules (shared/kicc/requests.ts) before it is written or sent: a
 * request KICC would refuse with S008 is refused here, before any call.
 */

/** The store's terminal as KICC knows it (KICC-API.md reqCancel: tid, svcId, bizrNo). */
export interface Terminal {
  tid: string;
  svcId: string;
  bizrNo: string;
}

/**
 * What to cancel. `T` (KICC's own vanTrxNo) when the receipt has it: it is KICC's key for the
 * original and always fits cndTrxNo; `G` (the original mercTrxNo) otherwise.
 */
export function targetOf(receipt: Receipt): CancellationTarget {
  const byVan = receipt.vanTrxNo !== null;
  return {
    wcc: byVan ? 'T' : 'G',
    cndTrxNo: (byVan ? receipt.vanTrxNo : receipt.mercTrxNo) ?? '',
    trxAmt: receipt.trxAmt,
    vatAmt: receipt.vatAmt,
    svcAmt: receipt.svcAmt,
    alotMonth: receipt.alotMonth,
    orgAprvDt: receipt.aprvDt,
    orgAprvNo: receipt.aprvNo,
  };
}

/**
 * A fresh reqCancel: a new mercTrxNo and the Korea date and time of the moment it is sent
 * (DESIGN.md: "A fresh attempt after midnight carries the new day's tranDt/tranTm").
 */
export function freshCancelRequest(
  terminal: Terminal,
  target: CancellationTarget,
  mercTrxNo: string,
  now: number,
): Result<CancelRequest, FieldError[]> {
  const sent = kstDateTime(now);
  return validateCancelRequest({
    tid: terminal.tid,
    svcId: terminal.svcId,
    bizrNo: terminal.bizrNo,
    mercTrxNo,
    wcc: target.wcc,
    cndTrxNo: target.cndTrxNo,
    alotMonth: target.alotMonth,
    trxAmt: target.trxAmt,
    vatAmt: target.vatAmt,
    svcAmt: target.svcAmt,
    tranDt: sent.date,
    tranTm: sent.time,
    orgAprvDt: target.orgAprvDt,
    orgAprvNo: target.orgAprvNo,
  });
}

/** The reqCancel an attempt sent, read back from its stored body (for a resend). */
export function storedCancelRequest(body: string): Result<CancelRequest, FieldError[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return err([
      {
        field: '',
        rule: 'type',
        message: { ko: '저장된 요청을 읽을 수 없습니다', en: 'stored request is not JSON' },
      },
    ]);
  }
  return validateCancelRequest(parsed);
}

/**
 * The verification of a lost reqCancel: reqRtran with "exactly the same data as the lost
 * request" (KICC-API.md reqRtran): its own mercTrxNo, amounts, alotMonth, tranDt and tranTm,
 * and no tokenKey (approvals only).
 */
export function verificationRequest(lostBody: string): Result<NetCancelRequest, FieldError[]> {
  const lost = storedCancelRequest(lostBody);
  if (!lost.ok) return lost;
  const r = lost.value;
  return validateNetCancelRequest({
    tid: r.tid,
    svcId: r.svcId,
    bizrNo: r.bizrNo,
    mercTrxNo: r.mercTrxNo,
    alotMonth: r.alotMonth,
    trxAmt: r.trxAmt,
    vatAmt: r.vatAmt,
    svcAmt: r.svcAmt,
    tranDt: r.tranDt,
    tranTm: r.tranTm,
  });
}
