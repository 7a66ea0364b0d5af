import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, type PosApi } from '../../shared/contract';
import { kstDateTime } from '../../shared/kicc/time';
import { exportCsvCp949, twoCellWorkbook } from '../fixtures/receipt-export';

/**
 * The built app, started by Playwright's `_electron` (DESIGN.md "Testing without the Electron
 * binary"): its window's security settings checked from the inside, and one training-mode
 * cancellation made through window.pos. Where the Electron binary is not installed (here: its
 * installer downloads from outside the registry), the test reports itself skipped with why.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const MAIN_JS = join(ROOT, 'out/main/main.js');

/**
 * Where `require('electron')` would point, WITHOUT requiring it: electron/index.js starts a
 * download of the binary when it is missing, which must never happen inside a test run.
 */
function electronBinary(): { ok: true; path: string } | { ok: false; reason: string } {
  const pkg = join(ROOT, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const path = override ? join(override, name || 'electron') : name ? join(pkg, 'dist', name) : '';
  if (path === '' || !existsSync(path)) {
    return {
      ok: false,
      reason: `the Electron binary is not installed (${path || join(pkg, 'dist')} is missing; its installer downloads it from outside the package registry)`,
    };
  }
  if (!existsSync(MAIN_JS)) {
    return { ok: false, reason: `the app is not built (${MAIN_JS} is missing: run npm run build)` };
  }
  return { ok: true, path };
}

const binary = electronBinary();
// Where the binary must be (the Windows workflow sets REQUIRE_ELECTRON=1), a skip is a failure.
const required = process.env.REQUIRE_ELECTRON === '1';
if (!binary.ok && !required) console.warn(`electron-app e2e skipped: ${binary.reason}`);
if (required) {
  it('the Electron binary is installed where REQUIRE_ELECTRON=1', () => {
    expect(binary).toMatchObject({ ok: true });
  });
}
const title = binary.ok ? 'the Electron app' : `the Electron app (skipped: ${binary.reason})`;

describe(title, () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  let dataDir = '';

  beforeAll(async () => {
    if (!binary.ok) return;
    dataDir = mkdtempSync(join(tmpdir(), 'kicc-desk-e2e-'));
    app = await electron.launch({
      executablePath: binary.path,
      args: [MAIN_JS],
      cwd: dirname(MAIN_JS),
      env: { ...process.env, KICC_DESK_USER_DATA: dataDir, NODE_ENV: 'production' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(!binary.ok)('serves the page from app://desk with no Node in it', async () => {
    expect(page.url()).toMatch(/^app:\/\/desk\//);
    const inside = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      module: typeof (globalThis as { module?: unknown }).module,
      ipcRenderer: 'ipcRenderer' in globalThis,
      pos: typeof (globalThis as { pos?: unknown }).pos,
      groups: Object.keys((globalThis as unknown as { pos: object }).pos).sort(),
    }));
    expect(inside).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      ipcRenderer: false,
      pos: 'object',
      groups: [...new Set([...channelNames.map((c) => c.split('.')[0]), 'on'])].sort(),
    });
  });

  it.skipIf(!binary.ok)('runs on the Node line the tests run on (one runtime)', async () => {
    const inside = await app?.evaluate(() => ({
      node: process.versions.node,
      sqlite: typeof process.getBuiltinModule('node:sqlite')?.DatabaseSync,
    }));
    // An Electron upgrade that embeds another Node line must move the `node` dev dependency too
    // (docs/architecture.md "One Node: the one Electron embeds").
    expect(inside?.node.split('.')[0]).toBe(process.versions.node.split('.')[0]);
    expect(inside?.sqlite).toBe('function');
  });

  it.skipIf(!binary.ok)('keeps DevTools shut and the page where it is', async () => {
    const devTools = await app?.evaluate(({ BrowserWindow }) => {
      const windows = BrowserWindow.getAllWindows();
      windows[0]?.webContents.openDevTools(); // a no-op when devTools is false
      return { windows: windows.length, open: windows[0]?.webContents.isDevToolsOpened() };
    });
    expect(devTools).toEqual({ windows: 1, open: false });
    const before = page.url();
    const tried = await page.evaluate(() => {
      const page = globalThis as unknown as {
        location: { href: string };
        open(url: string): unknown;
        pos: Record<string, unknown>;
      };
      const frozen = Object.isFrozen(page.pos);
      page.location.href = 'https://example.com/';
      return { frozen, opened: page.open('https://example.com/') };
    });
    expect(tried).toEqual({ frozen: true, opened: null });
    expect(page.url()).toBe(before);
  });

  it.skipIf(!binary.ok)('makes one training-mode cancellation through window.pos', async () => {
    // sample 1 was approved minutes ago: yesterday, just after midnight KST
    const days = {
      from: kstDateTime(Date.now() - 86_400_000).date,
      to: kstDateTime(Date.now()).date,
    };
    const outcome = await page.evaluate(async ({ from, to }) => {
      const pos = (globalThis as unknown as { pos: PosApi }).pos;
      const info = await pos.app.info();
      // training sample 1: approved minutes ago, 12,000 won, cancellable (electron/kicc/simulator/samples.ts)
      const found = await pos.receipts.lookup({
        by: 'amount',
        from,
        to,
        amount: 12_000,
      });
      if (!found.ok) return { info, error: found.error };
      const receipt = found.value.receipts.find((r) => r.cancellation === null);
      if (!receipt) return { info, error: 'no cancellable sample receipt' };
      const requested = await pos.cancellations.request({
        clientRequestId: crypto.randomUUID(),
        receiptId: receipt.id,
        trxAmt: receipt.trxAmt,
        vatAmt: receipt.vatAmt,
        svcAmt: receipt.svcAmt,
        reason: 'e2e',
      });
      if (!requested.ok) return { info, error: requested.error };
      let state = requested.value.state;
      for (
        let i = 0;
        i < 100 && !['cancelled', 'rejected', 'needs_review'].includes(state);
        i += 1
      ) {
        await new Promise<void>((done) => setTimeout(done, 100));
        const now = await pos.cancellations.get({ id: requested.value.id });
        if (now.ok) state = now.value.state;
      }
      return { info, state };
    }, days);
    expect(outcome).toMatchObject({
      info: { ok: true, value: { mode: 'training' } },
      state: 'cancelled',
    });
  });

  it.skipIf(!binary.ok)(
    "imports a CP949 export through Electron's worker thread, and refuses the XFD2000 bomb",
    async () => {
      const csv = join(dataDir, 'export.csv');
      writeFileSync(csv, exportCsvCp949(5_000));
      const bombBytes = await twoCellWorkbook('XFD2000');
      const bomb = join(dataDir, 'bomb.xlsx');
      writeFileSync(bomb, bombBytes);
      // the manager "picks" the file: main's own open dialog answers it
      const pick = (file: string) =>
        app?.evaluate(({ dialog }, path) => {
          dialog.showOpenDialog = (async () => ({
            canceled: false,
            filePaths: [path],
          })) as unknown as typeof dialog.showOpenDialog;
        }, file);

      await pick(csv);
      const imported = await page.evaluate(async () => {
        const pos = (globalThis as unknown as { pos: PosApi }).pos;
        const pin = await pos.manager.setupPin({ pin: '4827', confirmation: '4827' });
        if (!pin.ok) return { error: pin.error };
        const preview = await pos.import.preview();
        if (!preview.ok || !preview.value.picked) return { error: preview };
        const commit = await pos.import.commit({ token: preview.value.summary.token });
        return { dataRows: preview.value.summary.dataRows, commit };
      });
      expect(imported).toMatchObject({
        dataRows: 5_000,
        commit: { ok: true, value: { inserted: 5_000 } },
      });

      await pick(bomb);
      const refused = await page.evaluate(() =>
        (globalThis as unknown as { pos: PosApi }).pos.import.preview(),
      );
      expect(refused).toMatchObject({ ok: false, error: { code: 'too-many-columns' } });
    },
  );
});
