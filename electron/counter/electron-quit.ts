import type { BrowserWindow } from 'electron';
import { dialog } from 'electron';
import type { ShellLog } from '../log/shell-log';
import { quitWarningText, type QuitGuard } from './quit';

/**
 * The quit guard (./quit.ts) on the app window: closing it while cancellations are unresolved
 * is held back and the page asks (`app.quitRequested`; the page answers with `app.quit`). When
 * the page cannot ask (its renderer is gone), main asks in its own dialog. Windows shutting down
 * is never held up: the items continue at the next start anyway.
 */
export function guardWindowClose(
  window: BrowserWindow,
  guard: QuitGuard,
  language: () => 'ko' | 'en',
  log: ShellLog,
): void {
  window.on('close', (event) => {
    if (guard.closeRequested()) return;
    event.preventDefault();
    log.info('quit: held, unresolved cancellations', { count: guard.warning().count });
    if (!window.webContents.isCrashed()) return;
    const text = quitWarningText(guard.warning(), language());
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      title: 'KICC Cancel Desk',
      message: text.message,
      detail: text.detail,
      buttons: [text.stay, text.quit],
      defaultId: 0,
      cancelId: 0,
    });
    if (choice === 1) guard.confirm();
  });
  window.on('query-session-end', () => guard.allow());
}
