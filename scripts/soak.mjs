// `npm run soak -- RUNS`: the model-based property test of the cancellation engine with as many
// fast-check runs as asked (npm test runs 1,000). Example: npm run soak -- 20000
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 10000);
if (!Number.isSafeInteger(runs) || runs < 1) {
  console.error('usage: npm run soak -- RUNS   (a positive whole number)');
  process.exit(2);
}
console.log(`soak: ${runs} property runs`);
const r = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--project',
    'node',
    'test/integration/engine/model.test.ts',
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, KICC_PROPERTY_RUNS: String(runs) } },
);
process.exit(r.status ?? 1);
