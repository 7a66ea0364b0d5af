/**
 * How the app behaves as a POS program rather than a browser (issue 10), as pure rules the
 * Electron wiring (./electron-window.ts) applies and the tests check without Electron:
 *  - the keys a browser would act on (close tab, reload, DevTools) do nothing;
 *  - a renderer that crashed or hangs is reloaded with a notice and a log line, never left as a
 *    white window; a renderer that keeps failing is not reloaded forever;
 *  - a start with a remote-debugging switch is refused (no Electron fuse covers it, and it would
 *    hand anyone on the PC the page and so window.pos).
 */

/** What Electron's `before-input-event` tells about a key (Electron.Input, the part we read). */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

/**
 * Browser shortcuts swallowed before the page sees them. The app menu is gone (no accelerators),
 * so this is the second line: Ctrl+W / Ctrl+F4 would close the only window, Ctrl+R / Ctrl+Shift+R
 * reload it mid-cancellation, Ctrl+Shift+I / F12 open DevTools (off in production anyway),
 * Ctrl+P prints the screen, Ctrl+N / Ctrl+T / Ctrl+O have nothing to open. F5 is NOT here: it is
 * the desk's "retry now" and no longer reloads once the menu is gone.
 */
export function isBlockedShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const command = input.control || input.meta;
  if (key === 'F12') return true;
  if (!command) return false;
  if (key === 'F4') return true;
  if (['w', 'r', 'p', 'n', 't', 'o'].includes(key)) return true;
  return input.shift && (key === 'i' || key === 'j' || key === 'c');
}

export type RecoveryReason = 'crashed' | 'unresponsive';

export interface RendererRecoveryDeps {
  now: () => number;
  /** load the page again */
  reload: () => void;
  /** end a hung renderer so it can be reloaded (Electron: webContents.forcefullyCrashRenderer) */
  crash: () => void;
  /** too many failures in a row: tell the person at the till and stop trying */
  giveUp: (reason: RecoveryReason) => void;
  log: (event: string, fields: Record<string, unknown>) => void;
  setTimer: (ms: number, run: () => void) => { cancel(): void };
}

/** A hung page gets this long to answer again before it is reloaded. */
export const UNRESPONSIVE_GRACE_MS = 10_000;
/** More recoveries than this within RECOVERY_WINDOW_MS: give up (no reload loop). */
export const MAX_RECOVERIES = 3;
export const RECOVERY_WINDOW_MS = 5 * 60_000;

export interface RendererRecovery {
  /** Electron `render-process-gone` (details.reason) */
  gone(reason: string, exitCode: number): void;
  unresponsive(): void;
  responsive(): void;
  /** the last recovery, for the notice on the reloaded page; read once */
  takeNotice(): { reason: RecoveryReason; at: number } | null;
  /** the window is closing: nothing more to recover */
  stop(): void;
}

export function createRendererRecovery(deps: RendererRecoveryDeps): RendererRecovery {
  const recent: number[] = [];
  let hang: { cancel(): void } | null = null;
  let notice: { reason: RecoveryReason; at: number } | null = null;
  let stopped = false;
  // we ended a hung renderer ourselves: its render-process-gone is not a second failure
  let endedByUs = false;

  function recover(reason: RecoveryReason, fields: Record<string, unknown>): void {
    const now = deps.now();
    while (recent.length > 0 && now - recent[0]! > RECOVERY_WINDOW_MS) recent.shift();
    recent.push(now);
    if (recent.length > MAX_RECOVERIES) {
      deps.log('window: renderer keeps failing, not reloading again', { reason, ...fields });
      stopped = true;
      deps.giveUp(reason);
      return;
    }
    deps.log('window: renderer reloaded', { reason, ...fields });
    notice = { reason, at: now };
    deps.reload();
  }

  return {
    gone(reason, exitCode) {
      hang?.cancel();
      hang = null;
      if (endedByUs) {
        endedByUs = false;
        return;
      }
      // 'clean-exit': the window is closing, or Electron ended it on purpose
      if (stopped || reason === 'clean-exit') return;
      recover('crashed', { how: reason, exitCode });
    },
    unresponsive() {
      if (stopped || hang !== null) return;
      deps.log('window: renderer not answering', { graceMs: UNRESPONSIVE_GRACE_MS });
      hang = deps.setTimer(UNRESPONSIVE_GRACE_MS, () => {
        hang = null;
        if (stopped) return;
        // Electron: reload() right after forcefullyCrashRenderer() loads in a new process
        endedByUs = true;
        deps.crash();
        recover('unresponsive', {});
      });
    },
    responsive() {
      hang?.cancel();
      hang = null;
    },
    takeNotice() {
      const taken = notice;
      notice = null;
      return taken;
    },
    stop() {
      stopped = true;
      hang?.cancel();
      hang = null;
    },
  };
}

/**
 * Chromium reads switches with `--`, `-` and (on Windows) `/`, in any case, with or without a
 * value; Electron has no fuse for remote debugging.
 */
const REMOTE_DEBUGGING = /^(?:--?|\/)remote-debugging-(?:port|pipe|address|targets)(?:=|$)/i;

/** The remote-debugging switch this start was given, or null. */
export function remoteDebuggingSwitch(argv: readonly string[]): string | null {
  return argv.find((arg) => REMOTE_DEBUGGING.test(arg)) ?? null;
}
