import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../../electron/ledger/ledger';
import { schemaVersion } from '../../../electron/ledger/open';
import { SCHEMA_VERSION } from '../../../electron/ledger/schema';
import { tempDir } from './tmpLedger';

/**
 * The ledger moved from better-sqlite3 to node:sqlite (docs/architecture.md "SQLite without an
 * ABI trap"). A store's existing ledger must open and carry on: the fixture was written by
 * release 0.1.0 (better-sqlite3 12 on Node 22) through the real services against the simulator —
 * one cancellation answered `0000`, one whose answer was lost and then verified, one still
 * in doubt — and closed as the app closes it.
 */
const FIXTURE = join(import.meta.dirname, '../../fixtures/ledger-0.1.0.sqlite');

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((done) => done()));

function openCopy() {
  const t = tempDir('earlier-');
  const file = join(t.dir, 'ledger.sqlite');
  copyFileSync(FIXTURE, file);
  const ledger = openLedger(file);
  cleanups.push(() => {
    ledger.close();
    t.remove();
  });
  return { ledger, file };
}

describe('a ledger written by release 0.1.0 (better-sqlite3)', () => {
  it('opens at the current schema with every row as it was written', () => {
    const { ledger } = openCopy();
    expect(schemaVersion(ledger.db)).toBe(SCHEMA_VERSION);
    const states = ledger.cancellations
      .list({ limit: 100, offset: 0 })
      .map((c) => [c.id, c.state])
      .sort(([a], [b]) => Number(a) - Number(b));
    expect(states).toEqual([
      [1, 'cancelled'],
      [2, 'cancelled'],
      [3, 'in_doubt'],
    ]);
    expect(ledger.attempts.forCancellation(2).map((a) => a.kind)).toEqual([
      'cancel',
      'net-cancel',
      'cancel',
    ]);
    expect(ledger.receipts.get(1)?.trxAmt).toBe(11000);
  });

  it('keeps its audit chain intact, and extends it', () => {
    const { ledger } = openCopy();
    const before = ledger.audit.verify();
    expect(before).toMatchObject({ ok: true, count: 17 });
    ledger.write(() =>
      ledger.audit.appendAudit({ at: 1, actor: 'test', kind: 'test.opened', detail: {} }),
    );
    expect(ledger.audit.verify()).toMatchObject({ ok: true, count: 18 });
  });

  it('finds the in-doubt cancellation where the queue looks for it', () => {
    const { ledger } = openCopy();
    expect(ledger.cancellations.unresolvedIds()).toEqual([3]);
    expect(ledger.cancellations.get(3)?.openAttemptId).not.toBeNull();
  });
});
