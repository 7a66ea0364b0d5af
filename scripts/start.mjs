// `npm start`: build the app and run it in Electron (training mode until credentials are saved).
// Electron 45 fetches its binary on first use, from outside the npm registry. Where it is missing
// and cannot be fetched, we say so in one line with the command that installs it, not a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules/electron');

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

if (!electronBinary()) {
  // One quiet attempt to fetch it (what `require('electron')` would do), then a clear line.
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: root, stdio: 'ignore' });
  if (!electronBinary()) {
    console.error(
      "Electron's binary is missing and could not be downloaded; install it with: npx --no install-electron",
    );
    process.exit(1);
  }
}

const dev = process.argv.includes('--dev');
// the JS entry under this same Node: node_modules/.bin holds .cmd shims on Windows
const r = spawnSync(
  process.execPath,
  [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), dev ? 'dev' : 'preview'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(r.status ?? 1);
