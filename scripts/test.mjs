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
let skipReasons = [];

function step(name, cmd, args) {
  console.log(`\n== ${name}: ${cmd} ${args.join(' ')}`);
  // npm is npm.cmd on Windows, which only a shell runs (Node refuses .cmd without one)
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status === 0) passed += 1;
  else {
    failed += 1;
    console.log(`== ${name} FAILED (exit ${r.status})`);
  }
  return r.status === 0;
}

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
  // this same Node (the `node` dev dependency under npm), whatever `node` is first on PATH
  process.execPath,
  [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...only,
  ],
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
  skipReasons = whySkipped(r);
} else {
  failed += 1;
  console.log('== vitest wrote no report');
}

// Never a silent skip: say what was skipped and why, just above the totals.
for (const line of skipReasons) console.log(`skipped: ${line}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);

/**
 * Skipped tests grouped by why: a suite that skips says why in its title ("… (skipped: why)",
 * as the Electron-app test does), and E2E=skip skips the browser journeys on purpose.
 */
function whySkipped(report) {
  const counts = new Map();
  for (const file of report.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status !== 'skipped' && t.status !== 'pending' && t.status !== 'todo') continue;
      const titled = [...(t.ancestorTitles ?? []), t.title]
        .map((title) => /\(skipped: (.*)\)$/.exec(title)?.[1])
        .find(Boolean);
      const inE2e = file.name.includes(`${join('test', 'e2e')}`);
      const reason =
        titled ??
        (inE2e && process.env.E2E === 'skip' ? 'browser journeys, E2E=skip' : 'no reason given');
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
  }
  return [...counts].map(([reason, n]) => `${n} (${reason})`);
}
