import type { SqliteDb, Statement } from '../ledger/sqlite';
import type { Clock } from '../../shared/clock';
import type { AuditCheckpoint, AuditEventFacts, AuditEventRow } from './chain';
import { GENESIS_HASH, auditEventHash } from './chain';
import type { JsonObject } from './canonical';
import { canonicalJson } from './canonical';
import { AuditSecretError, secretKeyPaths } from './secrets';
import type { AuditVerification } from './verify';
import { verifyAuditChain } from './verify';

/**
 * The audit log over SQLite (table from ./schema.ts; run migrateAudit first).
 *
 * `append` runs inside the caller's transaction when there is one (in its own transaction
 * otherwise), so an event is committed together with the change it describes, or not at all.
 * Reading the head and inserting the next row happen in that one transaction, and node:sqlite
 * is synchronous, so two appends cannot take the same seq.
 */

export interface NewAuditEvent {
  actor: string;
  kind: string;
  /** what the event is about: 'cancellation:42', 'receipt:7', 'settings', 'manager', ... */
  subject: string;
  /** JSON facts; never a secret (refused by key name, ./secrets.ts) */
  details?: JsonObject;
}

export interface AuditQuery {
  subject?: string;
  kind?: string;
  /** epoch ms, inclusive */
  fromAt?: number;
  /** epoch ms, exclusive */
  toAt?: number;
  /** only events after this seq (paging) */
  afterSeq?: number;
  /** at most this many, oldest first; default 500 */
  limit?: number;
}

/** A row of audit_events: the event's facts under their own names, and the two hashes. */
interface StoredRow extends AuditEventFacts {
  prev_hash: string;
  hash: string;
}

const toRow = (row: StoredRow): AuditEventRow => ({
  seq: row.seq,
  at: row.at,
  actor: row.actor,
  kind: row.kind,
  subject: row.subject,
  details: row.details,
  prevHash: row.prev_hash,
  hash: row.hash,
});

const DEFAULT_LIMIT = 500;

type ListParams = {
  subject: string | null;
  kind: string | null;
  fromAt: number | null;
  toAt: number | null;
  afterSeq: number;
  limit: number;
};

/**
 * The conditions of a list query, for the filters given and only those: SQLite picks its index
 * when it prepares a statement, before any value is bound, so a catch-all `(@kind IS NULL OR kind
 * = @kind)` could use none and every look-up read the log from its first event. Here a subject
 * is found through audit_events_by_subject (a kind beside it is only checked: `+kind` keeps the
 * broader index out), a kind through audit_events_by_kind, and a time range narrows seq first
 * through audit_events_by_at (`at` is the caller's clock, so it need not grow with seq; the
 * bounds are the least and greatest seq inside the range, which holds either way).
 */
const BY_AT = 'INDEXED BY audit_events_by_at';

function listConditions(query: AuditQuery): string[] {
  const where: string[] = [];
  if (query.subject !== undefined) where.push('subject = @subject');
  if (query.kind !== undefined) {
    where.push(query.subject === undefined ? 'kind = @kind' : '+kind = @kind');
  }
  if (query.fromAt === undefined) where.push('seq > @afterSeq');
  else {
    // one lower bound (SQLite searches a range with one); NULL when nothing is that recent
    where.push('at >= @fromAt');
    where.push(
      `seq >= max(@afterSeq + 1, (SELECT min(seq) FROM audit_events ${BY_AT} WHERE at >= @fromAt))`,
    );
  }
  if (query.toAt !== undefined) {
    where.push('at < @toAt');
    where.push(`seq <= (SELECT max(seq) FROM audit_events ${BY_AT} WHERE at < @toAt)`);
  }
  return where;
}

function assertText(value: unknown, name: string, allowEmpty: boolean): void {
  if (typeof value !== 'string' || (!allowEmpty && value.trim() === '')) {
    throw new TypeError(`audit event ${name} must be a ${allowEmpty ? '' : 'non-empty '}string`);
  }
}

export function createAuditLog(db: SqliteDb, clock: Clock) {
  const headStmt = db.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
  );
  const insertStmt = db.prepare(
    `INSERT INTO audit_events (seq, at, actor, kind, subject, details, prev_hash, hash)
     VALUES (@seq, @at, @actor, @kind, @subject, @details, @prevHash, @hash)`,
  );
  const allStmt = db.prepare<[], StoredRow>('SELECT * FROM audit_events ORDER BY seq');
  const lists = new Map<string, Statement<ListParams, StoredRow>>();
  /** The list query of these filters (./listConditions), prepared once. */
  function listStatement(query: AuditQuery): Statement<ListParams, StoredRow> {
    const where = listConditions(query);
    const key = where.join(' AND ');
    let statement = lists.get(key);
    if (statement === undefined) {
      statement = db.prepare<ListParams, StoredRow>(
        `SELECT * FROM audit_events WHERE ${where.join(' AND ')}
         ORDER BY seq LIMIT @limit`,
      );
      lists.set(key, statement);
    }
    return statement;
  }

  const appendRow = (event: NewAuditEvent): AuditEventRow => {
    const head = headStmt.get();
    const facts = {
      seq: (head?.seq ?? 0) + 1,
      at: clock.now(),
      actor: event.actor,
      kind: event.kind,
      subject: event.subject,
      details: canonicalJson(event.details ?? {}),
    };
    const prevHash = head?.hash ?? GENESIS_HASH;
    const row: AuditEventRow = { ...facts, prevHash, hash: auditEventHash(prevHash, facts) };
    insertStmt.run(row);
    return row;
  };
  // Inside the caller's transaction no SAVEPOINT is needed: the one INSERT is atomic by itself
  // (a failed statement is rolled back alone), and nothing else writes between reading the head
  // and inserting (one connection, synchronous). A savepoint would cost a sub-journal copy of
  // every page the insert touches. Alone, the append is its own transaction.
  const appendAlone = db.transaction(appendRow);

  return {
    /** Appends one event and returns it as stored. Throws on a caller bug (secret, bad input). */
    append(event: NewAuditEvent): AuditEventRow {
      assertText(event.actor, 'actor', false);
      assertText(event.kind, 'kind', false);
      assertText(event.subject, 'subject', true);
      const secrets = secretKeyPaths(event.details ?? {});
      if (secrets.length > 0) throw new AuditSecretError(secrets);
      return db.inTransaction ? appendRow(event) : appendAlone(event);
    },

    list(query: AuditQuery = {}): AuditEventRow[] {
      return listStatement(query)
        .all({
          subject: query.subject ?? null,
          kind: query.kind ?? null,
          fromAt: query.fromAt ?? null,
          toAt: query.toAt ?? null,
          afterSeq: query.afterSeq ?? 0,
          limit: Math.max(1, Math.min(query.limit ?? DEFAULT_LIMIT, 10_000)),
        })
        .map(toRow);
    },

    /** The newest event's seq and hash: print it to pin history (./chain.ts). */
    head(): AuditCheckpoint | null {
      return headStmt.get() ?? null;
    },

    /** Reads the whole chain and checks it (./verify.ts). */
    verify(options: { checkpoint?: AuditCheckpoint } = {}): AuditVerification {
      return verifyAuditChain(allStmt.all().map(toRow), options);
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;

/** The details of a stored event, parsed (null if the stored text is not a JSON object). */
export function auditDetails(row: AuditEventRow): JsonObject | null {
  try {
    const value: unknown = JSON.parse(row.details);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as JsonObject)
      : null;
  } catch {
    return null;
  }
}
