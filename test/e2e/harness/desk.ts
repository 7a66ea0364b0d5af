import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  startKiccSimulator,
  type ApproveInput,
  type KiccSimulator,
  type SimOriginal,
} from '../../../electron/kicc/simulator';
import { ROOT, buildRenderer } from './build';
import { contrastProblems, horizontalOverflow } from './contrast';
import { brokenKoreanWords } from './word-breaks';
import {
  createE2eBackend,
  createFirstStartBackend,
  type BackendOptions,
  type E2eBackend,
} from './desk-backend';
import { bridgePos, type Bridged } from './pos-bridge';
import { serveStatic, type StaticServer } from './static-server';

/**
 * One cashier's desk for a journey: the simulator, the real services on a fresh data folder,
 * the built renderer in its own browser context, and `window.pos` bridged between them.
 * Everything the page complains about (console errors, uncaught errors, CSP violations) is
 * collected in `problems`, which a journey asserts is empty.
 */
export interface DeskOptions extends Omit<BackendOptions, 'sim'> {
  /** 1024×768 by default (a POS screen); deviceScaleFactor 1.5 emulates Windows' 150% */
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  /** runs against main before the page opens (e.g. the manager PIN a store set long ago) */
  prepare?: (backend: E2eBackend) => Promise<void>;
}

export interface E2eDesk {
  page: Page;
  sim: KiccSimulator;
  backend: E2eBackend;
  bridged: Bridged;
  problems: string[];
  /** a payment approved at the simulator and known to the app (as an import would make it) */
  seedReceipt(input?: ApproveInput): SimOriginal;
  /** a payment only the simulator knows (the cashier has the paper receipt) */
  approveOnly(input?: ApproveInput): SimOriginal;
  /**
   * Saves test-results/e2e-screenshots/<name>.png (and docs/screenshots/<name>.png with
   * UPDATE_SCREENSHOTS=1), after checking the state's contrast, width and that no Korean word
   * breaks in the middle (problems go to `problems`).
   */
  shot(name: string): Promise<void>;
  /** how many cancellation requests the page sent */
  cancelRequests(): number;
  /** true when nothing has focus (focus fell to <body>) */
  focusLost(): Promise<boolean>;
  close(): Promise<void>;
}

const RESULTS_DIR = join(ROOT, 'test-results/e2e-screenshots');
const DOCS_DIR = join(ROOT, 'docs/screenshots');

let server: StaticServer | undefined;

/** One static server for the whole file's run (the build is shared, ./build.ts). */
async function rendererUrl(): Promise<string> {
  server ??= await serveStatic(await buildRenderer());
  return server.url;
}

export async function closeRendererServer(): Promise<void> {
  await server?.close();
  server = undefined;
}

export async function openDesk(browser: Browser, options: DeskOptions = {}): Promise<E2eDesk> {
  // the simulator keeps the app's time: KICC refuses a request stamped 5 minutes off its own
  const sim = await startKiccSimulator(options.clock ? { clock: options.clock } : {});
  const backend = createE2eBackend({ sim, ...options });
  return openPage(browser, sim, backend, options, () => sim.close());
}

/**
 * The app's very first start (issue 6): default settings, no credentials, no manager PIN, the
 * training engine with its embedded simulator and sample receipts, as electron/main.ts starts it.
 */
export async function openFirstStart(
  browser: Browser,
  options: DeskOptions & Pick<BackendOptions, 'manager'> = {},
): Promise<E2eDesk> {
  const backend = await createFirstStartBackend(options);
  // the engine owns this simulator: backend.close() stops it
  return openPage(browser, backend.simulator, backend, options, async () => undefined);
}

async function openPage(
  browser: Browser,
  sim: KiccSimulator,
  backend: E2eBackend,
  options: DeskOptions,
  closeSim: () => Promise<void>,
): Promise<E2eDesk> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1024, height: 768 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: 'ko-KR',
    timezoneId: 'Europe/London', // not Korea: every time on screen must still be KST
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console: ${message.text()}`);
    }
  });
  await options.prepare?.(backend);
  const bridged = await bridgePos(page, backend);
  await page.goto(await rendererUrl());
  try {
    await page.getByRole('textbox', { name: /영수증 번호|Receipt number/ }).waitFor();
  } catch (error) {
    throw new Error(`the desk did not start: ${problems.join(' | ') || String(error)}`);
  }

  const toReceipt = (original: SimOriginal) => {
    const added = backend.services.addReceipt(
      {
        vanTrxNo: original.vanTrxNo,
        mercTrxNo: original.mercTrxNo,
        aprvNo: original.aprvNo,
        aprvDt: original.aprvDt,
        aprvTm: original.aprvTm,
        alotMonth: original.alotMonth,
        trxAmt: original.trxAmt,
        vatAmt: original.vatAmt,
        svcAmt: original.svcAmt,
        cardConfirmNo: original.cardConfirmNo,
        issuerName: original.issFmNm,
      },
      { source: 'training' },
    );
    if (!added.ok) throw new Error(`seed receipt refused: ${JSON.stringify(added.error)}`);
  };

  return {
    page,
    sim,
    backend,
    bridged,
    problems,
    seedReceipt(input) {
      const original = sim.approve(input);
      toReceipt(original);
      return original;
    },
    approveOnly: (input) => sim.approve(input),
    async shot(name) {
      // every state worth a picture is also checked for WCAG AA contrast and for fitting
      for (const problem of await contrastProblems(page)) problems.push(`${name}: ${problem}`);
      for (const problem of await brokenKoreanWords(page)) problems.push(`${name}: ${problem}`);
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) problems.push(`${name}: ${overflow}px wider than the window`);
      mkdirSync(RESULTS_DIR, { recursive: true });
      const image = await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`) });
      // The README's pictures are refreshed on purpose (UPDATE_SCREENSHOTS=1), not by every
      // test run, so `npm test` leaves the work tree as it found it.
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        mkdirSync(DOCS_DIR, { recursive: true });
        await writeFile(join(DOCS_DIR, `${name}.png`), image);
      }
    },
    cancelRequests: () => bridged.calls.filter((c) => c.channel === 'cancellations.request').length,
    focusLost: () =>
      page.evaluate(() => {
        const doc = (
          globalThis as unknown as { document: { activeElement: unknown; body: unknown } }
        ).document;
        return doc.activeElement === null || doc.activeElement === doc.body;
      }),
    async close() {
      bridged.stop();
      await context.close();
      await backend.close();
      await closeSim();
    },
  };
}
