import type { Ledger } from '../../../electron/ledger/ledger';

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
  heal(): void;
  /** writes refused so far, by kind */
  refused: Record<WriteKind, number>;
}

export const diskFull = (): Error =>
  Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

export function withDiskFaults(inner: Ledger): DiskFaults {
  const left: Record<WriteKind, number> = { write: 0, writeSoon: 0 };
  const refused: Record<WriteKind, number> = { write: 0, writeSoon: 0 };
  const refuse = (kind: WriteKind): boolean => {
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
    writeSoon: (step) => (refuse('writeSoon') ? Promise.reject(diskFull()) : inner.writeSoon(step)),
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
    },
    refused,
  };
}
