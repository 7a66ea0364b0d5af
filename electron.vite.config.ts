import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// main: CommonJS bundle; electron-store is ESM-only, so it is bundled rather than required.
// preload: ONE self-contained CommonJS file, because a sandboxed preload cannot require
// anything but a few Electron modules (Electron security checklist, sandboxing).
// renderer: React app served from the app:// scheme; no remote content.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: ['electron-store', 'conf', 'zod'] },
      // The receipt import's worker thread is its own entry (out/main/import-worker.js), loaded
      // by main with new Worker(join(__dirname, 'import-worker.js')): electron/import/worker.ts.
      rollupOptions: {
        input: {
          main: resolve(__dirname, 'electron/main.ts'),
          'import-worker': resolve(__dirname, 'electron/import/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(__dirname, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
