import type { AuditEvent } from '../../shared/contract';
import type { AuditEventRow } from './chain';

/**
 * A stored audit event as the manager's screens see it (shared/contract auditEventSchema): its
 * facts and hash, without prevHash, which only the chain's verification needs (./verify.ts).
 * One mapping for audit.list and the review detail's history.
 */
export const auditEventView = (e: AuditEventRow): AuditEvent => ({
  seq: e.seq,
  at: e.at,
  actor: e.actor,
  kind: e.kind,
  subject: e.subject,
  details: e.details,
  hash: e.hash,
});
