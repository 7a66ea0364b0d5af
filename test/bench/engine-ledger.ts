import { statSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '../../shared/clock';
import { recoverAfterRestart } from '../../electron/cancellations/recovery';
import { RESOLUTION_NOTES } from '../../electron/cancellations/resolution-notes';
import { cardLast4 } from '../../electron/ledger/receipts';
import { openLedger } from '../../electron/ledger/ledger';
import { readLiveAudit } from '../../electron/integrity/start';
import { createServices } from '../../electron/services';
import { elapsedMs, percentile, round, scratchDir } from './engine-stats';

/**
 * A ledger holding 1,000,000 cancellations (issue 3 "npm run bench"): how long it takes to open
 * (what createServices does before anything else: open, migrations check, start-up recovery),
 * the p50 of a receipt lookup by each key through the services (zod, indexes, the status join),
 * and its size on disk.
 *
 * Each cancellation has its receipt, one reqCancel attempt with a realistic body and answer, and
 * two audit events. The bulk load itself runs with synchronous=OFF (loading is not what is
 * measured); the measured opens and lookups use the ledger's normal settings.
 */
export interface LedgerFigures {
  ledger_rows: number;
  ledger_build_s: number;
  ledger_open_ms: number;
  services_open_ms: number;
  ledger_lookup_van_p50_ms: number;
  ledger_lookup_merc_p50_ms: number;
  ledger_lookup_aprv_p50_ms: number;
  ledger_lookup_amount_p50_ms: number;
  /** a cancellation's audit history (the review screen's), p50 */
  ledger_history_p50_ms: number;
  /** the start-up's read of the audit log (integrity: was a PIN ever set, ...), p50 of 5 */
  ledger_startup_audit_ms: number;
  /** the review screen's two lists (needs_review; resolved by a manager), each with its count, p50 */
  ledger_review_lists_ms: number;
  ledger_bytes: number;
}

export interface LedgerBenchOptions {
  /** cancellations (default 1,000,000) */
  rows?: number;
  /** lookups per key (default 2000) */
  lookups?: number;
  parentDir?: string;
}

const DAY = 86_400_000;
const T0 = Date.UTC(2023, 0, 1, 3, 0, 0);

function ymd(ms: number): string {
  return new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** Deterministic spread, so every run builds the same ledger. */
const pick = (i: number, n: number): number => (Math.imul(i + 1, 2654435761) >>> 0) % n;

function keysOf(i: number) {
  const at = T0 + (i % 365) * DAY + (i % 36_000) * 1000;
  return {
    van: String(100_000_000_000 + i),
    merc: `ORD_${ymd(at)}_${String(i).padStart(7, '0')}`,
    aprvNo: String(10_000_000 + (i % 90_000_000)),
    aprvDt: ymd(at),
    amount: 1000 + (pick(i, 500) % 500) * 100,
    last4: String(i % 10_000).padStart(4, '0'),
    at,
  };
}

function build(file: string, rows: number): void {
  const ledger = openLedger(file);
  const db = ledger.db;
  db.pragma('synchronous = OFF');
  const receipt = db.prepare(
    `INSERT INTO receipts (id, van_trx_no, merc_trx_no, aprv_no, aprv_dt, aprv_tm, trx_amt, vat_amt, svc_amt,
       alot_month, issuer_name, card_masked, card_last4, source, created_at)
     VALUES (?, ?, ?, ?, ?, '101500', ?, ?, 0, '00', 'KB Kookmin Card', ?, ?, 'imported', ?)`,
  );
  const cancellation = db.prepare(
    `INSERT INTO cancellations (id, receipt_id, client_request_id, state, requested_by, reason, wcc, cnd_trx_no,
       trx_amt, vat_amt, svc_amt, alot_month, org_aprv_dt, org_aprv_no, created_at, updated_at, open_attempt_id,
       result_code, result_message, aprv_no, cnd_dt, cnd_tm, van_trx_no, card_confirm_no, issuer_name, finished_at)
     VALUES (?, ?, ?, ?, 'cashier-1', '고객 변심', 'T', ?, ?, ?, 0, '00', ?, ?, ?, ?, ?, ?, ?, ?, ?, '101501', ?, ?,
       'KB Kookmin Card', ?)`,
  );
  const attempt = db.prepare(
    `INSERT INTO attempts (id, cancellation_id, kind, merc_trx_no, body, sent_at, state, class, code, message,
       http_status, response_body, ended_at)
     VALUES (?, ?, 'cancel', ?, ?, ?, 'answered', ?, ?, ?, 200, ?, ?)`,
  );
  const chunk = 50_000;
  for (let start = 0; start < rows; start += chunk) {
    db.transaction(() => {
      // attempt -> its cancellation (inserted next): checked at commit. Parent after child is
      // cheap this way round: attempts are indexed by cancellation_id.
      db.pragma('defer_foreign_keys = ON');
      for (let i = start; i < Math.min(rows, start + chunk); i += 1) {
        const id = i + 1;
        const k = keysOf(i);
        const vat = Math.round(k.amount / 11);
        const card = `5310-32**-****-${k.last4}`;
        const rejected = i % 20 === 0;
        const code = rejected ? 'S003' : '0000';
        const message = rejected ? '금액이 원거래와 다릅니다' : '정상취소';
        const mercTrxNo = `89${ymd(k.at + DAY).slice(2)}101500${String(id).padStart(6, '0')}`;
        receipt.run(
          id,
          k.van,
          k.merc,
          k.aprvNo,
          k.aprvDt,
          k.amount,
          vat,
          card,
          cardLast4(card),
          k.at,
        );
        const body = JSON.stringify({
          tid: 'T123456789',
          svcId: 'SVC_SIMPLE',
          bizrNo: '1234567890',
          mercTrxNo,
          wcc: 'T',
          cndTrxNo: k.van,
          alotMonth: '00',
          trxAmt: k.amount,
          vatAmt: vat,
          svcAmt: 0,
          tranDt: ymd(k.at + DAY),
          tranTm: '101500',
          orgAprvDt: k.aprvDt,
          orgAprvNo: k.aprvNo,
        });
        const answer = JSON.stringify({
          respCd: code,
          respMsg: message,
          tid: 'T123456789',
          svcId: 'SVC_SIMPLE',
          bizrNo: '1234567890',
          mercTrxNo,
          trxDt: ymd(k.at + DAY),
          trxTm: '101500',
          issFmCd: '06',
          issFmNm: 'KB Kookmin Card',
          purchFmCd: '06',
          purchFmNm: 'KB Kookmin Card',
          joShopNo: '1234567890',
          cndDt: ymd(k.at + DAY),
          cndTm: '101501',
          aprvNo: k.aprvNo,
          vanTrxNo: String(200_000_000_000 + i),
          cardConfirmNo: card,
        });
        attempt.run(
          id,
          id,
          mercTrxNo,
          body,
          k.at + DAY,
          rejected ? 'rejected' : 'ok',
          code,
          message,
          answer,
          k.at + DAY,
        );
        cancellation.run(
          id,
          id,
          `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
          rejected ? 'rejected' : 'cancelled',
          k.van,
          k.amount,
          vat,
          k.aprvDt,
          k.aprvNo,
          k.at + DAY,
          k.at + DAY,
          id,
          code,
          message,
          rejected ? null : k.aprvNo,
          rejected ? null : ymd(k.at + DAY),
          rejected ? null : k.van,
          rejected ? null : card,
          k.at + DAY,
        );
        // through the audit seam: the events are hash-chained like the app's own
        ledger.audit.appendAudit({
          at: k.at + DAY,
          actor: 'cashier-1',
          kind: 'cancellation.requested',
          cancellationId: id,
          receiptId: id,
          detail: { trxAmt: k.amount },
        });
        ledger.audit.appendAudit({
          at: k.at + DAY,
          actor: 'engine',
          kind: rejected ? 'cancellation.rejected' : 'cancellation.cancelled',
          cancellationId: id,
          receiptId: id,
          detail: { from: 'sending' },
        });
      }
    })();
  }
  // One cancellation in 1,000 resolved by a manager (its note as store-ops/review-resolution.ts
  // leaves it), so the review screen's second list reads a full page, as in a store.
  db.prepare(
    `UPDATE cancellations SET note = CASE state WHEN 'cancelled' THEN ? ELSE ? END WHERE id % 1000 = 1`,
  ).run(RESOLUTION_NOTES.cancelled, RESOLUTION_NOTES['not-cancelled']);
  db.pragma('wal_checkpoint(TRUNCATE)');
  ledger.close();
}

export async function benchLedger(options: LedgerBenchOptions = {}): Promise<LedgerFigures> {
  const rows = options.rows ?? 1_000_000;
  const lookups = options.lookups ?? 2000;
  const scratch = scratchDir('bench-ledger-', options.parentDir);
  const file = join(scratch.dir, 'ledger.sqlite');
  try {
    const t0 = process.hrtime.bigint();
    build(file, rows);
    const buildS = elapsedMs(t0) / 1000;
    const bytes = statSync(file).size;

    // Opening: what createServices does first (open + pragmas + migrations check + recovery).
    const opens: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const t = process.hrtime.bigint();
      const ledger = openLedger(file);
      recoverAfterRestart(ledger, systemClock);
      opens.push(elapsedMs(t));
      ledger.close();
    }
    // before the services open it: the ledger is opened in exclusive locking mode
    const startupAudit: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const t = process.hrtime.bigint();
      const live = readLiveAudit(file, null);
      startupAudit.push(elapsedMs(t));
      if (live.head === null) throw new Error('the start-up read no audit head');
    }

    const t = process.hrtime.bigint();
    const services = createServices({
      dataDir: scratch.dir,
      kicc: { baseUrl: 'http://127.0.0.1:9', credentials: () => null },
      terminal: { tid: 'T123456789', svcId: 'SVC_SIMPLE', bizrNo: '1234567890' },
      limits: { cashierMaxAmount: 1e12, offlineMaxCount: 1e9, offlineMaxTotal: 1e15 },
      verificationDeadlineMs: 86_400_000,
      clock: systemClock,
      random: Math.random,
      probe: false,
      queue: { autoStart: false },
    });
    const servicesOpenMs = elapsedMs(t);
    try {
      const time = (query: (i: number) => unknown): number => {
        const ms: number[] = [];
        for (let n = 0; n < lookups; n += 1) {
          const input = query(pick(n * 7 + 3, rows) % rows);
          const s = process.hrtime.bigint();
          const result = services.lookupReceipts(input);
          ms.push(elapsedMs(s));
          if (!result.ok || result.value.receipts.length === 0)
            throw new Error(`lookup found nothing: ${JSON.stringify(input)}`);
        }
        return percentile(ms, 50);
      };
      const historyP50 = (): number => {
        const ms: number[] = [];
        for (let n = 0; n < lookups; n += 1) {
          const id = (pick(n * 11 + 5, rows) % rows) + 1;
          const s = process.hrtime.bigint();
          const events = services.ledger.audit.forCancellation(id);
          ms.push(elapsedMs(s));
          if (events.length !== 2) throw new Error(`history of ${id}: ${events.length} events`);
        }
        return percentile(ms, 50);
      };
      const reviewListsP50 = (): number => {
        const ms: number[] = [];
        for (let n = 0; n < 50; n += 1) {
          const s = process.hrtime.bigint();
          const review = services.listCancellations({ states: ['needs_review'], limit: 50 });
          const manual = services.listCancellations({ resolvedByManager: true, limit: 50 });
          ms.push(elapsedMs(s));
          if (!review.ok || !manual.ok) throw new Error('the review lists failed');
          if (manual.value.total !== Math.ceil(rows / 1000)) {
            throw new Error(`${manual.value.total} resolved by a manager, not one in 1,000`);
          }
        }
        return percentile(ms, 50);
      };
      return {
        ledger_rows: rows,
        ledger_build_s: round(buildS),
        ledger_open_ms: round(percentile(opens, 50)),
        services_open_ms: round(servicesOpenMs),
        ledger_lookup_van_p50_ms: round(time((i) => ({ by: 'vanTrxNo', vanTrxNo: keysOf(i).van }))),
        ledger_lookup_merc_p50_ms: round(
          time((i) => ({ by: 'mercTrxNo', mercTrxNo: keysOf(i).merc })),
        ),
        ledger_lookup_aprv_p50_ms: round(
          time((i) => ({ by: 'approval', aprvNo: keysOf(i).aprvNo, aprvDt: keysOf(i).aprvDt })),
        ),
        ledger_lookup_amount_p50_ms: round(
          time((i) => {
            const k = keysOf(i);
            return {
              by: 'amount',
              from: k.aprvDt,
              to: k.aprvDt,
              amount: k.amount,
              cardDigits: k.last4,
            };
          }),
        ),
        ledger_history_p50_ms: round(historyP50()),
        ledger_startup_audit_ms: round(percentile(startupAudit, 50)),
        ledger_review_lists_ms: round(reviewListsP50()),
        ledger_bytes: bytes,
      };
    } finally {
      await services.close();
    }
  } finally {
    scratch.remove();
  }
}
