import type { Language, PosResult, PrintResult, Report, SlipView } from '../../shared/contract';
import { posError } from '../../shared/contract';
import { slipHtml } from '../../shared/slip';
import type { Slip } from '../../shared/slip';
import type { Ledger } from '../ledger/ledger';
import type { DayClose } from '../reports/close';
import { END_OF_DAY_PRINTED, closePrintDetails, periodPrintDetails } from '../reports/close-record';
import { buildReport } from '../reports/compute';
import { endOfDaySummary, periodSummary } from '../reports/end-of-day';
import { cancellationsToCsv, reportToCsv } from '../reports/report-csv';
import type { CancellationReport } from '../reports/types';
import { storeOpsErrors } from './errors';
import type { FileDialogs, SlipPrinter, StoreFiles } from './ports';
import { createReportSource } from './report-source';
import { reportView, unresolvedOf } from './report-view';
import type { StoreIdentity } from './slips';

/**
 * Reports and the close (issues 6 and 13): a day's or a period's cancellations by state, by
 * requester and by card issuer; for one day, the close (electron/reports/close.ts: carried-over
 * and late-settled items, the refunds this close counts, what changed since the day was printed);
 * the same as CSV, written where the manager chooses in main's save dialog (UTF-8 with BOM, so
 * Excel reads Korean; the page never touches the disk), headed with when and by whom; and the
 * printable paper, which ends with the audit chain's head. Each print is recorded with the
 * figures and ids it printed (electron/reports/close-record.ts); a print of a day printed before
 * is a reprint and says so.
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

type Built = { report: CancellationReport; close: DayClose | null };

export function createReports(deps: ReportDeps) {
  const source = createReportSource(deps.ledger);

  function build(from: string, to: string): PosResult<Built> {
    const built = buildReport(source.period(from, to), { from, to });
    if (!built.ok) {
      const { ko, en } = built.error.message;
      return { ok: false, error: posError('invalid-request', ko, en) };
    }
    return {
      ok: true,
      value: { report: built.value, close: from === to ? source.close(from) : null },
    };
  }

  function paper({ report, close }: Built, language: Language, printedAt: number): Slip {
    const store = deps.store();
    const options = {
      storeName: store.storeName,
      terminalId: store.terminalId,
      printedAt,
      locale: language,
      auditHead: deps.ledger.audit.head(),
    };
    return close === null
      ? periodSummary(report, unresolvedOf(source.unresolvedNow()), options)
      : endOfDaySummary(close, options);
  }

  return {
    range(from: string, to: string): PosResult<Report> {
      const built = build(from, to);
      return built.ok
        ? { ok: true, value: reportView(built.value.report, built.value.close) }
        : built;
    },

    async exportCsv(input: {
      from: string;
      to: string;
      kind: 'summary' | 'detail';
      language?: Language | undefined;
    }): Promise<PosResult<{ saved: boolean; fileName: string | null; rows: number }>> {
      const language = input.language ?? deps.language();
      const generated = { at: deps.now(), by: deps.actor() };
      let csv: string;
      let rows: number;
      if (input.kind === 'detail') {
        const list = source.period(input.from, input.to, { numbers: true });
        csv = cancellationsToCsv(list, language, generated);
        rows = list.length;
      } else {
        const built = build(input.from, input.to);
        if (!built.ok) return built;
        const table = reportToCsv(built.value.report, language, generated, built.value.close);
        csv = table.csv;
        rows = table.rows;
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
          at: generated.at,
          actor: generated.by,
          kind: 'report.exported',
          subject: 'reports',
          details: { from: input.from, to: input.to, kind: input.kind, fileName, rows },
        }),
      );
      return { ok: true, value: { saved: true, fileName, rows } };
    },

    /** The paper as it would print now (a day printed before shows as its reprint). */
    endOfDay(from: string, to: string, language?: Language): PosResult<SlipView> {
      const built = build(from, to);
      if (!built.ok) return built;
      const slip = paper(built.value, language ?? deps.language(), deps.now());
      return { ok: true, value: { kind: 'summary', ...slip } };
    },

    async printEndOfDay(
      from: string,
      to: string,
      language?: Language,
    ): Promise<PosResult<PrintResult>> {
      const built = build(from, to);
      if (!built.ok) return built;
      const at = deps.now();
      const slip = paper(built.value, language ?? deps.language(), at);
      const printerName = deps.printerName();
      const reprint = (built.value.close?.printed ?? null) !== null;
      const printed = await deps.printer.print(slipHtml(slip), { printerName });
      if (printed.ok) {
        const { report, close } = built.value;
        const headSeq = deps.ledger.audit.head()?.seq ?? 0;
        deps.ledger.write(() =>
          deps.ledger.audit.record({
            at,
            actor: deps.actor(),
            kind: END_OF_DAY_PRINTED,
            subject: 'reports',
            details:
              close === null
                ? periodPrintDetails(report, unresolvedOf(source.unresolvedNow()), headSeq)
                : closePrintDetails(close, headSeq),
          }),
        );
      }
      return {
        ok: true,
        value: {
          printed: printed.ok,
          printer: printerName,
          reprint,
          problem: printed.ok ? null : printed.error,
        },
      };
    },
  };
}
