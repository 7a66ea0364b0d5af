// `npm run mutate`: StrykerJS over the engine's decision code (issue 9), with its vitest runner
// and TypeScript checker. Scores and the equivalent mutants: docs/engine.md "Mutation testing".
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: [
    'electron/cancellations/attemptPolicy.ts',
    'electron/cancellations/verificationPolicy.ts',
    'electron/cancellations/reversalPolicy.ts',
    'electron/cancellations/history.ts',
    'electron/cancellations/refusalCodes.ts',
    'electron/cancellations/states.ts',
    'electron/cancellations/admission.ts',
    'electron/cancellations/transitions.ts',
    'electron/kicc/codes.ts',
    'electron/kicc/classify.ts',
    'electron/queue/exposure.ts',
  ],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { logTests: false, allowColor: false },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 90 },
  concurrency: 2,
  timeoutMS: 20000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
