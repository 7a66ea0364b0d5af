import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openLedgerDb } from '../ledger/open';
import { backupModeOf, verifyBackupFile } from './backup';

/**
 * Restoring a backup (issue 12 finding 9: "a restore path documented"; docs/shell.md "Backup and
 * restore"), with the app closed: the backup is verified as it was when made (./backup.ts), the
 * ledger it replaces is kept beside it (never deleted), and the restored file is put in place
 * under a temporary name first, so a failure half-way leaves the old ledger where it was.
 * `npm run restore -- <backup file> [data folder]` runs it (scripts/restore.ts).
 */
export type RestoreOutcome =
  | { ok: true; ledger: string; keptAside: string | null; events: number }
  | { ok: false; why: string };

export interface RestoreInput {
  /** the backup file (kicc-desk-<mode>-<date>-<time>.sqlite) */
  backupFile: string;
  /** the app's data folder (%APPDATA%\KICC Cancel Desk) */
  dataDir: string;
  /** which ledger to restore into; a training backup never goes into the live ledger */
  mode: 'live' | 'training';
  now: number;
}

export function restoreBackup(input: RestoreInput): RestoreOutcome {
  const { backupFile, dataDir, mode } = input;
  if (!existsSync(backupFile)) return { ok: false, why: `no file at ${backupFile}` };
  const fileMode = backupModeOf(backupFile);
  if (mode === 'live' && fileMode === 'training') {
    return { ok: false, why: 'a training backup cannot be restored into the live ledger' };
  }
  const check = verifyBackupFile(backupFile);
  if (!check.ok) return { ok: false, why: `the backup does not verify: ${check.why}` };

  const folder = join(dataDir, mode);
  const ledger = join(folder, 'ledger.sqlite');
  mkdirSync(folder, { recursive: true });
  let keptAside: string | null = null;
  if (existsSync(ledger)) {
    // Opening it exclusively proves the app is closed (it holds the lock while it runs), and
    // folds its WAL into the file so the copy kept aside is whole.
    try {
      openLedgerDb(ledger, { busyTimeoutMs: 0 }).close();
    } catch (error) {
      return { ok: false, why: `close the app first (${(error as Error).message})` };
    }
    keptAside = join(folder, `ledger.before-restore-${input.now}.sqlite`);
    renameSync(ledger, keptAside);
    for (const suffix of ['-wal', '-shm']) rmSync(`${ledger}${suffix}`, { force: true });
  }
  const incoming = `${ledger}.restoring`;
  copyFileSync(backupFile, incoming);
  renameSync(incoming, ledger);
  return { ok: true, ledger, keptAside, events: check.events };
}
