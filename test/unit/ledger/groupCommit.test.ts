import { openSqlite } from '../../../electron/ledger/sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../../electron/ledger/ledger';
import { sampleCancellation, sampleReceipt, tempLedger } from './tmpLedger';

/** ledger.writeSoon: steps of one turn share one commit, each with its own savepoint. */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('group commit', () => {
  it('commits the steps of one turn together, and resolves only once they are committed', async () => {
    const t = tempLedger();
    cleanups.push(t.remove);
    const before = t.ledger.db.prepare('SELECT count(*) AS n FROM receipts');
    const a = t.ledger.writeSoon(() => t.ledger.receipts.insert(sampleReceipt(), 1).id);
    const b = t.ledger.writeSoon(() => t.ledger.receipts.insert(sampleReceipt(), 1).id);
    // nothing is written before the turn ends: a caller cannot act on an uncommitted step
    expect(before.get()).toEqual({ n: 0 });
    const [ida, idb] = await Promise.all([a, b]);
    expect(ida).not.toBe(idb);
    // committed: another connection (after this one lets go) sees both
    t.ledger.close();
    const other = openSqlite(t.file, { readOnly: true });
    expect(other.prepare('SELECT count(*) AS n FROM receipts').get()).toEqual({ n: 2 });
    other.close();
  });

  it('rolls back a failing step alone; the others commit and their callers get their values', async () => {
    const t = tempLedger();
    cleanups.push(t.remove);
    const ok1 = t.ledger.writeSoon(() => t.ledger.receipts.insert(sampleReceipt(), 1).id);
    const bad = t.ledger.writeSoon(() => {
      t.ledger.receipts.insert(sampleReceipt(), 1); // written, then undone with its savepoint
      throw new Error('step failed');
    });
    const ok2 = t.ledger.writeSoon(() => t.ledger.receipts.insert(sampleReceipt(), 1).id);
    await expect(bad).rejects.toThrow('step failed');
    expect(typeof (await ok1)).toBe('number');
    expect(typeof (await ok2)).toBe('number');
    expect(t.ledger.db.prepare('SELECT count(*) AS n FROM receipts').get()).toEqual({ n: 2 });
  });

  it('close() commits what is waiting before closing', async () => {
    const t = tempLedger();
    cleanups.push(t.remove);
    const pending = t.ledger.writeSoon(() => t.ledger.receipts.insert(sampleReceipt(), 1).id);
    t.ledger.close();
    await expect(pending).resolves.toBeTypeOf('number');
    const again = openLedger(t.file);
    expect(again.db.prepare('SELECT count(*) AS n FROM receipts').get()).toEqual({ n: 1 });
    again.close();
  });
});

describe('group commit: when the whole batch rolls back, every caller learns it (issue 9)', () => {
  it('a commit refused at COMMIT (a deferred constraint) rejects every step of the batch, keeps none, and the ledger goes on', async () => {
    const t = tempLedger();
    cleanups.push(t.remove);
    const count = () => t.ledger.db.prepare('SELECT count(*) AS n FROM receipts').get();
    const a = t.ledger.writeSoon(() => t.ledger.receipts.insert(sampleReceipt(), 1).id);
    // a step that succeeds in its savepoint but makes the whole transaction's COMMIT fail:
    // a foreign key checked only at COMMIT (the same SQL on any SQLite binding)
    const poison = t.ledger.writeSoon(() => {
      t.ledger.db.prepare('PRAGMA defer_foreign_keys = ON').run();
      t.ledger.cancellations.insert(sampleCancellation(999_999, 'sending'), 1);
      return 'poison';
    });
    const c = t.ledger.writeSoon(() => t.ledger.receipts.insert(sampleReceipt(), 1).id);
    const settled = await Promise.allSettled([a, poison, c]);
    // every caller is told the truth: its step did NOT commit
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(count()).toEqual({ n: 0 });
    // and the next batch commits as usual
    await expect(
      t.ledger.writeSoon(() => t.ledger.receipts.insert(sampleReceipt(), 1).id),
    ).resolves.toBeTypeOf('number');
    expect(count()).toEqual({ n: 1 });
  });
});
