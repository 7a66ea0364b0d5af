import type { KiccClass } from '../kicc/outcome';
import type { SqliteDb } from './open';
import type { Attempt, AttemptFacts, AttemptKind, AttemptState } from './types';

/**
 * Attempts: one row per HTTP exchange with KICC (issue 3 "Ledger"). The outbox rule (DESIGN.md
 * "A cancellation's life") is kept here by construction: `begin` writes the row in state
 * 'sending' with the exact body BEFORE the call, `finish` records the answer or the error after.
 * A row still 'sending' at start-up is an exchange whose outcome nobody saw.
 */

interface AttemptRow {
  id: number;
  cancellation_id: number;
  kind: AttemptKind;
  merc_trx_no: string;
  repeats_attempt_id: number | null;
  body: string;
  sent_at: number;
  state: AttemptState;
  class: KiccClass | null;
  code: string | null;
  message: string | null;
  http_status: number | null;
  response_body: string | null;
  error: string | null;
  ended_at: number | null;
}

/** The columns of an attempt that hold its texts (not in AttemptFacts). */
type BodyColumn = 'body' | 'response_body' | 'error';

const toFacts = (row: Omit<AttemptRow, BodyColumn>): AttemptFacts => ({
  id: row.id,
  cancellationId: row.cancellation_id,
  kind: row.kind,
  mercTrxNo: row.merc_trx_no,
  repeatsAttemptId: row.repeats_attempt_id,
  sentAt: row.sent_at,
  state: row.state,
  class: row.class,
  code: row.code,
  message: row.message,
  httpStatus: row.http_status,
  endedAt: row.ended_at,
});

const toAttempt = (row: AttemptRow): Attempt => ({
  ...toFacts(row),
  body: row.body,
  responseBody: row.response_body,
  error: row.error,
});

/** The columns of an attempt that are not its texts (AttemptFacts). */
const FACT_COLUMNS = `id, cancellation_id, kind, merc_trx_no, repeats_attempt_id, sent_at, state, class, code,
  message, http_status, ended_at`;

/** An attempt as it starts (state 'sending'); its end is recorded by AttemptEnd. */
export type NewAttempt = Pick<
  Attempt,
  'cancellationId' | 'kind' | 'mercTrxNo' | 'repeatsAttemptId' | 'body' | 'sentAt'
>;

export interface AttemptEnd {
  /** 'answered' when KICC sent a parsable answer (any respCd), 'failed' otherwise */
  state: 'answered' | 'failed';
  class: KiccClass;
  code: string | null;
  message: string | null;
  httpStatus: number | null;
  responseBody: string | null;
  error: string | null;
  endedAt: number;
  /** the exact body the client sent, when it differs from what `begin` stored */
  body?: string;
}

export function createAttemptRepository(db: SqliteDb) {
  const insertStmt = db.prepare(
    `INSERT INTO attempts (cancellation_id, kind, merc_trx_no, repeats_attempt_id, body, sent_at,
       state)
     VALUES (@cancellationId, @kind, @mercTrxNo, @repeatsAttemptId, @body, @sentAt, 'sending')`,
  );
  const finishStmt = db.prepare(
    `UPDATE attempts SET state = @state, class = @class, code = @code, message = @message,
       http_status = @httpStatus, response_body = @responseBody, error = @error,
       ended_at = @endedAt, body = coalesce(@body, body)
     WHERE id = @id AND state = 'sending'`,
  );
  const byId = db.prepare<[number], AttemptRow>('SELECT * FROM attempts WHERE id = ?');
  const byCancellation = db.prepare<[number], AttemptRow>(
    'SELECT * FROM attempts WHERE cancellation_id = ? ORDER BY id',
  );
  // what the policies read of a cancellation's history: not the bodies (./types.ts AttemptFacts)
  const factsByCancellation = db.prepare<[number], Omit<AttemptRow, BodyColumn>>(
    `SELECT ${FACT_COLUMNS} FROM attempts WHERE cancellation_id = ? ORDER BY id`,
  );
  const sendingStmt = db.prepare<[], AttemptRow>(
    `SELECT * FROM attempts WHERE state = 'sending' ORDER BY id`,
  );
  const freshNumberUsed = db.prepare<[string], { id: number }>(
    `SELECT id FROM attempts WHERE merc_trx_no = ? AND kind = 'cancel' AND repeats_attempt_id IS NULL`,
  );

  return {
    begin(attempt: NewAttempt): Attempt {
      const info = insertStmt.run(attempt);
      return {
        ...attempt,
        id: Number(info.lastInsertRowid),
        state: 'sending',
        class: null,
        code: null,
        message: null,
        httpStatus: null,
        responseBody: null,
        error: null,
        endedAt: null,
      };
    },
    /** Records how the exchange ended. An attempt ends once: a second finish is a bug. */
    finish(id: number, end: AttemptEnd): void {
      const info = finishStmt.run({ id, ...end, body: end.body ?? null });
      if (info.changes !== 1) throw new Error(`attempt ${id} is not sending`);
    },
    get(id: number): Attempt | null {
      const row = byId.get(id);
      return row ? toAttempt(row) : null;
    },
    forCancellation(cancellationId: number): Attempt[] {
      return byCancellation.all(cancellationId).map(toAttempt);
    },
    /** Its attempts, oldest first, without the request and answer bodies. */
    factsFor(cancellationId: number): AttemptFacts[] {
      return factsByCancellation.all(cancellationId).map(toFacts);
    },
    sending(): Attempt[] {
      return sendingStmt.all().map(toAttempt);
    },
    isFreshNumberUsed(mercTrxNo: string): boolean {
      return freshNumberUsed.get(mercTrxNo) !== undefined;
    },
  };
}

export type AttemptRepository = ReturnType<typeof createAttemptRepository>;
