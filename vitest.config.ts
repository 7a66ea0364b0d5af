import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Three kinds of test, one runner (one count for CI):
//  - node: shared rules, KICC client, simulator, ledger, engine, IPC, reliability (plain Node);
//  - dom: renderer components and stores in happy-dom;
//  - e2e: the built renderer in Debian's Chromium via Playwright, and the Electron app when its
//    binary exists. See DESIGN.md "Testing without the Electron binary".
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{unit,integration,reliability,shell}/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
