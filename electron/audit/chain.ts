import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical';

/**
 * The hash chain of the audit log (DESIGN.md "Audit log: append-only and hash-chained").
 *
 * Each event's hash covers its own fields AND the previous event's hash, so changing any stored
 * event changes every hash after it. `seq` (1, 2, 3, ... with no gaps) is inside the hash too:
 * a missing number is a removed event, and an intact event found at another number was moved
 * (./verify.ts tells these apart and says where).
 *
 * The hash is not keyed: someone who can write the database AND recompute every later hash can
 * rewrite history undetectably from the last point nobody wrote down. Checkpoints close that
 * gap: the end-of-day summary prints the chain's head (seq + hash) on paper, and
 * verifyAuditChain checks a checkpoint given back to it (docs/manager.md "Audit log").
 */

/** prevHash of event #1: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** Bumped if the hashed layout ever changes; inside the hash so old and new never collide. */
export const AUDIT_HASH_VERSION = 1;

/** An event's own facts: what is hashed besides the previous hash. */
export interface AuditEventFacts {
  /** 1, 2, 3, ... in append order, no gaps */
  seq: number;
  /** epoch ms, from the injected clock */
  at: number;
  /** who: a cashier id, 'manager', or 'engine' for the workflow and queue */
  actor: string;
  /** what, e.g. 'cancellation.requested', 'manager.login', 'settings.changed' */
  kind: string;
  /** about what, e.g. 'cancellation:42', 'receipt:7', 'settings', 'credentials', 'manager' */
  subject: string;
  /** canonical JSON text of the event's details (./canonical.ts), exactly as stored */
  details: string;
}

/** A stored event, as read back from the database. */
export interface AuditEventRow extends AuditEventFacts {
  prevHash: string;
  hash: string;
}

/** The chain's head: written down elsewhere (printed), it pins history up to `seq`. */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
}

/** sha256 hex over the canonical JSON of the event's facts and the previous event's hash. */
export function auditEventHash(prevHash: string, event: AuditEventFacts): string {
  const hashed = canonicalJson({
    v: AUDIT_HASH_VERSION,
    prevHash,
    seq: event.seq,
    at: event.at,
    actor: event.actor,
    kind: event.kind,
    subject: event.subject,
    details: event.details,
  });
  return createHash('sha256').update(hashed, 'utf8').digest('hex');
}

/** True when the row's stored hash matches its own content and its stored prevHash. */
export function isIntact(row: AuditEventRow): boolean {
  return auditEventHash(row.prevHash, row) === row.hash;
}
