import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { channelNames, channels, resultSchema } from '../../../shared/contract';
import type { ChannelName } from '../../../shared/contract';
import { registerIpc } from '../../../electron/ipc/register';
import type { IpcMainLike, InvokeEventLike } from '../../../electron/ipc/register';
import { createFakeServices, validRequests } from '../fixtures/fake-services';
import { IMPORT_CSV } from '../fixtures/manager-fixtures';
import { createShellStack, settingsEditedByHand } from '../fixtures/shell-stack';
import type { ShellStack } from '../fixtures/shell-stack';

let stack: ShellStack | undefined;
afterEach(() => stack?.dispose());

function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  return { ipcMain, handlers };
}

const APP_WINDOW_ID = 7;
const fromApp = (url = 'app://desk/index.html'): InvokeEventLike => ({
  sender: { id: APP_WINDOW_ID },
  senderFrame: { url, parent: null },
});

describe('the IPC handler table', () => {
  it('has one handler per contract channel and nothing else', () => {
    stack = createShellStack(createFakeServices());
    expect(Object.keys(stack.ipc.handlers).sort()).toEqual([...channelNames].sort());
  });

  it('registers exactly the contract channels on ipcMain', () => {
    stack = createShellStack(createFakeServices());
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, stack.ipc.dispatch, (id) => id === APP_WINDOW_ID);
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('removes every handler it registered', () => {
    stack = createShellStack(createFakeServices());
    const { ipcMain, handlers } = fakeIpcMain();
    const unregister = registerIpc(ipcMain, stack.ipc.dispatch, () => true);
    unregister();
    expect(handlers.size).toBe(0);
  });

  /** What a channel needs to have happened before its valid call can succeed. */
  const before: Partial<Record<ChannelName, (stack: ShellStack) => Promise<void>>> = {
    'import.commit': async (s) => {
      s.dialogs.importFile = join(s.dataDir, 'receipts.csv');
      writeFileSync(s.dialogs.importFile, IMPORT_CSV);
      expect(await s.call('import.preview', {})).toMatchObject({ ok: true });
    },
    // only a manager's resolution can be reopened
    'review.reopen': async (s) => {
      expect(await s.call('review.resolve', validRequests['review.resolve'])).toMatchObject({
        ok: true,
      });
    },
  };

  it.each(channelNames)('%s answers a valid call from the app window', async (channel) => {
    const services = createFakeServices();
    // something to confirm: settings.json edited by hand before this start (issue 11)
    stack = createShellStack(
      services,
      undefined,
      undefined,
      channel === 'integrity.confirm' ? { beforeStart: settingsEditedByHand } : {},
    );
    // something to get: the fake ledger starts with a receipt but no cancellation
    await services.cancellations.request(validRequests['cancellations.request'], {
      requestedBy: 'cashier',
    });
    // manager channels need manager mode; first-run setup is only valid before a PIN exists
    if (channel !== 'manager.setupPin') await stack.becomeManager();
    await before[channel]?.(stack);
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, stack.ipc.dispatch, (id) => id === APP_WINDOW_ID);
    const answer = await handlers.get(channel)?.(fromApp(), validRequests[channel]);
    expect(answer).toMatchObject({ ok: true });
    expect(resultSchema(channels[channel].response).safeParse(answer).success).toBe(true);
  });

  it('refuses a call from another WebContents even with the app URL', async () => {
    const services = createFakeServices();
    stack = createShellStack(services);
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, stack.ipc.dispatch, (id) => id === APP_WINDOW_ID);
    const other: InvokeEventLike = { ...fromApp(), sender: { id: 99 } };
    const answer = await handlers.get('cancellations.request')?.(
      other,
      validRequests['cancellations.request'],
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(services.calls).toEqual([]);
  });

  it('treats a frame whose senderFrame getter throws (frame gone) as no frame', async () => {
    const services = createFakeServices();
    stack = createShellStack(services);
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, stack.ipc.dispatch, () => true);
    const gone = {
      sender: { id: APP_WINDOW_ID },
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    } as InvokeEventLike;
    const answer = await handlers.get('queue.retryNow')?.(gone, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(services.calls).toEqual([]);
  });
});
