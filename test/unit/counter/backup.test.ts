import { existsSync, readdirSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BACKUPS_KEPT,
  BACKUP_FAILED,
  BACKUP_MADE,
  backupFileName,
  createBackups,
  verifyBackupFile,
} from '../../../electron/counter/backup';
import { restoreBackup } from '../../../electron/counter/restore';
import { openLedger, type Ledger } from '../../../electron/ledger/ledger';
import { openSqlite } from '../../../electron/ledger/sqlite';
import { sampleReceipt, tempDir } from '../ledger/tmpLedger';

// 2024-01-05 21:30:00 KST
const AT = Date.UTC(2024, 0, 5, 12, 30, 0);
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function world(folderName: string | null = 'usb') {
  const { dir, remove } = tempDir('backup-');
  const ledger = openLedger(join(dir, 'ledger.sqlite'));
  cleanups.push(() => {
    ledger.close();
    remove();
  });
  let now = AT;
  const clock = { now: () => now };
  for (let i = 0; i < 3; i++) {
    ledger.write(() => {
      const receipt = ledger.receipts.insert(sampleReceipt(), now);
      ledger.audit.appendAudit({
        at: now,
        actor: 'engine',
        kind: 'receipt.added',
        receiptId: receipt.id,
      });
    });
  }
  const folder = folderName === null ? '' : join(dir, folderName);
  const recorded: { kind: string; details: unknown }[] = [];
  const backups = createBackups({
    ledger,
    mode: 'live',
    folder: () => folder,
    clock,
    record: (kind, subject, details) => {
      recorded.push({ kind, details });
      ledger.write(() =>
        ledger.audit.record({ at: now, actor: 'manager', kind, subject, details }),
      );
    },
  });
  return { dir, ledger, folder, backups, recorded, later: (ms: number) => (now += ms) };
}

const receiptsIn = (ledger: Ledger) =>
  ledger.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM receipts').get()?.n;

/** Issue 12 finding 9: a backup at the day's close, verified, and a way back. */
describe('finding 9: the ledger backed up to the manager’s folder and restored from it', () => {
  it('writes one self-contained file, verified by opening it, and records it', async () => {
    const w = world();
    const result = await w.backups.run('close');
    expect(result).toMatchObject({ ok: true, trigger: 'close', problem: null });
    expect(result.file).toBe(join(w.folder, 'kicc-desk-live-20240105-213000.sqlite'));
    expect(result.bytes).toBeGreaterThan(0);
    // no WAL, no journal, no half-written copy beside it
    expect(readdirSync(w.folder)).toEqual(['kicc-desk-live-20240105-213000.sqlite']);
    expect(verifyBackupFile(result.file)).toEqual({ ok: true, events: 3 });
    expect(w.recorded).toEqual([
      {
        kind: BACKUP_MADE,
        details: {
          trigger: 'close',
          file: 'kicc-desk-live-20240105-213000.sqlite',
          bytes: result.bytes,
          events: 3,
        },
      },
    ]);
    // the engine's ledger is untouched and still writable
    expect(w.ledger.audit.verify().ok).toBe(true);
    w.ledger.write(() => w.ledger.receipts.insert(sampleReceipt(), AT));
    expect(w.backups.last()).toEqual(result);
  });

  it('without a folder it says so; a folder it cannot write leaves nothing and says why', async () => {
    const none = world(null);
    expect(await none.backups.run('manual')).toMatchObject({
      ok: false,
      file: '',
      problem: { ko: expect.stringContaining('백업 폴더가 정해지지 않았습니다') },
    });
    const blocked = world('blocked');
    writeFileSync(blocked.folder, 'a file where the folder should be');
    const result = await blocked.backups.run('close');
    expect(result).toMatchObject({
      ok: false,
      problem: { ko: expect.stringContaining('백업하지 못했습니다') },
    });
    expect(blocked.recorded.map((r) => r.kind)).toEqual([BACKUP_FAILED]);
  });

  it('a damaged copy does not verify (integrity, the audit chain)', async () => {
    const w = world();
    const { file } = await w.backups.run('manual');
    const edited = join(w.dir, 'edited.sqlite');
    writeFileSync(edited, readFileSync(file));
    const db = openSqlite(edited);
    // what someone with the file would do: drop the guard, edit an event
    db.exec('DROP TRIGGER audit_events_no_update');
    db.exec("UPDATE audit_events SET actor = 'someone else' WHERE seq = 2");
    db.close();
    expect(verifyBackupFile(edited)).toMatchObject({
      ok: false,
      why: expect.stringContaining('audit chain'),
    });
    const torn = join(w.dir, 'torn.sqlite');
    writeFileSync(torn, readFileSync(file).subarray(0, 2048));
    expect(verifyBackupFile(torn).ok).toBe(false);
    expect(verifyBackupFile(join(w.dir, 'missing.sqlite')).ok).toBe(false);
  });

  it('restores into a fresh data folder: the ledger opens with what was backed up', async () => {
    const w = world();
    const { file } = await w.backups.run('close');
    const fresh = tempDir('restore-');
    cleanups.push(fresh.remove);
    const outcome = restoreBackup({ backupFile: file, dataDir: fresh.dir, mode: 'live', now: AT });
    expect(outcome).toEqual({
      ok: true,
      ledger: join(fresh.dir, 'live', 'ledger.sqlite'),
      keptAside: null,
      events: 3,
    });
    const restored = openLedger(join(fresh.dir, 'live', 'ledger.sqlite'));
    try {
      expect(receiptsIn(restored)).toBe(3);
      expect(restored.audit.verify()).toMatchObject({ ok: true, count: 3 });
      // and it carries on: a new event chains onto the restored head
      restored.write(() =>
        restored.audit.record({ at: AT, actor: 'engine', kind: 'x', subject: 'ledger' }),
      );
      expect(restored.audit.verify()).toMatchObject({ ok: true, count: 4 });
    } finally {
      restored.close();
    }
  });

  it('keeps the ledger it replaces, refuses while the app holds it, never puts training into live', async () => {
    const w = world();
    const { file } = await w.backups.run('close');
    const target = tempDir('restore-');
    cleanups.push(target.remove);
    const live = join(target.dir, 'live');
    mkdirSync(live, { recursive: true });
    const running = openLedger(join(live, 'ledger.sqlite'));
    expect(
      restoreBackup({ backupFile: file, dataDir: target.dir, mode: 'live', now: AT }),
    ).toMatchObject({
      ok: false,
      why: expect.stringContaining('close the app first'),
    });
    running.close();
    const outcome = restoreBackup({ backupFile: file, dataDir: target.dir, mode: 'live', now: AT });
    expect(outcome).toMatchObject({
      ok: true,
      keptAside: join(live, `ledger.before-restore-${AT}.sqlite`),
    });
    expect(existsSync(join(live, `ledger.before-restore-${AT}.sqlite`))).toBe(true);

    const training = join(w.dir, backupFileName('training', AT));
    writeFileSync(training, readFileSync(file));
    expect(
      restoreBackup({ backupFile: training, dataDir: target.dir, mode: 'live', now: AT }),
    ).toMatchObject({
      ok: false,
      why: expect.stringContaining('training backup'),
    });
  });

  it(`keeps the last ${BACKUPS_KEPT} backups of its own, and nothing else is touched`, async () => {
    const w = world();
    mkdirSync(w.folder, { recursive: true });
    writeFileSync(join(w.folder, 'notes.txt'), 'the manager’s own file');
    writeFileSync(join(w.folder, backupFileName('training', AT - 86_400_000)), 'x');
    for (let i = 0; i < BACKUPS_KEPT + 2; i++) {
      expect((await w.backups.run('close')).ok).toBe(true);
      w.later(86_400_000);
    }
    const names = readdirSync(w.folder);
    expect(names.filter((n) => n.startsWith('kicc-desk-live-'))).toHaveLength(BACKUPS_KEPT);
    expect(names).toContain('notes.txt');
    expect(names).toContain(backupFileName('training', AT - 86_400_000));
    expect(names).not.toContain(backupFileName('live', AT));
  });
});
