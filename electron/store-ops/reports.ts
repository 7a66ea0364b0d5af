import type { Language, PosResult, PrintResult, Report, SlipView } from '../../shared/contract';
import { posError } from '../../shared/contract';
import { slipHtml } from '../../shared/slip';
import type { Slip } from '../../shared/slip';
import type { Ledger } from '../ledger/ledger';
import { buildReport } from '../reports/compute';
import { endOfDaySummary } from '../reports/end-of-day';
import { cancellationsToCsv, reportToCsv } from '../reports/report-csv';
import type { CancellationReport } from '../reports/types';
import { storeOpsErrors } from './errors';
import type { FileDialogs, SlipPrinter, StoreFiles } from './ports';
import { reportCancellations } from './report-source';
import type { StoreIdentity } from './slips';

/**
 * Reports (issue 6 "Reports"): the day's and a period's cancellations, by state, by cashier and
 * by card issuer (electron/reports computes them from the ledger's rows, ./report-source.ts);
 * the same as CSV, written where the manager chooses in main's save dialog (UTF-8 with BOM, so
 * Excel reads Korean; the page never touches the disk); and the printable end-of-day summary,
 * which ends with the audit chain's head: that paper is the checkpoint for audit.verify.
 */
export interface ReportDeps {
  ledger: Ledger;
  now: () => number;
  store: () => StoreIdentity;
  language: () => Language;
  printerName: () => string;
  printer: SlipPrinter;
  dialogs: FileDialogs;
  files: StoreFiles;
  actor: () => string;
}

function report(ledger: Ledger, from: string, to: string): PosResult<CancellationReport> {
  const built = buildReport(reportCancellations(ledger, from, to), { from, to });
  return built.ok
    ? built
    : {
        ok: false,
        error: posError('invalid-request', built.error.message.ko, built.error.message.en),
      };
}

export function createReports(deps: ReportDeps) {
  function summarySlip(from: string, to: string, language: Language): PosResult<Slip> {
    const r = report(deps.ledger, from, to);
    if (!r.ok) return r;
    const store = deps.store();
    return {
      ok: true,
      value: endOfDaySummary(r.value, {
        storeName: store.storeName,
        terminalId: store.terminalId,
        printedAt: deps.now(),
        locale: language,
        auditHead: deps.ledger.audit.head(),
      }),
    };
  }

  return {
    range: (from: string, to: string): PosResult<Report> => report(deps.ledger, from, to),

    async exportCsv(input: {
      from: string;
      to: string;
      kind: 'summary' | 'detail';
      language?: Language | undefined;
    }): Promise<PosResult<{ saved: boolean; fileName: string | null; rows: number }>> {
      const language = input.language ?? deps.language();
      let csv: string;
      let rows: number;
      if (input.kind === 'detail') {
        const list = reportCancellations(deps.ledger, input.from, input.to);
        csv = cancellationsToCsv(list, language);
        rows = list.length;
      } else {
        const r = report(deps.ledger, input.from, input.to);
        if (!r.ok) return r;
        csv = reportToCsv(r.value, language);
        // data lines after the header (labels and keys: no line breaks inside cells)
        rows = csv.split('\r\n').filter((line) => line !== '').length - 1;
      }
      const period = input.from === input.to ? input.from : `${input.from}-${input.to}`;
      const suggested = `kicc-cancellations-${input.kind}-${period}.csv`;
      const path = await deps.dialogs.chooseCsvDestination(suggested);
      if (path === null) return { ok: true, value: { saved: false, fileName: null, rows: 0 } };
      try {
        deps.files.write(path, csv);
      } catch {
        return { ok: false, error: storeOpsErrors.csvNotWritten() };
      }
      const fileName = path.split(/[\\/]/).pop() ?? suggested;
      deps.ledger.write(() =>
        deps.ledger.audit.record({
          at: deps.now(),
          actor: deps.actor(),
          kind: 'report.exported',
          subject: 'reports',
          details: { from: input.from, to: input.to, kind: input.kind, fileName, rows },
        }),
      );
      return { ok: true, value: { saved: true, fileName, rows } };
    },

    endOfDay(from: string, to: string, language?: Language): PosResult<SlipView> {
      const slip = summarySlip(from, to, language ?? deps.language());
      return slip.ok ? { ok: true, value: { kind: 'summary', ...slip.value } } : slip;
    },

    async printEndOfDay(
      from: string,
      to: string,
      language?: Language,
    ): Promise<PosResult<PrintResult>> {
      const slip = summarySlip(from, to, language ?? deps.language());
      if (!slip.ok) return slip;
      const printerName = deps.printerName();
      const printed = await deps.printer.print(slipHtml(slip.value), { printerName });
      if (printed.ok) {
        deps.ledger.write(() =>
          deps.ledger.audit.record({
            at: deps.now(),
            actor: deps.actor(),
            kind: 'report.end_of_day_printed',
            subject: 'reports',
            details: { from, to, auditHeadSeq: deps.ledger.audit.head()?.seq ?? 0 },
          }),
        );
      }
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
