import type { Language, PrintResult, PosResult, SlipView } from '../../shared/contract';
import { buildSlip, slipHtml } from '../../shared/slip';
import type { CancellationSlip, CancellationSlipInput } from '../../shared/slip';
import { auditDetails } from '../audit/log';
import { isManagerResolution } from '../cancellations/resolution-notes';
import { cancellationSubject } from '../ledger/audit';
import type { Ledger } from '../ledger/ledger';
import type { Cancellation } from '../ledger/types';
import { storeOpsErrors } from './errors';
import type { SlipPrinter } from './ports';
import { findCancellation } from './review';

/**
 * The customer's cancellation slip (issue 6 "Cancellation slip"; shared/slip builds it, pure):
 * on screen (slips.get) and on the 80 mm printer (slips.print), again from history (reprint).
 * A print that follows an earlier print of the same kind of slip (verifying, cancelled,
 * rejected) for the same cancellation is a reprint and says so on paper: main decides that
 * from the audit log, where every print is recorded.
 */
export const SLIP_PRINTED = 'slip.printed';

export interface StoreIdentity {
  /** printed at the top of every slip */
  storeName: string;
  businessNumber: string;
  /** the terminal the services talk as (the training merchant's in training) */
  terminalId: string;
}

export function slipInputOf(
  ledger: Ledger,
  c: Cancellation,
  store: StoreIdentity,
  reprintedAt: number | null,
): CancellationSlipInput {
  const receipt = ledger.receipts.get(c.receiptId);
  const manual = isManagerResolution(c.note);
  const lastCancel = ledger.attempts
    .forCancellation(c.id)
    .filter((a) => a.kind === 'cancel')
    .at(-1);
  return {
    state: c.state,
    storeName: store.storeName,
    businessNumber: store.businessNumber,
    terminalId: store.terminalId,
    cardNumber: c.result.cardConfirmNo ?? receipt?.cardMasked ?? null,
    issuerName: c.result.issuerName ?? receipt?.issuerName ?? null,
    orgAprvDt: c.target.orgAprvDt,
    orgAprvNo: c.target.orgAprvNo,
    alotMonth: c.target.alotMonth,
    trxAmt: c.target.trxAmt,
    vatAmt: c.target.vatAmt,
    svcAmt: c.target.svcAmt,
    cancelAprvNo: c.result.aprvNo,
    requestedAt: c.createdAt,
    cancelledAt: c.finishedAt,
    mercTrxNo: lastCancel?.mercTrxNo ?? null,
    // A manager's finding prints fixed words (issue 13 finding 4): KICC's last message is not
    // the reason, and the manager's note never reaches the customer's paper.
    resolvedByManager: manual,
    rejection:
      c.state === 'rejected' && !manual
        ? { respCd: c.result.code ?? '', respMsg: c.result.message ?? '' }
        : null,
    reprintedAt,
    auditHead: ledger.audit.head(),
  };
}

export const slipView = (slip: CancellationSlip): SlipView => ({
  kind: slip.kind,
  lang: slip.lang,
  title: slip.title,
  lines: slip.lines,
});

export interface SlipDeps {
  ledger: Ledger;
  now: () => number;
  store: () => StoreIdentity;
  language: () => Language;
  printerName: () => string;
  printer: SlipPrinter;
  actor: () => string;
}

export function createSlips(deps: SlipDeps) {
  function wasPrinted(c: Cancellation, kind: CancellationSlip['kind']): boolean {
    return deps.ledger.audit
      .list({ subject: cancellationSubject(c.id), kind: SLIP_PRINTED, limit: 10_000 })
      .some((e) => auditDetails(e)?.slip === kind);
  }

  return {
    get(id: string, language?: Language): PosResult<SlipView> {
      const c = findCancellation(deps.ledger, id);
      if (c === null) return { ok: false, error: storeOpsErrors.cancellationNotFound() };
      const slip = buildSlip(
        slipInputOf(deps.ledger, c, deps.store(), null),
        language ?? deps.language(),
      );
      return { ok: true, value: slipView(slip) };
    },

    async print(id: string, language?: Language): Promise<PosResult<PrintResult>> {
      const c = findCancellation(deps.ledger, id);
      if (c === null) return { ok: false, error: storeOpsErrors.cancellationNotFound() };
      const lang = language ?? deps.language();
      const kind = buildSlip(slipInputOf(deps.ledger, c, deps.store(), null), lang).kind;
      const reprint = wasPrinted(c, kind);
      const at = deps.now();
      const slip = buildSlip(slipInputOf(deps.ledger, c, deps.store(), reprint ? at : null), lang);
      const printerName = deps.printerName();
      const printed = await deps.printer.print(slipHtml(slip), { printerName });
      if (!printed.ok) {
        return {
          ok: true,
          value: { printed: false, printer: printerName, reprint, problem: printed.error },
        };
      }
      deps.ledger.write(() =>
        deps.ledger.audit.record({
          at,
          actor: deps.actor(),
          kind: SLIP_PRINTED,
          subject: cancellationSubject(c.id),
          details: {
            slip: slip.kind,
            state: c.state,
            reprint,
            cancellationId: c.id,
            receiptId: c.receiptId,
          },
        }),
      );
      return { ok: true, value: { printed: true, printer: printerName, reprint, problem: null } };
    },
  };
}
