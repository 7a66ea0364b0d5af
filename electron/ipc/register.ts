import { channelNames, events } from '../../shared/contract';
import type { EventName } from '../../shared/contract';
import type { ShellLog } from '../log/shell-log';
import type { Dispatch } from './dispatch';
import type { DeskEvent } from './port';
import type { SenderFrame } from './sender';

/**
 * The Electron side of the IPC wrapper, kept to what ipcMain and WebContents offer so tests can
 * hand in fakes. Electron's own objects satisfy these shapes (checked by tsc in ../main.ts).
 */
export interface InvokeEventLike {
  /** Electron: null once the frame navigated away or was destroyed. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
  readonly sender: { readonly id: number };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Electron's `senderFrame` getter can throw for a frame that is gone: that is "no frame". */
export function senderFrameOf(event: InvokeEventLike): SenderFrame | null {
  try {
    const frame = event.senderFrame;
    if (!frame) return null;
    return { url: frame.url, isMainFrame: frame.parent === null };
  } catch {
    return null;
  }
}

/**
 * Registers one ipcMain handler per contract channel, and only those. Calls from any
 * WebContents other than the app window's are refused as an untrusted frame would be.
 * Returns the function that removes them again (tests, shutdown).
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  isAppWindow: (webContentsId: number) => boolean,
): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, ...args) =>
      dispatch(channel, isAppWindow(event.sender.id) ? senderFrameOf(event) : null, args),
    );
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}

export interface PageEventSink {
  send(event: EventName, payload: unknown): void;
}

/**
 * Forwards the engine's status stream to the page, each payload parsed by the contract's event
 * schema first (unknown fields stripped, malformed ones dropped and logged).
 */
export function forwardEvents(
  subscribe: (listener: (event: DeskEvent) => void) => () => void,
  target: () => PageEventSink | null,
  log: ShellLog,
): () => void {
  return subscribe(({ event, payload }) => {
    const parsed = events[event].safeParse(payload);
    if (!parsed.success) {
      log.error('ipc: event outside the contract dropped', { event });
      return;
    }
    target()?.send(event, parsed.data);
  });
}
