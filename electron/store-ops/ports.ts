import type { LocalizedText, PrinterInfo } from '../../shared/contract';
import type { Result } from '../../shared/result';

/**
 * What the store operations need from the desktop, kept to plain functions so the factory
 * (./store-ops.ts) is built and tested without Electron. main.ts gives Electron's versions
 * (electron/printing/print-window.ts, dialog.showOpenDialog / showSaveDialog); tests give fakes.
 */

/**
 * Prints one self-contained HTML document (shared/slip slipHtml) on the receipt printer, and
 * says which printers the system has (issue 12 finding 5: pick from a list, never type a name).
 */
export interface SlipPrinter {
  print(
    html: string,
    options: {
      /** the configured printer; '' = the system's default, without a dialog */
      printerName: string;
    },
  ): Promise<Result<void, LocalizedText>>;
  /** the system's printers (Electron's getPrintersAsync) */
  list(): Promise<Result<PrinterInfo[], LocalizedText>>;
}

/** The manager picks files; the page never sees a path or touches the disk. */
export interface FileDialogs {
  /** an import file (.csv, .xlsx); null when the dialog was closed */
  chooseImportFile(): Promise<string | null>;
  /** where to save a CSV, suggesting `defaultName`; null when the dialog was closed */
  chooseCsvDestination(defaultName: string): Promise<string | null>;
  /** where the daily backup goes (a folder, e.g. on a USB drive); null when closed */
  chooseBackupFolder(): Promise<string | null>;
}

/** Disk access for the files the manager picked (default node:fs; tests may fail it). */
export interface StoreFiles {
  size(path: string): number;
  read(path: string): Uint8Array;
  /** writes the whole file (a temp file renamed over it) */
  write(path: string, text: string): void;
}
