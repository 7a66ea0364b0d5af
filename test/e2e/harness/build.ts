import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

/**
 * Builds the renderer exactly as electron-vite's renderer section does (electron.vite.config.ts:
 * root renderer/, the React plugin, production mode) into its own folder, so e2e tests never
 * race `npm run build` for out/renderer. Skipped when nothing under renderer/ or shared/ changed
 * since the last build (vitest runs e2e files one after another; one build serves them all).
 */
export const ROOT = resolve(import.meta.dirname, '../../..');
export const RENDERER_OUT = join(ROOT, 'out/e2e-renderer');
const STAMP = join(RENDERER_OUT, '.source-stamp');

/**
 * Under vitest NODE_ENV is 'test', and Vite and the React plugin would then bundle React's
 * development build and JSX runtime. The browser tests must run what ships, as the CLI builds it.
 */
async function asProduction<T>(run: () => Promise<T>): Promise<T> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await run();
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

/** The newest modification time of any file under `dir` (ms). */
export function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function sourceStamp(): string {
  return String(Math.max(newestChange(join(ROOT, 'renderer')), newestChange(join(ROOT, 'shared'))));
}

export async function buildRenderer(): Promise<string> {
  const stamp = sourceStamp();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp) return RENDERER_OUT;
  await buildPage(join(ROOT, 'renderer'), RENDERER_OUT);
  writeFileSync(STAMP, stamp);
  return RENDERER_OUT;
}

/**
 * Any page under `root` (its index.html) built exactly as the renderer is (the bench's bare
 * React page, test/bench/bare-page/, is measured against the desk with the same setup).
 */
export async function buildPage(root: string, outDir: string): Promise<string> {
  await asProduction(() =>
    build({
      configFile: false,
      root,
      base: './',
      mode: 'production',
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    }),
  );
  return outDir;
}

let bridgeCode: string | undefined;

/**
 * The page side of the bridge (./page-bridge.ts) as one classic script: it builds `window.pos`
 * with the SAME createPosApi factory the preload uses, over a transport made of Playwright
 * bindings. Injected with addInitScript (before the app's own script runs).
 */
export async function buildPageBridge(): Promise<string> {
  if (bridgeCode !== undefined) return bridgeCode;
  const output = await asProduction(() =>
    build({
      configFile: false,
      // zod's sources carry annotations Rollup warns about; nothing to act on here.
      logLevel: 'error',
      mode: 'production',
      build: {
        write: false,
        chunkSizeWarningLimit: 2_000,
        minify: false,
        lib: {
          entry: join(ROOT, 'test/e2e/harness/page-bridge.ts'),
          formats: ['iife'],
          name: 'posBridge',
        },
      },
    }),
  );
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if ('output' in result) {
      for (const chunk of result.output) {
        if (chunk.type === 'chunk' && chunk.isEntry) {
          bridgeCode = chunk.code;
          return chunk.code;
        }
      }
    }
  }
  throw new Error('page bridge build produced no entry chunk');
}
