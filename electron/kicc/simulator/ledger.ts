import type { Wcc } from '../../../shared/kicc/types';
import type { SimCancellation, SimNetCancel, SimOriginal, SimRequestRecord } from './types';

/**
 * What the simulated KICC holds: originals (approvals), cancellations, reversals (net-cancels)
 * and every request it saw. Tests and the trainer read it to see whether a request COMMITTED,
 * which is the question every fault scenario asks (DESIGN.md "A cancellation's life").
 */

/** The keys of a reqCancel that name its original (KICC-API.md reqCancel). */
export interface OriginalKey {
  tid: string;
  svcId: string;
  bizrNo: string;
  wcc: Wcc;
  cndTrxNo: string;
  orgAprvDt: string;
  orgAprvNo: string;
}

/** The merchant a mercTrxNo belongs to: KICC dedupes per tid + svcId (KICC-API.md S005). */
export interface MerchantKey {
  tid: string;
  svcId: string;
  bizrNo: string;
}

export type NetCancelTarget =
  | { kind: 'cancellation'; cancellation: SimCancellation; original: SimOriginal }
  | { kind: 'approval'; original: SimOriginal };

/** Read-only copies, safe to hand to tests and to the control path. */
export interface LedgerView {
  originals(): SimOriginal[];
  cancellations(): SimCancellation[];
  netCancels(): SimNetCancel[];
  requests(): SimRequestRecord[];
  original(vanTrxNo: string): SimOriginal | undefined;
}

export interface Ledger {
  readonly view: LedgerView;
  addOriginal(original: SimOriginal): void;
  /** lands a cancellation and marks its original cancelled */
  addCancellation(cancellation: SimCancellation, original: SimOriginal): void;
  /** undoes a landed cancellation: the original is approved again */
  reverseCancellation(target: SimCancellation, original: SimOriginal, at: number): void;
  /** undoes an approval */
  reverseApproval(original: SimOriginal, at: number): void;
  findOriginal(key: OriginalKey): SimOriginal | undefined;
  /** the most recent cancellation or approval of this merchant under this mercTrxNo */
  findByMercTrxNo(merchant: MerchantKey, mercTrxNo: string): NetCancelTarget | undefined;
  /** appends a request record and returns it, so the pipeline can complete it */
  recordRequest(record: Omit<SimRequestRecord, 'seq'>): SimRequestRecord;
}

const sameMerchant = (a: MerchantKey, b: MerchantKey): boolean =>
  a.tid === b.tid && a.svcId === b.svcId && a.bizrNo === b.bizrNo;

export function createLedger(): Ledger {
  const originals: SimOriginal[] = [];
  const cancellations: SimCancellation[] = [];
  const netCancels: SimNetCancel[] = [];
  const requests: SimRequestRecord[] = [];
  // Indexes, so a request costs the same with 10 or 100,000 rows in the books (the drain
  // benchmark sends tens of thousands against one simulator).
  const originalByVan = new Map<string, SimOriginal>();
  const originalsByMerc = new Map<string, SimOriginal[]>();
  const cancellationsByMerc = new Map<string, SimCancellation[]>();
  const push = <T>(index: Map<string, T[]>, key: string, row: T): void => {
    const rows = index.get(key);
    if (rows === undefined) index.set(key, [row]);
    else rows.push(row);
  };

  const byVanTrxNo = (vanTrxNo: string): SimOriginal | undefined => originalByVan.get(vanTrxNo);

  const view: LedgerView = {
    originals: () => structuredClone(originals),
    cancellations: () => structuredClone(cancellations),
    netCancels: () => structuredClone(netCancels),
    requests: () => structuredClone(requests),
    original: (vanTrxNo) => {
      const found = byVanTrxNo(vanTrxNo);
      return found === undefined ? undefined : structuredClone(found);
    },
  };

  return {
    view,
    addOriginal(original) {
      originals.push(original);
      originalByVan.set(original.vanTrxNo, original);
      push(originalsByMerc, original.mercTrxNo, original);
    },
    addCancellation(cancellation, original) {
      cancellations.push(cancellation);
      push(cancellationsByMerc, cancellation.mercTrxNo, cancellation);
      original.status = 'cancelled';
      original.statusChangedAt = cancellation.landedAt;
    },
    reverseCancellation(target, original, at) {
      target.status = 'net-cancelled';
      target.netCancelledAt = at;
      original.status = 'approved';
      original.statusChangedAt = at;
      netCancels.push({
        tid: target.tid,
        svcId: target.svcId,
        mercTrxNo: target.mercTrxNo,
        target: 'cancellation',
        targetVanTrxNo: target.vanTrxNo,
        at,
      });
    },
    reverseApproval(original, at) {
      original.status = 'net-cancelled';
      original.statusChangedAt = at;
      netCancels.push({
        tid: original.tid,
        svcId: original.svcId,
        mercTrxNo: original.mercTrxNo,
        target: 'approval',
        targetVanTrxNo: original.vanTrxNo,
        at,
      });
    },
    findOriginal(key) {
      const candidates =
        key.wcc === 'T'
          ? [originalByVan.get(key.cndTrxNo)].filter((o) => o !== undefined)
          : (originalsByMerc.get(key.cndTrxNo) ?? []);
      return candidates.find(
        (o) => sameMerchant(o, key) && o.aprvDt === key.orgAprvDt && o.aprvNo === key.orgAprvNo,
      );
    },
    findByMercTrxNo(merchant, mercTrxNo) {
      let found: NetCancelTarget | undefined;
      let foundAt = -Infinity;
      for (const o of originalsByMerc.get(mercTrxNo) ?? []) {
        if (sameMerchant(o, merchant) && o.approvedAt >= foundAt) {
          found = { kind: 'approval', original: o };
          foundAt = o.approvedAt;
        }
      }
      for (const c of cancellationsByMerc.get(mercTrxNo) ?? []) {
        if (sameMerchant(c, merchant) && c.landedAt >= foundAt) {
          const original = byVanTrxNo(c.originalVanTrxNo);
          if (original === undefined) throw new Error('a cancellation without its original');
          found = { kind: 'cancellation', cancellation: c, original };
          foundAt = c.landedAt;
        }
      }
      return found;
    },
    recordRequest(record) {
      const full: SimRequestRecord = { seq: requests.length + 1, ...record };
      requests.push(full);
      return full;
    },
  };
}
