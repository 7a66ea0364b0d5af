import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant of the engine's decision code (stryker.config.mjs):
// the unit tests of the policies, transitions, admission, code table, classification and queue,
// and the regression tests of issue 9's sequences (real client, simulator over loopback).
export default defineConfig({
  test: {
    environment: 'node',
    include: [
      'test/unit/cancellations/**/*.test.ts',
      'test/unit/kicc/**/*.test.ts',
      'test/unit/queue/**/*.test.ts',
      'test/integration/engine/sequences.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
