import { openLedger, type Ledger } from '../../../electron/ledger/ledger';

/**
 * Disk faults at the Ledger interface (write / writeSoon), the seam every engine write goes
 * through: a refused write looks like SQLite's own error (SQLITE_FULL) and changes nothing. At
 * this level the faults survive a change of SQLite binding (better-sqlite3 -> node:sqlite).
 */
export type WriteKind = 'write' | 'writeSoon';

export interface DiskFaults {
  ledger: Ledger;
  /** the next `count` writes of `kind` are refused */
  failNext(kind: WriteKind, count: number): void;
  /** every write of `kind` is refused until heal() */
  failWhile(kind: WriteKind): void;
  /** the `n`-th write from now (1 = the next), of either kind, is refused */
  failAt(n: number): void;
  /** writes of either kind so far */
  writes(): number;
  /**
   * The next writeSoon's whole group-commit batch fails at COMMIT (a foreign key checked only
   * then): every step committed with it is rolled back, as SQLite does to a batch.
   */
  poisonNextBatch(): void;
  heal(): void;
  /** writes refused so far, by kind */
  refused: Record<WriteKind, number>;
}

export const diskFull = (): Error =>
  Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

/**
 * `createServices({ openLedger })` for a ledger whose disk the test controls: the services open
 * their ledger through it, and `disk()` is that ledger's faults.
 */
export function faultyDisk(): { openLedger: (file: string) => Ledger; disk: () => DiskFaults } {
  let opened: DiskFaults | undefined;
  return {
    openLedger: (file) => {
      opened = withDiskFaults(openLedger(file));
      return opened.ledger;
    },
    disk: () => {
      if (opened === undefined) throw new Error('the services have not opened their ledger');
      return opened;
    },
  };
}

export function withDiskFaults(inner: Ledger): DiskFaults {
  const left: Record<WriteKind, number> = { write: 0, writeSoon: 0 };
  const refused: Record<WriteKind, number> = { write: 0, writeSoon: 0 };
  let seen = 0;
  let at = 0;
  let poison = false;
  const refuse = (kind: WriteKind): boolean => {
    seen += 1;
    if (seen === at) {
      refused[kind] += 1;
      return true;
    }
    if (left[kind] <= 0) return false;
    left[kind] -= 1;
    refused[kind] += 1;
    return true;
  };
  const ledger: Ledger = {
    db: inner.db,
    receipts: inner.receipts,
    cancellations: inner.cancellations,
    attempts: inner.attempts,
    audit: inner.audit,
    write: (step) => {
      if (refuse('write')) throw diskFull();
      return inner.write(step);
    },
    writeSoon: (step) => {
      if (refuse('writeSoon')) return Promise.reject(diskFull());
      if (!poison) return inner.writeSoon(step);
      poison = false;
      return inner.writeSoon(() => {
        const value = step();
        failAtCommit(inner);
        return value;
      });
    },
    close: () => inner.close(),
  };
  return {
    ledger,
    failNext(kind, count) {
      left[kind] = count;
    },
    failWhile(kind) {
      left[kind] = Number.POSITIVE_INFINITY;
    },
    heal() {
      left.write = 0;
      left.writeSoon = 0;
      at = 0;
    },
    failAt(n) {
      at = seen + n;
    },
    writes: () => seen,
    poisonNextBatch() {
      poison = true;
    },
    refused,
  };
}

/** Makes the current transaction's COMMIT fail: SQL only, the same on any SQLite binding. */
function failAtCommit(ledger: Ledger): void {
  ledger.db.prepare('PRAGMA defer_foreign_keys = ON').run();
  ledger.db
    .prepare(
      `INSERT INTO attempts (cancellation_id, kind, merc_trx_no, body, sent_at, state)
       VALUES (999999999, 'cancel', 'POISON', '{}', 0, 'sending')`,
    )
    .run();
}
