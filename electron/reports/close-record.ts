import { z } from 'zod';
import type { AuditEventRow } from '../audit/chain';
import type { JsonObject } from '../audit/canonical';
import { auditDetails } from '../audit/log';
import type { CloseFigures, DayClose, PrintedClose } from './close';
import type { Bucket, CancellationReport } from './types';

/**
 * The end-of-day print's audit event (issue 13: "the print's audit event stores the printed
 * figures"): what the paper printed, and which cancellations it counted, so that
 *  - a later paper of another day does not count the same refund again (./close.ts),
 *  - a re-run of the day shows what changed since it was printed,
 *  - an accountant can compare a paper in the drawer with the log.
 * Details are canonical JSON in the hash chain: an edited figure breaks the chain.
 */
export const END_OF_DAY_PRINTED = 'report.end_of_day_printed';

const bucketSchema = z.object({
  count: z.number().int(),
  amount: z.number().int(),
  vat: z.number().int(),
});
const figuresSchema = z.object({
  requests: bucketSchema,
  refunded: bucketSchema,
  manualRefunded: z.number().int(),
  notRefunded: bucketSchema,
  settledLate: z.number().int(),
  unresolved: bucketSchema,
  oldestUnresolvedAt: z.number().int().nullable(),
});
const ids = z.array(z.string());
const closeDetailsSchema = z.object({
  kind: z.literal('close'),
  from: z.string(),
  reprint: z.boolean(),
  figures: figuresSchema,
  refunded: ids,
  notRefunded: ids,
  unresolved: ids,
});

const bucketJson = (b: Bucket): JsonObject => ({ count: b.count, amount: b.amount, vat: b.vat });
const figuresJson = (f: CloseFigures): JsonObject => ({
  requests: bucketJson(f.requests),
  refunded: bucketJson(f.refunded),
  manualRefunded: f.manualRefunded,
  notRefunded: bucketJson(f.notRefunded),
  settledLate: f.settledLate,
  unresolved: bucketJson(f.unresolved),
  oldestUnresolvedAt: f.oldestUnresolvedAt,
});

/** The details of a day close's print event. */
export function closePrintDetails(close: DayClose, auditHeadSeq: number): JsonObject {
  return {
    kind: 'close',
    from: close.day,
    to: close.day,
    reprint: close.printed !== null,
    reprintOf: close.printed?.last.seq ?? null,
    figures: figuresJson(close.figures),
    refunded: close.refunded.ids,
    notRefunded: close.notRefunded.ids,
    unresolved: close.unresolved.items.map((item) => item.id),
    settledLate: close.settledLate.map((item) => item.id),
    auditHeadSeq,
  };
}

/** The details of a period summary's print event (a summary, not a close: nothing is counted). */
export function periodPrintDetails(
  report: CancellationReport,
  unresolved: Bucket,
  auditHeadSeq: number,
): JsonObject {
  return {
    kind: 'period',
    from: report.from,
    to: report.to,
    figures: {
      requests: bucketJson(report.total),
      cancelled: bucketJson(report.cancelled),
      unresolved: bucketJson(unresolved),
    },
    auditHeadSeq,
  };
}

/** A day close's print, read back from its audit event; null for anything else. */
export function printedCloseOf(row: AuditEventRow): PrintedClose | null {
  if (row.kind !== END_OF_DAY_PRINTED) return null;
  const parsed = closeDetailsSchema.safeParse(auditDetails(row));
  if (!parsed.success) return null;
  const d = parsed.data;
  return {
    seq: row.seq,
    at: row.at,
    day: d.from,
    reprint: d.reprint,
    refunded: d.refunded,
    notRefunded: d.notRefunded,
    unresolved: d.unresolved,
    figures: d.figures,
  };
}
