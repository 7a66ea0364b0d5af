import { join } from 'node:path';
import log from 'electron-log/node';
import type { Redact } from './redact';
import { LOG_ARCHIVES, rotateLogFile } from './rotate';
import type { ShellLog } from './shell-log';

/**
 * The app's log files, with electron-log (issue 4: "a well-kept library"). Its node entry is
 * used on purpose: electron-log/main registers ipcMain channels of its own at import, and the
 * page has no business sending logs to main (contract channels only, Electron checklist 17).
 *
 * Files: <logs>/main.log, rotated at 5 MB into main.1.log ... main.5.log (30 MB at most).
 * On Windows <logs> is %APPDATA%\KICC Cancel Desk\logs (docs/shell.md "Data and logs").
 */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;

export interface LoggerOptions {
  logsDir: string;
  development: boolean;
  redact: Redact;
}

export function createShellLog(options: LoggerOptions): ShellLog {
  const file = log.transports.file;
  file.level = 'info';
  file.maxSize = LOG_MAX_BYTES;
  file.resolvePathFn = () => join(options.logsDir, 'main.log');
  file.archiveLogFn = (oldLogFile) => {
    try {
      rotateLogFile(oldLogFile.path, LOG_ARCHIVES);
    } catch {
      // a locked file (antivirus) is retried at the next rotation; never crash for a log
    }
  };
  log.transports.console.level = options.development ? 'debug' : false;
  // Every transport sees redacted data only (../log/redact.ts).
  log.hooks.push((message) => ({
    ...message,
    data: message.data.map((item: unknown) => options.redact(item)),
  }));

  const write =
    (level: 'info' | 'warn' | 'error') =>
    (text: string, detail?: Record<string, unknown>): void => {
      if (detail === undefined) log[level](text);
      else log[level](text, detail);
    };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
