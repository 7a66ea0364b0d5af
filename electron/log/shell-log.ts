/**
 * What the shell's modules log through. electron-log in the app (./logger.ts), a recorder in
 * tests. Every value passes the redaction function (./redact.ts) before it is written.
 */
export interface ShellLog {
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

export const silentLog: ShellLog = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
