import { createAuditLog as createChainedAuditLog } from '../audit/log';
import { AUDIT_SCHEMA_SQL } from '../audit/schema';
import { chainedEventOf } from './audit';
import type { SqliteDb } from './open';

/**
 * Migration 2: the first, unchained `audit_events` table (migration 1) becomes the hash-chained
 * log of electron/audit (docs/manager.md "Audit log"). Its rows are carried over in their
 * original order (by id) as events #1, #2, ... of the chain, with their own times, actors and
 * kinds; the cancellation and receipt they named become the subject and stay in the details.
 * Runs inside the migration's transaction (./open.ts migrate): all of it, or nothing.
 */
export const AUDIT_CHAIN_SQL = `
DROP TRIGGER IF EXISTS audit_events_no_update;
DROP TRIGGER IF EXISTS audit_events_no_delete;
DROP INDEX IF EXISTS audit_events_by_cancellation;
ALTER TABLE audit_events RENAME TO audit_events_unchained;
${AUDIT_SCHEMA_SQL}
`;

interface UnchainedRow {
  id: number;
  at: number;
  actor: string;
  kind: string;
  cancellation_id: number | null;
  receipt_id: number | null;
  detail: string;
}

function detailOf(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    return { value: value as never };
  } catch {
    return { unparsed: text };
  }
}

export function carryUnchainedAudit(db: SqliteDb): void {
  let at = 0;
  const chain = createChainedAuditLog(db, { now: () => at });
  // all(), not iterate(): a write while a read statement is still stepping is asking for trouble
  const rows = db
    .prepare<[], UnchainedRow>('SELECT * FROM audit_events_unchained ORDER BY id')
    .all();
  for (const row of rows) {
    const event = chainedEventOf({
      at: row.at,
      actor: row.actor,
      kind: row.kind,
      cancellationId: row.cancellation_id,
      receiptId: row.receipt_id,
      detail: detailOf(row.detail),
    });
    at = event.at;
    chain.append({
      actor: event.actor,
      kind: event.kind,
      subject: event.subject,
      ...(event.details === undefined ? {} : { details: event.details }),
    });
  }
  db.exec('DROP TABLE audit_events_unchained');
}
