import type { SqliteDb } from './open';

/**
 * Group commit: steps handed in during one turn of the event loop are committed together, in one
 * transaction and so one fsync, each in its own savepoint (a step that throws is rolled back
 * alone and its caller gets the error). Each caller's promise resolves only AFTER the commit:
 * "written before acted on" holds exactly as with a transaction per step; only the fsync is
 * shared. With synchronous=FULL the fsync is most of a commit's cost, and the queue's parallel
 * steps tend to finish in the same turn (bench: docs/engine.md).
 */
interface Pending {
  step: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommit(db: SqliteDb) {
  let pending: Pending[] = [];
  let scheduled: ReturnType<typeof setImmediate> | null = null;

  function flush(): void {
    scheduled = null;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      db.transaction(() => {
        for (const item of batch) {
          try {
            // a transaction function called inside another one runs as a SAVEPOINT
            results.push({ ok: true, value: db.transaction(item.step)() });
          } catch (error) {
            results.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const result = results[i];
      if (result?.ok) item.resolve(result.value);
      else item.reject(result?.error);
    });
  }

  return {
    /** Runs `step` in the next group transaction; resolves with its value once committed. */
    write<T>(step: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ step, resolve: resolve as (value: unknown) => void, reject });
        scheduled ??= setImmediate(flush);
      });
    },
    /** Commits what is waiting now (before the ledger closes). */
    flushNow(): void {
      if (scheduled !== null) clearImmediate(scheduled);
      flush();
    },
  };
}
