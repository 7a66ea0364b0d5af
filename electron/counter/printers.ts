import type { Language, PosResult, PrinterInfo, PrintResult } from '../../shared/contract';
import { buildTestSlip, slipHtml } from '../../shared/slip';
import type { JsonObject } from '../audit/canonical';
import type { SlipPrinter } from '../store-ops/ports';
import type { StoreIdentity } from '../store-ops/slips';

/**
 * Printing ready on day one (issue 12 finding 5): the manager picks the receipt printer from the
 * system's list (never types its name), prints a test slip on the choice before saving it, and
 * an empty choice prints on the system's default printer without a dialog
 * (electron/printing/slip-window-options.ts).
 */
export interface PrinterOpsDeps {
  printer: SlipPrinter;
  store: () => StoreIdentity;
  language: () => Language;
  now: () => number;
  record: (kind: string, subject: string, details: JsonObject) => void;
}

export const TEST_PRINTED = 'printer.test_printed';

export function createPrinterOps(deps: PrinterOpsDeps) {
  return {
    async list(): Promise<PosResult<{ printers: PrinterInfo[] }>> {
      const listed = await deps.printer.list();
      if (!listed.ok)
        return { ok: false, error: { code: 'printers-unavailable', message: listed.error } };
      return { ok: true, value: { printers: listed.value } };
    },

    async testPrint(printerName: string): Promise<PosResult<PrintResult>> {
      const store = deps.store();
      const slip = buildTestSlip(
        { storeName: store.storeName, terminalId: store.terminalId, printerName, at: deps.now() },
        deps.language(),
      );
      const printed = await deps.printer.print(slipHtml(slip), { printerName });
      deps.record(TEST_PRINTED, 'settings', { printer: printerName, printed: printed.ok });
      return {
        ok: true,
        value: {
          printed: printed.ok,
          printer: printerName,
          reprint: false,
          problem: printed.ok ? null : printed.error,
        },
      };
    },
  };
}
