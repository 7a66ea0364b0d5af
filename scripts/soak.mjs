// `npm run soak -- RUNS [PROFILE]`: the model-based property test of the cancellation engine with
// as many fast-check runs per KICC profile as asked (npm test runs 1,000 each), under every
// profile or one (test/integration/engine/model/PROFILE.test.ts). Example: npm run soak -- 20000
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 10000);
const profile = process.argv[3];
if (!Number.isSafeInteger(runs) || runs < 1) {
  console.error('usage: npm run soak -- RUNS [PROFILE]   (RUNS a positive whole number)');
  process.exit(2);
}
const target =
  profile === undefined
    ? 'test/integration/engine/model/'
    : `test/integration/engine/model/${profile}.test.ts`;
console.log(`soak: ${runs} property runs per profile, ${profile ?? 'every profile'}`);
const r = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'node', target],
  { cwd: root, stdio: 'inherit', env: { ...process.env, KICC_PROPERTY_RUNS: String(runs) } },
);
process.exit(r.status ?? 1);
