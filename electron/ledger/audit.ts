import { auditDetails, createAuditLog as createChainedAuditLog } from '../audit/log';
import type { AuditQuery } from '../audit/log';
import type { AuditCheckpoint, AuditEventRow } from '../audit/chain';
import type { JsonObject } from '../audit/canonical';
import type { AuditVerification } from '../audit/verify';
import type { SqliteDb } from './open';
import type { AuditEvent } from './types';

/**
 * The ledger's audit log: the hash-chained, append-only log of electron/audit (DESIGN.md "Audit
 * log: append-only and hash-chained"; docs/manager.md "Audit log"), in the ledger's own file.
 * `appendAudit` (the engine's steps) and `record` (manager, settings, import, ...) are the only
 * writers. Both run inside the caller's transaction (their own when none is open): an event is
 * committed together with the change it describes, or not at all.
 *
 * Subjects: `cancellation:<id>`, `receipt:<id>`, or what `record` names ('manager', 'settings',
 * 'credentials', 'import', ...). The engine's events keep `cancellationId` and `receiptId` in
 * their details, as the first (unchained) layout had them in columns.
 */
export interface NewAuditEvent {
  at: number;
  /** who did it: the cashier or manager id, or 'engine' for the workflow and queue */
  actor: string;
  /** what happened, e.g. 'cancellation.requested', 'attempt.sent', 'cancellation.in_doubt' */
  kind: string;
  cancellationId?: number | null;
  receiptId?: number | null;
  /** JSON-serialisable facts; never secrets (refused by key name: electron/audit/secrets.ts) */
  detail?: Record<string, unknown>;
}

/** An event about something other than one cancellation or receipt. */
export interface RecordedAuditEvent {
  at: number;
  actor: string;
  kind: string;
  subject: string;
  details?: JsonObject;
}

export const cancellationSubject = (id: number): string => `cancellation:${id}`;
export const receiptSubject = (id: number): string => `receipt:${id}`;

/** The chained form of an engine event (also used to carry the first layout's rows over). */
export function chainedEventOf(event: NewAuditEvent): RecordedAuditEvent {
  const cancellationId = event.cancellationId ?? null;
  const receiptId = event.receiptId ?? null;
  return {
    at: event.at,
    actor: event.actor,
    kind: event.kind,
    subject:
      cancellationId !== null
        ? cancellationSubject(cancellationId)
        : receiptId !== null
          ? receiptSubject(receiptId)
          : 'ledger',
    details: { ...(event.detail ?? {}), cancellationId, receiptId } as JsonObject,
  };
}

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null);

export function createAuditLog(db: SqliteDb) {
  // The chain takes `at` from a clock; ours is the time the caller gives with each event (the
  // engine's injected clock), so tests and the ledger agree to the millisecond.
  let at: number | null = null;
  const chain = createChainedAuditLog(db, {
    now: () => {
      if (at === null) throw new Error('audit: an event was appended without its time');
      return at;
    },
  });

  function record(event: RecordedAuditEvent): AuditEventRow {
    at = event.at;
    try {
      return chain.append({
        actor: event.actor,
        kind: event.kind,
        subject: event.subject,
        ...(event.details === undefined ? {} : { details: event.details }),
      });
    } finally {
      at = null;
    }
  }

  const toEvent = (row: AuditEventRow): AuditEvent => {
    const details = auditDetails(row) ?? {};
    const { cancellationId, receiptId, ...detail } = details;
    return {
      id: row.seq,
      at: row.at,
      actor: row.actor,
      kind: row.kind,
      cancellationId: numberOrNull(cancellationId),
      receiptId: numberOrNull(receiptId),
      detail,
    };
  };

  return {
    appendAudit(event: NewAuditEvent): void {
      record(chainedEventOf(event));
    },
    record,
    forCancellation(cancellationId: number): AuditEvent[] {
      return chain
        .list({ subject: cancellationSubject(cancellationId), limit: 10_000 })
        .map(toEvent);
    },
    list: (query: AuditQuery = {}): AuditEventRow[] => chain.list(query),
    head: (): AuditCheckpoint | null => chain.head(),
    verify: (options: { checkpoint?: AuditCheckpoint } = {}): AuditVerification =>
      chain.verify(options),
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
