import { createAttemptRepository } from './attempts';
import { createAuditLog } from './audit';
import { createCancellationRepository } from './cancellations';
import { createGroupCommit } from './groupCommit';
import { openLedgerDb, type OpenDbOptions, type SqliteDb } from './open';
import { createReceiptRepository } from './receipts';

/**
 * The ledger: one SQLite file holding receipts, cancellations, attempts and audit events
 * (DESIGN.md "Data"). Every write the engine makes goes through `write`, one transaction per
 * step, so a crash leaves either the whole step or none of it.
 */
export interface Ledger {
  readonly db: SqliteDb;
  readonly receipts: ReturnType<typeof createReceiptRepository>;
  readonly cancellations: ReturnType<typeof createCancellationRepository>;
  readonly attempts: ReturnType<typeof createAttemptRepository>;
  readonly audit: ReturnType<typeof createAuditLog>;
  /**
   * Runs `step` in one IMMEDIATE transaction (the write lock is taken at BEGIN, so a step never
   * fails half-way for a lock) and commits it; an exception rolls everything back.
   */
  write<T>(step: () => T): T;
  /**
   * The same, committed together with the other steps handed in during this turn of the event
   * loop (./groupCommit.ts); resolves once committed. For the queue's steps, where many run at
   * once and one fsync can serve them all.
   */
  writeSoon<T>(step: () => T): Promise<T>;
  /** Commits what is waiting, then closes. */
  close(): void;
}

export function openLedger(file: string, options: OpenDbOptions = {}): Ledger {
  const db = openLedgerDb(file, options);
  const group = createGroupCommit(db);
  const ledger: Ledger = {
    db,
    receipts: createReceiptRepository(db),
    cancellations: createCancellationRepository(db),
    attempts: createAttemptRepository(db),
    audit: createAuditLog(db),
    write: <T>(step: () => T): T => db.transaction(step).immediate(),
    writeSoon: <T>(step: () => T): Promise<T> => group.write(step),
    close: () => {
      if (!db.open) return;
      group.flushNow();
      db.close();
    },
  };
  return ledger;
}
