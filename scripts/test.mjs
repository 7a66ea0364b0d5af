// `npm test`: everything CI runs, in order, with one totals line at the end.
//   typecheck (main, preload, shared, renderer) · lint (ESLint + Prettier) · build ·
//   vitest (node, dom and e2e projects).
// Each of the first three counts as one check; vitest counts its tests. The last line is
// "N passed, N failed[, N skipped]" and the exit code is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, cmd, args) {
  console.log(`\n== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: false });
  if (r.status === 0) passed += 1;
  else {
    failed += 1;
    console.log(`== ${name} FAILED (exit ${r.status})`);
  }
  return r.status === 0;
}

const bin = (name) => join(root, 'node_modules/.bin', name);

if (only.length === 0) {
  step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
  step('lint', 'npm', ['run', '--silent', 'lint']);
  step('build', 'npm', ['run', '--silent', 'build']);
}

const reportDir = join(root, 'test-results');
mkdirSync(reportDir, { recursive: true });
const report = join(reportDir, 'vitest.json');
rmSync(report, { force: true });
console.log('\n== vitest');
const v = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...only],
  { cwd: root, stdio: 'inherit' },
);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  // A suite that failed to load has no tests to count: count it as a failure.
  for (const s of r.testResults ?? []) {
    if (s.status === 'failed' && (s.assertionResults ?? []).length === 0) failed += 1;
  }
  if (v.status !== 0 && r.numFailedTests === 0 && failed === 0) failed += 1;
} else {
  failed += 1;
  console.log('== vitest wrote no report');
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
