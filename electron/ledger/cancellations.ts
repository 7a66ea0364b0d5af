import { RESOLUTION_NOTES } from '../cancellations/resolution-notes';
import type { SqliteDb } from './open';
import type { Statement } from './sqlite';
import type { Cancellation, CancellationResult, CancellationState } from './types';

/**
 * Cancellations: one row per cashier request, with its current state (DESIGN.md "A
 * cancellation's life"). The workflow changes a row only through `update`, inside the same
 * transaction as the attempt row that justifies the change.
 */

interface CancellationRow {
  id: number;
  receipt_id: number;
  client_request_id: string | null;
  state: CancellationState;
  requested_by: string;
  approved_by: string | null;
  reason: string | null;
  wcc: 'T' | 'G';
  cnd_trx_no: string;
  trx_amt: number;
  vat_amt: number;
  svc_amt: number;
  alot_month: string;
  org_aprv_dt: string;
  org_aprv_no: string;
  created_at: number;
  updated_at: number;
  open_attempt_id: number | null;
  in_doubt_since: number | null;
  next_try_at: number | null;
  tries: number;
  result_code: string | null;
  result_message: string | null;
  aprv_no: string | null;
  cnd_dt: string | null;
  cnd_tm: string | null;
  van_trx_no: string | null;
  card_confirm_no: string | null;
  issuer_name: string | null;
  issuer_code: string | null;
  merchant_no: string | null;
  note: string | null;
  finished_at: number | null;
}

const toCancellation = (row: CancellationRow): Cancellation => ({
  id: row.id,
  receiptId: row.receipt_id,
  clientRequestId: row.client_request_id,
  state: row.state,
  requestedBy: row.requested_by,
  approvedBy: row.approved_by,
  reason: row.reason,
  target: {
    wcc: row.wcc,
    cndTrxNo: row.cnd_trx_no,
    trxAmt: row.trx_amt,
    vatAmt: row.vat_amt,
    svcAmt: row.svc_amt,
    alotMonth: row.alot_month,
    orgAprvDt: row.org_aprv_dt,
    orgAprvNo: row.org_aprv_no,
  },
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  openAttemptId: row.open_attempt_id,
  inDoubtSince: row.in_doubt_since,
  nextTryAt: row.next_try_at,
  tries: row.tries,
  result: {
    code: row.result_code,
    message: row.result_message,
    aprvNo: row.aprv_no,
    cndDt: row.cnd_dt,
    cndTm: row.cnd_tm,
    vanTrxNo: row.van_trx_no,
    cardConfirmNo: row.card_confirm_no,
    issuerName: row.issuer_name,
    issuerCode: row.issuer_code,
    merchantNo: row.merchant_no,
  },
  note: row.note,
  finishedAt: row.finished_at,
});

/** What the caller decides when it opens a cancellation; the ledger sets the rest. */
export type NewCancellation = Pick<
  Cancellation,
  'receiptId' | 'clientRequestId' | 'state' | 'requestedBy' | 'approvedBy' | 'reason' | 'target'
>;

/** The fields a transition may change. */
export interface CancellationChange {
  state?: CancellationState;
  openAttemptId?: number | null;
  inDoubtSince?: number | null;
  nextTryAt?: number | null;
  tries?: number;
  result?: Partial<CancellationResult>;
  note?: string | null;
  finishedAt?: number | null;
}

type SQLValue = string | number | null;

/**
 * A change's fields and their columns, and the result's: Records, so a field added to either
 * type without a column here does not compile.
 */
type ChangeField = Exclude<keyof CancellationChange, 'result'>;
const CHANGE_COLUMN: Record<ChangeField, string> = {
  state: 'state',
  openAttemptId: 'open_attempt_id',
  inDoubtSince: 'in_doubt_since',
  nextTryAt: 'next_try_at',
  tries: 'tries',
  note: 'note',
  finishedAt: 'finished_at',
};
const RESULT_COLUMN: Record<keyof CancellationResult, string> = {
  code: 'result_code',
  message: 'result_message',
  aprvNo: 'aprv_no',
  cndDt: 'cnd_dt',
  cndTm: 'cnd_tm',
  vanTrxNo: 'van_trx_no',
  cardConfirmNo: 'card_confirm_no',
  issuerName: 'issuer_name',
  issuerCode: 'issuer_code',
  merchantNo: 'merchant_no',
};
const CHANGE_COLUMNS = Object.entries(CHANGE_COLUMN) as [ChangeField, string][];
const RESULT_COLUMNS = Object.entries(RESULT_COLUMN) as [keyof CancellationResult, string][];

export interface CancellationFilter {
  states?: readonly CancellationState[];
  /** the original's key or approval number, or any attempt's mercTrxNo (exact) */
  text?: string;
  receiptId?: number;
  /** epoch ms, inclusive */
  createdFrom?: number;
  /** epoch ms, exclusive */
  createdTo?: number;
  /** only (true) or never (false) a manager's resolution: ../cancellations/resolution-notes.ts */
  resolvedByManager?: boolean;
  limit: number;
  offset: number;
}

/** Unresolved = waiting in the queue (DESIGN.md "The queue": queued and in_doubt). */
export interface UnresolvedSummary {
  count: number;
  total: number;
  oldestCreatedAt: number | null;
  nextTryAt: number | null;
}

const inStates = (states: readonly CancellationState[]): string =>
  `state IN (${states.map((s) => `'${s}'`).join(',')})`;

/**
 * The rows a manager resolved (the review screen's second list), and the partial index that holds
 * only them (schema.ts, migration 5): they are few, and found without reading the table. The
 * index's WHERE is this text exactly, so SQLite can use it.
 */
export const MANAGER_RESOLVED = `note IN (${Object.values(RESOLUTION_NOTES)
  .map((n) => `'${n}'`)
  .join(',')})`;
const BY_MANAGER = 'INDEXED BY cancellations_resolved_by_manager';

/**
 * FROM and WHERE of a list filter; states are a closed set of literals, everything else bound.
 */
function filterSql(filter: Omit<CancellationFilter, 'limit' | 'offset'>): {
  from: string;
  where: string;
  params: Record<string, string | number>;
} {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.states !== undefined && filter.states.length > 0) where.push(inStates(filter.states));
  if (filter.receiptId !== undefined) {
    where.push('receipt_id = @receiptId');
    params.receiptId = filter.receiptId;
  }
  if (filter.createdFrom !== undefined) {
    where.push('created_at >= @createdFrom');
    params.createdFrom = filter.createdFrom;
  }
  if (filter.createdTo !== undefined) {
    where.push('created_at < @createdTo');
    params.createdTo = filter.createdTo;
  }
  if (filter.resolvedByManager !== undefined) {
    where.push(
      filter.resolvedByManager ? MANAGER_RESOLVED : `(note IS NULL OR NOT ${MANAGER_RESOLVED})`,
    );
  }
  if (filter.text !== undefined && filter.text !== '') {
    where.push(`(cnd_trx_no = @text OR org_aprv_no = @text OR id IN
      (SELECT cancellation_id FROM attempts WHERE merc_trx_no = @text))`);
    params.text = filter.text;
  }
  return {
    from: `cancellations${filter.resolvedByManager === true ? ` ${BY_MANAGER}` : ''}`,
    where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '',
    params,
  };
}

/**
 * The queue's queries run after every step; without statistics SQLite's planner prefers the
 * (state, created_at) index and sorts every unresolved row each time. These name the partial
 * indexes made for them (schema.ts); a query that cannot use its index fails at prepare time.
 */
const BY_NEXT_TRY = 'INDEXED BY cancellations_unresolved';
const BY_DOUBT = 'INDEXED BY cancellations_doubt_since';

export const UNRESOLVED_STATES: readonly CancellationState[] = ['queued', 'in_doubt'];
/**
 * Money not settled yet, for the exposure limits (issue 3): the queue's items, plus those in
 * flight (`sending`, `pending`: several requests in a row while offline must not pass the limit)
 * and those waiting for a manager (`needs_review`: KICC's outcome is still not known to us).
 */
export const EXPOSURE_STATES: readonly CancellationState[] = [
  'pending',
  'sending',
  'queued',
  'in_doubt',
  'needs_review',
];

export function createCancellationRepository(db: SqliteDb) {
  const insertStmt = db.prepare(
    `INSERT INTO cancellations (receipt_id, client_request_id, state, requested_by, approved_by, reason, wcc,
       cnd_trx_no, trx_amt, vat_amt, svc_amt, alot_month, org_aprv_dt, org_aprv_no, created_at,
       updated_at)
     VALUES (@receiptId, @clientRequestId, @state, @requestedBy, @approvedBy, @reason, @wcc, @cndTrxNo, @trxAmt,
       @vatAmt, @svcAmt, @alotMonth, @orgAprvDt, @orgAprvNo, @at, @at)`,
  );
  /** One UPDATE per set of columns a change names (a handful: the transitions' shapes). */
  const updates = new Map<string, Statement<SQLValue[], CancellationRow>>();
  function updateStatement(columns: readonly string[]): Statement<SQLValue[], CancellationRow> {
    const key = columns.join(',');
    let statement = updates.get(key);
    if (statement === undefined) {
      const set = [...columns.map((column) => `${column} = ?`), 'updated_at = ?'].join(', ');
      statement = db.prepare<SQLValue[], CancellationRow>(
        `UPDATE cancellations SET ${set} WHERE id = ? RETURNING *`,
      );
      updates.set(key, statement);
    }
    return statement;
  }
  // updated_at is in no index: this UPDATE writes the row alone, no index and no foreign key
  const touchStmt = db.prepare<[number, number]>(
    'UPDATE cancellations SET updated_at = ? WHERE id = ?',
  );
  const byId = db.prepare<[number], CancellationRow>('SELECT * FROM cancellations WHERE id = ?');
  const liveByReceipt = db.prepare<[number], CancellationRow>(
    `SELECT * FROM cancellations WHERE receipt_id = ? AND state <> 'rejected'`,
  );
  const byClientRequestId = db.prepare<[string], CancellationRow>(
    'SELECT * FROM cancellations WHERE client_request_id = ?',
  );
  const unresolved = inStates(UNRESOLVED_STATES);
  const summaryStmt = db.prepare<
    [],
    { count: number; total: number | null; oldest: number | null; next: number | null }
  >(
    `SELECT count(*) AS count, sum(trx_amt) AS total, min(created_at) AS oldest,
       min(next_try_at) AS next
     FROM cancellations WHERE ${unresolved}`,
  );
  const exposureStmt = db.prepare<[], { count: number; total: number | null }>(
    `SELECT count(*) AS count, sum(trx_amt) AS total FROM cancellations
     WHERE ${inStates(EXPOSURE_STATES)}`,
  );
  // ids only, nothing mapped (the queue asks on every pass); the partial index finds them, and
  // SQLite still reads each row to check its state (EXPLAIN QUERY PLAN: not a covering index)
  const dueStmt = db.prepare<[number, number], { id: number }>(
    `SELECT id FROM cancellations ${BY_NEXT_TRY} WHERE ${unresolved} AND next_try_at <= ?
     ORDER BY next_try_at, id LIMIT ?`,
  );
  const unresolvedIdsStmt = db.prepare<[], { id: number }>(
    `SELECT id FROM cancellations WHERE ${unresolved}`,
  );
  const makeDueStmt = db.prepare<[number, number]>(
    `UPDATE cancellations SET next_try_at = ? WHERE ${unresolved} AND next_try_at > ?`,
  );
  const pastDeadlineStmt = db.prepare<[number], CancellationRow>(
    `SELECT * FROM cancellations ${BY_DOUBT} WHERE state = 'in_doubt' AND in_doubt_since <= ?`,
  );
  const nextTryAfterStmt = db.prepare<[number], { next: number | null }>(
    `SELECT min(next_try_at) AS next FROM cancellations ${BY_NEXT_TRY}
     WHERE ${unresolved} AND next_try_at > ?`,
  );
  const earliestDoubtStmt = db.prepare<[], { since: number | null }>(
    `SELECT min(in_doubt_since) AS since FROM cancellations ${BY_DOUBT} WHERE state = 'in_doubt'`,
  );
  const makeOneDueStmt = db.prepare<[number, number]>(
    `UPDATE cancellations SET next_try_at = ? WHERE id = ? AND ${unresolved}`,
  );
  const inStateStmt = db.prepare<[string], CancellationRow>(
    `SELECT * FROM cancellations WHERE state = ?`,
  );
  const sameOriginalStmt = db.prepare<[string, string], CancellationRow>(
    `SELECT * FROM cancellations WHERE org_aprv_no = ? AND org_aprv_dt = ? ORDER BY id`,
  );
  const settledStmt = db.prepare<[number, number, number], CancellationRow>(
    `SELECT * FROM cancellations INDEXED BY cancellations_settled
     WHERE state IN ('cancelled','rejected') AND finished_at >= ? AND finished_at < ?
       AND created_at < ? ORDER BY id`,
  );

  return {
    insert(cancellation: NewCancellation, at: number): number {
      const info = insertStmt.run({
        receiptId: cancellation.receiptId,
        clientRequestId: cancellation.clientRequestId,
        state: cancellation.state,
        requestedBy: cancellation.requestedBy,
        approvedBy: cancellation.approvedBy,
        reason: cancellation.reason,
        ...cancellation.target,
        at,
      });
      return Number(info.lastInsertRowid);
    },
    get(id: number): Cancellation | null {
      const row = byId.get(id);
      return row ? toCancellation(row) : null;
    },
    byClientRequestId(clientRequestId: string): Cancellation | null {
      const row = byClientRequestId.get(clientRequestId);
      return row ? toCancellation(row) : null;
    },
    liveForReceipt(receiptId: number): Cancellation | null {
      const row = liveByReceipt.get(receiptId);
      return row ? toCancellation(row) : null;
    },
    /**
     * Applies `change` to the stored row; returns the row as it now is. Only the columns the
     * change names are written (an undefined field is no change), so SQLite leaves alone every
     * index on the others, and RETURNING gives the row back without a second read.
     */
    update(id: number, change: CancellationChange, at: number): Cancellation {
      const columns: string[] = [];
      const values: SQLValue[] = [];
      for (const [field, column] of CHANGE_COLUMNS) {
        const value = change[field];
        if (value !== undefined) {
          columns.push(column);
          values.push(value);
        }
      }
      const result = change.result;
      if (result !== undefined) {
        for (const [field, column] of RESULT_COLUMNS) {
          const value = result[field];
          if (value !== undefined) {
            columns.push(column);
            values.push(value);
          }
        }
      }
      const row = updateStatement(columns).get(...values, at, id);
      if (!row) throw new Error(`cancellation ${id} does not exist`);
      return toCancellation(row);
    },
    /** Something happened to it that changes none of its fields (a verification was sent). */
    touch(id: number, at: number): void {
      if (touchStmt.run(at, id).changes !== 1) throw new Error(`cancellation ${id} does not exist`);
    },
    list(filter: CancellationFilter): Cancellation[] {
      const { from, where, params } = filterSql(filter);
      const sql = `SELECT * FROM ${from} ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`;
      return db
        .prepare<[Record<string, string | number>], CancellationRow>(sql)
        .all({ ...params, limit: filter.limit, offset: filter.offset })
        .map(toCancellation);
    },
    count(filter: Omit<CancellationFilter, 'limit' | 'offset'>): number {
      const { from, where, params } = filterSql(filter);
      const sql = `SELECT count(*) AS n FROM ${from} ${where}`;
      return db.prepare<[Record<string, string | number>], { n: number }>(sql).get(params)?.n ?? 0;
    },
    unresolvedSummary(): UnresolvedSummary {
      const row = summaryStmt.get();
      return {
        count: row?.count ?? 0,
        total: row?.total ?? 0,
        oldestCreatedAt: row?.oldest ?? null,
        nextTryAt: row?.next ?? null,
      };
    },
    /** Count and total of EXPOSURE_STATES: what the exposure limits compare. */
    exposure(): Pick<UnresolvedSummary, 'count' | 'total'> {
      const row = exposureStmt.get();
      return { count: row?.count ?? 0, total: row?.total ?? 0 };
    },
    /** Ids of the queue items whose next try is due at `now`, earliest first. */
    due(now: number, limit: number): number[] {
      return dueStmt.all(now, limit).map((r) => r.id);
    },
    unresolvedIds(): number[] {
      return unresolvedIdsStmt.all().map((r) => r.id);
    },
    /** "retry now" and connectivity back: every waiting item becomes due at `now`. */
    makeAllDue(now: number): number {
      return makeDueStmt.run(now, now).changes;
    },
    /** "retry now" for one item. */
    makeDue(id: number, now: number): boolean {
      return makeOneDueStmt.run(now, id).changes === 1;
    },
    /** the earliest next try strictly after `now` (the queue's next timer) */
    nextTryAfter(now: number): number | null {
      return nextTryAfterStmt.get(now)?.next ?? null;
    },
    /** when the longest-running doubt began (the next verification deadline) */
    earliestDoubtSince(): number | null {
      return earliestDoubtStmt.get()?.since ?? null;
    },
    /** in_doubt items whose doubt began at or before `since` (the verification deadline). */
    inDoubtSince(since: number): Cancellation[] {
      return pastDeadlineStmt.all(since).map(toCancellation);
    },
    inState(state: CancellationState): Cancellation[] {
      return inStateStmt.all(state).map(toCancellation);
    },
    /** Every cancellation of an original with this approval number and date, oldest first. */
    forApproval(orgAprvNo: string, orgAprvDt: string): Cancellation[] {
      return sameOriginalStmt.all(orgAprvNo, orgAprvDt).map(toCancellation);
    },
    /**
     * Cancelled or rejected from `settledFrom` (inclusive) to `settledTo` (exclusive), requested
     * before `createdBefore` (epoch ms): the close's earlier requests settled since.
     */
    settled(query: {
      settledFrom: number;
      settledTo: number;
      createdBefore: number;
    }): Cancellation[] {
      return settledStmt
        .all(query.settledFrom, query.settledTo, query.createdBefore)
        .map(toCancellation);
    },
  };
}

export type CancellationRepository = ReturnType<typeof createCancellationRepository>;
