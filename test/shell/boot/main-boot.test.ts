import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../../shared/contract';
import type { Cancellation, Receipt } from '../../../shared/contract';
import { kstDateTime } from '../../../shared/kicc/time';
import { APP_HOST, APP_SCHEME } from '../../../electron/window/app-protocol';
import { bootApp, ensureBuilt, ROOT, type BootedApp } from './boot-app';

/**
 * The real main-process start-up (the built out/main/main.js) against a faithful stand-in of the
 * Electron APIs it uses (./electron-stand-in.cjs): what `npm start` would do on a POS, up to the
 * pixels. Three starts on one "machine": a first start in training mode with nothing configured,
 * where a manager configures live; a live start that records a cancellation while KICC is out of
 * reach; a third start that finds it in the same ledger. Each quit must end the process by
 * itself with exit code 0 (nothing left running) and close the ledger (no WAL left behind).
 */
const machine = mkdtempSync(join(tmpdir(), 'kicc-boot-'));
const userData = join(machine, 'KICC Cancel Desk');
const PIN = '4827';
const LIVE_API = 'https://kicc-api.invalid';

type Ok<T> = { ok: true; value: T };
type Answer<T> = Ok<T> | { ok: false; error: { code: string } };
const value = <T>(answer: Answer<T>): T => {
  if (!answer.ok) throw new Error(`expected ok, got ${JSON.stringify(answer)}`);
  return answer.value;
};

async function start(options: { packaged?: boolean; argv?: string[] } = {}): Promise<BootedApp> {
  const app = bootApp({ appData: machine, ...options });
  const loaded = await Promise.race([
    app.loaded,
    app.exited.then((code) => {
      throw new Error(`the app exited (${code}) before its window loaded: ${app.stderr()}`);
    }),
  ]);
  expect(loaded.url).toBe(`${APP_SCHEME}://${APP_HOST}/index.html`);
  return app;
}

async function quit(app: BootedApp): Promise<void> {
  await app.call('quit');
  expect(await app.exited, app.stderr()).toBe(0);
  expect(app.stderr()).not.toContain('still running');
}

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => rmSync(machine, { recursive: true, force: true }));

describe('main.ts start-up on the Electron stand-in', () => {
  it('first start, nothing configured: training mode, a hardened window, every channel', async () => {
    const app = await start();
    const facts = await app.facts();

    expect(facts.singleInstanceLock).toBe(true);
    expect(facts.privilegedSchemes).toEqual([
      { scheme: APP_SCHEME, privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(facts.menu).toBeNull(); // no application menu: Alt shows nothing
    expect(facts.errorBoxes).toEqual([]);

    expect(facts.windows).toHaveLength(1);
    const [window] = facts.windows;
    expect(window?.options).toMatchObject({
      show: false,
      kiosk: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        devTools: false,
        preload: join(ROOT, 'out/preload/preload.cjs'),
      },
    });
    expect(existsSync(String(window?.options.webPreferences.preload))).toBe(true);
    expect(window).toMatchObject({ visible: true, maximized: true });
    expect(window?.listeners).toMatchObject({
      beforeInputEvent: 1,
      renderProcessGone: 1,
      willNavigate: 1,
      windowOpenHandler: true,
      unresponsive: 1,
    });
    expect(facts.permissionHandlers.map((h) => h.answersForMedia)).toEqual([false, false, false]);

    // every contract channel, and nothing else, is handled
    expect([...facts.ipcHandlers].sort()).toEqual([...channelNames].sort());

    // the page is served from app://desk with its CSP; nothing outside the renderer folder
    const page = await app.call<{ status: number; headers: Record<string, string>; start: string }>(
      'fetch',
      { url: `${APP_SCHEME}://${APP_HOST}/index.html` },
    );
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.start.toLowerCase()).toContain('<!doctype html>');
    const outside = await app.call<{ status: number }>('fetch', {
      url: `${APP_SCHEME}://${APP_HOST}/../../package.json`,
    });
    expect(outside.status).toBe(404);

    const info = value(await app.invoke<Answer<{ mode: string; recovered: unknown }>>('app.info'));
    expect(info).toMatchObject({ mode: 'training', recovered: null });
    await quit(app);
    expect(existsSync(join(userData, 'training', 'ledger.sqlite'))).toBe(true);
    expect(existsSync(join(userData, 'training', 'ledger.sqlite-wal'))).toBe(false);
  });

  it('a training cancellation through the registered handler, against the embedded simulator', async () => {
    const app = await start();
    const found = value(
      await app.invoke<Answer<{ receipts: Receipt[] }>>('receipts.lookup', {
        by: 'amount',
        from: kstDateTime(Date.now() - 86_400_000).date,
        to: kstDateTime(Date.now()).date,
        amount: 12_000,
      }),
    );
    const receipt = found.receipts.find((r) => r.cancellation === null);
    expect(receipt).toBeDefined();
    const cancelled = value(
      await app.invoke<Answer<Cancellation>>('cancellations.request', {
        clientRequestId: randomUUID(),
        receiptId: receipt?.id,
        trxAmt: receipt?.trxAmt,
        vatAmt: receipt?.vatAmt,
        svcAmt: receipt?.svcAmt,
        reason: '부팅 시험',
      }),
    );
    expect(cancelled.state).toBe('cancelled');
    expect((await app.facts()).sent['cancellation.updated']).toBeGreaterThan(0);

    // a call from any other page or frame is refused (Electron checklist 17)
    expect(await app.invoke('app.info', {}, { frameUrl: 'https://evil.example/' })).toMatchObject({
      ok: false,
    });
    expect(await app.invoke('app.info', {}, { senderId: 999 })).toMatchObject({ ok: false });
    await quit(app);
  });

  it('behaves as a POS program: browser keys do nothing, a crashed screen comes back with a notice', async () => {
    const app = await start();
    const key = (k: string, mods: Record<string, boolean> = {}) =>
      app.call<{ prevented: boolean }>('key', {
        input: {
          type: 'keyDown',
          key: k,
          control: false,
          meta: false,
          shift: false,
          alt: false,
          ...mods,
        },
      });
    expect(await key('w', { control: true })).toEqual({ prevented: true });
    expect(await key('r', { control: true })).toEqual({ prevented: true });
    expect(await key('F5')).toEqual({ prevented: false }); // the desk's "retry now"

    expect(await app.call('crash', { reason: 'crashed' })).toEqual({ reloaded: 1 });
    const after = value(await app.invoke<Answer<{ recovered: unknown }>>('app.info'));
    expect(after.recovered).toMatchObject({ reason: 'crashed' });
    // told once: the next read (a later load) does not repeat it
    expect(
      value(await app.invoke<Answer<{ recovered: unknown }>>('app.info')).recovered,
    ).toBeNull();
    await quit(app);
  });

  it('a manager configures live; the next start is live, and a cancellation made offline is in its ledger at the start after', async () => {
    const first = await start();
    value(await first.invoke<Answer<unknown>>('manager.setupPin', { pin: PIN, confirmation: PIN }));
    value(
      await first.invoke<Answer<unknown>>('settings.update', {
        apiBaseUrl: LIVE_API,
        terminalId: 'T987654321',
        serviceId: 'SVC0000001',
        businessNumber: '2208162517',
        storeName: '부팅상회',
      }),
    );
    value(
      await first.invoke<Answer<unknown>>('credentials.set', {
        channelId: 'LIVE-CHANNEL-01',
        secretKey: 'live-secret-key-0001-abcdefgh',
      }),
    );
    value(await first.invoke<Answer<unknown>>('app.restart'));
    expect(await first.exited).toBe(0);
    expect(first.stderr()).not.toContain('still running');

    const live = await start();
    expect(value(await live.invoke<Answer<{ mode: string }>>('app.info')).mode).toBe('live');
    expect(value(await live.invoke<Answer<{ storeName: string }>>('settings.get')).storeName).toBe(
      '부팅상회',
    );
    expect(value(await live.invoke<Answer<{ set: boolean }>>('credentials.status')).set).toBe(true);
    const paper = value(
      await live.invoke<Answer<Receipt>>('receipts.add', {
        orgAprvDt: kstDateTime(Date.now()).date,
        orgAprvNo: '30001234',
        wcc: 'T',
        cndTrxNo: '261204000001',
        alotMonth: '00',
        trxAmt: 11_000,
        vatAmt: 1_000,
        svcAmt: 0,
      }),
    );
    const offline = value(
      await live.invoke<Answer<Cancellation>>('cancellations.request', {
        clientRequestId: randomUUID(),
        receiptId: paper.id,
        trxAmt: 11_000,
        vatAmt: 1_000,
        svcAmt: 0,
        reason: '오프라인',
      }),
    );
    // KICC out of reach: nothing reached it, so the same request waits in the queue
    expect(offline.state).toBe('queued');
    await quit(live);
    expect(existsSync(join(userData, 'live', 'ledger.sqlite-wal'))).toBe(false);

    const again = await start();
    // the queue resends it as soon as it starts (still unreachable): it is 'sending' for a moment
    let held: Cancellation | undefined;
    for (let i = 0; i < 50 && held?.state !== 'queued'; i++) {
      const queue = value(await again.invoke<Answer<{ items: Cancellation[] }>>('queue.status'));
      held = queue.items.find((c) => c.id === offline.id);
      if (held?.state !== 'queued') await new Promise((done) => setTimeout(done, 100));
    }
    expect(held).toMatchObject({ state: 'queued', clientRequestId: offline.clientRequestId });
    await quit(again);
  });

  it('a live till refuses to start while NODE_EXTRA_CA_CERTS is set, saying what to remove (issue 11)', async () => {
    // the till is live from the test above; a cashier adds their own certificate authority
    const app = bootApp({ appData: machine, env: { NODE_EXTRA_CA_CERTS: 'C:\\pos\\mine.pem' } });
    expect(await app.exited).toBe(1);
    expect(app.stderr()).toContain('실제 모드로 시작하지 않았습니다');
    expect(app.stderr()).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('the installed app refuses to start with remote debugging, before opening anything', async () => {
    const app = bootApp({
      appData: machine,
      packaged: true,
      argv: ['--remote-debugging-port=9222'],
    });
    expect(await app.exited).toBe(1);
    expect(app.stderr()).toContain('원격 디버깅');
    expect(app.stderr()).toContain('--remote-debugging-port');
    expect(app.stderr()).not.toContain('9222');
  });
});
