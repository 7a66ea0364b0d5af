import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type SqliteDb } from '../../../electron/ledger/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { AuditVerification } from '../../../shared/contract';
import { auditEventHash } from '../../../electron/audit/chain';
import { openLedger } from '../../../electron/ledger/ledger';
import { DEFAULT_SETTINGS } from '../../../electron/settings/schema';
import { createStoreOps } from '../../../electron/store-ops/store-ops';
import { TEST_SCRYPT } from '../../shell/fixtures/manager-fixtures';
import { closedDialogs, idlePrinter } from '../../shell/fixtures/idle-ports';
import { createWorld } from './world';

/**
 * Issue 6 "Audit log ... a verify function that detects any edited, removed or reordered event
 * and says where": a REAL ledger file, written by the engine and the store operations, is
 * tampered with the way someone with the file would (triggers dropped first), and the check
 * through the store operations finds each change and names the event.
 */
const K = 5;
let dir: string;
let pristine: string;
let head: { seq: number; hash: string };

beforeAll(async () => {
  const w = await createWorld();
  await w.stack.becomeManager();
  await w.stack.call('settings.update', { printerName: 'EPSON TM-T82' });
  for (const amount of [11_000, 22_000]) {
    const receipt = await w.receipt({ trxAmt: amount });
    await w.stack.call('cancellations.request', {
      clientRequestId: randomUUID(),
      receiptId: receipt.id,
      trxAmt: receipt.trxAmt,
      vatAmt: receipt.vatAmt,
      svcAmt: receipt.svcAmt,
      reason: '고객 변심',
    });
  }
  await w.services.drain();
  head = w.services.ledger.audit.head() ?? { seq: 0, hash: '' };
  expect(head.seq).toBeGreaterThan(K + 3);
  await w.services.close(); // folds the WAL into the file
  dir = mkdtempSync(join(tmpdir(), 'audit-tamper-'));
  pristine = join(dir, 'pristine.sqlite');
  copyFileSync(join(w.engineDir, 'ledger.sqlite'), pristine);
  expect(existsSync(`${join(w.engineDir, 'ledger.sqlite')}-wal`)).toBe(false);
  await w.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  seq: number;
  at: number;
  actor: string;
  kind: string;
  subject: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/** A copy of the ledger, changed by `tamper` with the database's own protections removed. */
function tampered(name: string, tamper: (db: SqliteDb) => void): string {
  const file = join(dir, `${name}.sqlite`);
  copyFileSync(pristine, file);
  const db = openSqlite(file);
  db.exec(`DROP TRIGGER audit_events_no_update;
           DROP TRIGGER audit_events_no_delete;
           DROP TRIGGER audit_events_in_sequence;`);
  tamper(db);
  db.close();
  return file;
}

/** audit.verify as the manager's button runs it: the store operations over that ledger. */
function verify(file: string, checkpoint?: { seq: number; hash: string }): AuditVerification {
  const ledger = openLedger(file);
  try {
    const ops = createStoreOps({
      ledger,
      settings: { current: () => DEFAULT_SETTINGS },
      credentials: { read: () => ({ ok: true, value: null }) },
      mode: { mode: 'training', reason: { ko: '교육', en: 'training' } },
      store: () => ({ storeName: 's', businessNumber: '1234567890', terminalId: 'T1' }),
      managerPinFile: join(dir, 'manager-pin.json'),
      modePreferenceFile: join(dir, 'mode.json'),
      clock: { now: () => Date.now() },
      random: Math.random,
      printer: idlePrinter,
      dialogs: closedDialogs,
      manager: { scrypt: TEST_SCRYPT },
    });
    return ops.audit.verify(checkpoint === undefined ? {} : { checkpoint });
  } finally {
    ledger.close();
  }
}

const row = (db: SqliteDb, seq: number): Row =>
  db.prepare<[number], Row>('SELECT * FROM audit_events WHERE seq = ?').get(seq) as Row;

describe('audit tamper detection on a real ledger file', () => {
  it('an untouched ledger is intact, also against the printed checkpoint', () => {
    expect(
      verify(
        tampered('untouched', () => undefined),
        head,
      ),
    ).toMatchObject({
      intact: true,
      count: head.seq,
      head,
      problem: null,
    });
  });

  it.each<[string, (db: SqliteDb) => void, 'edited' | 'removed' | 'reordered', number]>([
    [
      'a detail edited (an amount)',
      (db) => {
        const r = row(db, K);
        db.prepare('UPDATE audit_events SET details = ? WHERE seq = ?').run(
          r.details.replace(/}$/, ',"x":1}'),
          K,
        );
      },
      'edited',
      K,
    ],
    [
      'the actor edited and the hash recomputed',
      (db) => {
        const r = row(db, K);
        const facts = { ...r, actor: 'someone-else' };
        const hash = auditEventHash(r.prev_hash, facts);
        db.prepare('UPDATE audit_events SET actor = ?, hash = ? WHERE seq = ?').run(
          'someone-else',
          hash,
          K,
        );
      },
      'edited',
      K,
    ],
    [
      'an event deleted',
      (db) => db.prepare('DELETE FROM audit_events WHERE seq = ?').run(K),
      'removed',
      K,
    ],
    [
      'an event deleted and the later ones renumbered',
      (db) => {
        db.prepare('DELETE FROM audit_events WHERE seq = ?').run(K);
        const later = db
          .prepare<[number], { seq: number }>(
            'SELECT seq FROM audit_events WHERE seq > ? ORDER BY seq',
          )
          .all(K);
        for (const { seq } of later) {
          db.prepare('UPDATE audit_events SET seq = ? WHERE seq = ?').run(seq - 1, seq);
        }
      },
      'removed',
      K,
    ],
    [
      'two events swapped',
      (db) => {
        db.prepare('UPDATE audit_events SET seq = 1000000 WHERE seq = ?').run(K);
        db.prepare('UPDATE audit_events SET seq = ? WHERE seq = ?').run(K, K + 1);
        db.prepare('UPDATE audit_events SET seq = ? WHERE seq = 1000000').run(K + 1);
      },
      'reordered',
      K,
    ],
  ])('%s: detected, and located', (name, tamper, kind, at) => {
    const verdict = verify(tampered(name.replace(/\W+/g, '-'), tamper));
    expect(verdict).toMatchObject({ intact: false, problem: { kind, at } });
    expect(verdict.problem?.message.ko).toContain(`#${at}`);
  });

  it('the newest event deleted: only the printed checkpoint can tell, and it does', () => {
    const deleteNewest = (db: SqliteDb) =>
      db.prepare('DELETE FROM audit_events WHERE seq = ?').run(head.seq);
    expect(verify(tampered('tail-1', deleteNewest), head)).toMatchObject({
      intact: false,
      problem: { kind: 'removed', at: head.seq },
    });
    // without the checkpoint the chain alone looks whole (docs/manager.md: it is not keyed);
    // that check is itself recorded, taking the free number: the checkpoint still tells
    const file = tampered('tail-2', deleteNewest);
    expect(verify(file)).toMatchObject({ intact: true });
    expect(verify(file, head)).toMatchObject({
      intact: false,
      problem: { kind: 'edited', at: head.seq },
    });
  });
});
