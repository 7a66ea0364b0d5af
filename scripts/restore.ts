/**
 * `npm run restore -- <backup file> [data folder] [--training]`
 *
 * Puts a backup made at the day's close (electron/counter/backup.ts) back as the app's ledger,
 * with the app closed. The data folder defaults to Windows' %APPDATA%\KICC Cancel Desk. The
 * ledger it replaces is kept beside it as ledger.before-restore-<time>.sqlite. docs/shell.md
 * "Backup and restore".
 */
import { join } from 'node:path';
import { restoreBackup } from '../electron/counter/restore';

const args = process.argv.slice(2);
const training = args.includes('--training');
const [backupFile, folder] = args.filter((arg) => arg !== '--training');
const dataDir =
  folder ?? (process.env.APPDATA ? join(process.env.APPDATA, 'KICC Cancel Desk') : undefined);

if (backupFile === undefined || dataDir === undefined) {
  console.error('usage: npm run restore -- <backup file> [data folder] [--training]');
  process.exit(2);
}
const outcome = restoreBackup({
  backupFile,
  dataDir,
  mode: training ? 'training' : 'live',
  now: Date.now(),
});
if (!outcome.ok) {
  console.error(`not restored: ${outcome.why}`);
  process.exit(1);
}
console.log(`restored ${outcome.events} audit events into ${outcome.ledger}`);
if (outcome.keptAside !== null)
  console.log(`the ledger it replaced is kept as ${outcome.keptAside}`);
