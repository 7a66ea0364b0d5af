import { afterEach, describe, expect, it } from 'vitest';
import { RESOLUTION_NOTES } from '../../../electron/cancellations/resolution-notes';
import { MANAGER_RESOLVED } from '../../../electron/ledger/cancellations';
import { openLedger, type Ledger } from '../../../electron/ledger/ledger';
import { schemaVersion } from '../../../electron/ledger/open';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/ledger/schema';
import { sampleCancellation, sampleReceipt, tempLedger } from './tmpLedger';

/**
 * The review screen's second list, the cancellations a manager resolved, found through their own
 * partial index (migration 5) instead of a read of every cancellation: on a ledger of 1,000,000
 * cancellations the read took 377-587 ms of the services' thread, the IPC server the cashier's
 * screen waits on (docs/bench.md).
 */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const INDEX_VERSION =
  MIGRATIONS.find((m) => m.sql.includes('cancellations_resolved_by_manager'))?.version ?? 0;

/** Six cancellations; the 2nd and 5th resolved by a manager, the 3rd with a note of another kind. */
function seed(ledger: Ledger): { manual: number[]; others: number[] } {
  const manual: number[] = [];
  const others: number[] = [];
  for (let i = 1; i <= 6; i += 1) {
    const r = ledger.receipts.insert(sampleReceipt(), i);
    const id = ledger.cancellations.insert(sampleCancellation(r.id, 'needs_review', ''), i);
    if (i === 2 || i === 5) {
      const note = i === 2 ? RESOLUTION_NOTES.cancelled : RESOLUTION_NOTES['not-cancelled'];
      ledger.cancellations.update(id, { state: i === 2 ? 'cancelled' : 'rejected', note }, i);
      manual.push(id);
    } else {
      if (i === 3) ledger.cancellations.update(id, { note: 'verify-after-window' }, i);
      others.push(id);
    }
  }
  return { manual: manual.reverse(), others: others.reverse() };
}

const ids = (ledger: Ledger, resolvedByManager: boolean): number[] =>
  ledger.cancellations.list({ resolvedByManager, limit: 100, offset: 0 }).map((c) => c.id);

describe('the cancellations a manager resolved', () => {
  it('are listed and counted through their partial index, newest first', () => {
    const t = tempLedger();
    cleanups.push(t.remove);
    const { manual, others } = seed(t.ledger);
    expect(ids(t.ledger, true)).toEqual(manual);
    expect(t.ledger.cancellations.count({ resolvedByManager: true })).toBe(2);
    expect(ids(t.ledger, false)).toEqual(others);
    expect(t.ledger.cancellations.count({ resolvedByManager: false })).toBe(4);
    expect(
      t.ledger.cancellations
        .list({ resolvedByManager: true, states: ['rejected'], limit: 10, offset: 0 })
        .map((c) => c.id),
    ).toEqual([manual[0]]);
    const plan = t.ledger.db
      .prepare<[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT id FROM cancellations WHERE ${MANAGER_RESOLVED} ORDER BY id DESC`,
      )
      .all()
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toContain('cancellations_resolved_by_manager');
    expect(plan).not.toMatch(/SCAN cancellations$/);
  });

  it("keep the index's WHERE word for word the filter's, or SQLite could not use it", () => {
    const t = tempLedger();
    cleanups.push(t.remove);
    const sql = t.ledger.db
      .prepare<[], { sql: string }>(
        "SELECT sql FROM sqlite_master WHERE name = 'cancellations_resolved_by_manager'",
      )
      .get()?.sql;
    expect(sql?.replace(/\s+/g, ' ')).toMatch(new RegExp(`WHERE ${escape(MANAGER_RESOLVED)}$`));
  });

  it('get their index when a ledger of the version before it opens, rows kept', () => {
    const t = tempLedger();
    cleanups.push(t.remove);
    const { manual, others } = seed(t.ledger);
    expect(INDEX_VERSION).toBeGreaterThan(1);
    t.ledger.db.exec('DROP INDEX cancellations_resolved_by_manager');
    t.ledger.db.pragma(`user_version = ${INDEX_VERSION - 1}`);
    t.ledger.close();

    const reopened = openLedger(t.file);
    cleanups.unshift(() => reopened.close());
    expect(schemaVersion(reopened.db)).toBe(SCHEMA_VERSION);
    expect(ids(reopened, true)).toEqual(manual);
    expect(ids(reopened, false)).toEqual(others);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
