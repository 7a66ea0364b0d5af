import type { SqliteDb } from './open';
import type {
  CancellationState,
  NewReceipt,
  Receipt,
  ReceiptSource,
  ReceiptWithStatus,
} from './types';

/**
 * Receipts: the originals known locally, and the cashier's four ways of finding one (issue 3
 * "Ledger"): by vanTrxNo, by merchant transaction number, by approval number + date, and by
 * date range + amount (+ the card's last digits). Every lookup answers with the receipt's
 * current cancellation status, so the screen can say "already cancelled" before anyone clicks.
 */

interface ReceiptRow {
  id: number;
  van_trx_no: string | null;
  merc_trx_no: string | null;
  aprv_no: string;
  aprv_dt: string;
  aprv_tm: string | null;
  trx_amt: number;
  vat_amt: number;
  svc_amt: number;
  alot_month: string;
  issuer_name: string | null;
  issuer_code: string | null;
  card_masked: string | null;
  source: ReceiptSource;
  created_at: number;
}

interface ReceiptStatusRow extends ReceiptRow {
  c_id: number | null;
  c_state: CancellationState | null;
  c_updated_at: number | null;
}

const toReceipt = (row: ReceiptRow): Receipt => ({
  id: row.id,
  vanTrxNo: row.van_trx_no,
  mercTrxNo: row.merc_trx_no,
  aprvNo: row.aprv_no,
  aprvDt: row.aprv_dt,
  aprvTm: row.aprv_tm,
  trxAmt: row.trx_amt,
  vatAmt: row.vat_amt,
  svcAmt: row.svc_amt,
  alotMonth: row.alot_month,
  issuerName: row.issuer_name,
  issuerCode: row.issuer_code,
  cardMasked: row.card_masked,
  source: row.source,
  createdAt: row.created_at,
});

const toReceiptWithStatus = (row: ReceiptStatusRow): ReceiptWithStatus => ({
  ...toReceipt(row),
  cancellation:
    row.c_id === null || row.c_state === null || row.c_updated_at === null
      ? null
      : { cancellationId: row.c_id, state: row.c_state, updatedAt: row.c_updated_at },
});

/**
 * The last four digits printed on a masked card number ("1234-56**-****-1234" -> "1234"), the
 * part a cashier reads off the customer's card. Null when the last four are not all visible.
 */
export function cardLast4(cardMasked: string | null): string | null {
  if (cardMasked === null) return null;
  const tail = cardMasked.replace(/[\s-]/g, '').slice(-4);
  return /^[0-9]{4}$/.test(tail) ? tail : null;
}

/** The live cancellation first (there is at most one), else the latest rejected one. */
const WITH_STATUS = `
  SELECT r.*, c.id AS c_id, c.state AS c_state, c.updated_at AS c_updated_at
  FROM receipts r
  LEFT JOIN cancellations c ON c.id = (
    SELECT c2.id FROM cancellations c2 WHERE c2.receipt_id = r.id
    ORDER BY (c2.state <> 'rejected') DESC, c2.id DESC LIMIT 1)`;

export interface DateAmountQuery {
  /** yyyyMMdd, inclusive */
  from: string;
  /** yyyyMMdd, inclusive */
  to: string;
  trxAmt: number;
  cardLast4?: string;
  limit: number;
}

export function createReceiptRepository(db: SqliteDb) {
  const insertStmt = db.prepare<
    [
      string | null,
      string | null,
      string,
      string,
      string | null,
      number,
      number,
      number,
      string,
      string | null,
      string | null,
      string | null,
      string | null,
      ReceiptSource,
      number,
    ]
  >(
    `INSERT INTO receipts (van_trx_no, merc_trx_no, aprv_no, aprv_dt, aprv_tm, trx_amt, vat_amt,
       svc_amt, alot_month, issuer_name, issuer_code, card_masked, card_last4, source, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const fillKeysStmt = db.prepare<
    [
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
      number,
    ]
  >(
    `UPDATE receipts SET van_trx_no = coalesce(van_trx_no, ?), merc_trx_no = coalesce(merc_trx_no, ?),
       aprv_tm = coalesce(aprv_tm, ?), card_masked = coalesce(card_masked, ?),
       card_last4 = coalesce(card_last4, ?), issuer_name = coalesce(issuer_name, ?),
       issuer_code = coalesce(issuer_code, ?) WHERE id = ?`,
  );
  const byId = db.prepare<[number], ReceiptRow>('SELECT * FROM receipts WHERE id = ?');
  const amountsStmt = db.prepare<[number, number, number, number]>(
    'UPDATE receipts SET trx_amt = ?, vat_amt = ?, svc_amt = ? WHERE id = ?',
  );
  const statusById = db.prepare<[number], ReceiptStatusRow>(`${WITH_STATUS} WHERE r.id = ?`);
  const byVan = db.prepare<[string, number], ReceiptStatusRow>(
    `${WITH_STATUS} WHERE r.van_trx_no = ? LIMIT ?`,
  );
  const byMerc = db.prepare<[string, number], ReceiptStatusRow>(
    `${WITH_STATUS} WHERE r.merc_trx_no = ? LIMIT ?`,
  );
  const byApproval = db.prepare<[string, string, number], ReceiptStatusRow>(
    `${WITH_STATUS} WHERE r.aprv_no = ? AND r.aprv_dt = ? ORDER BY r.id DESC LIMIT ?`,
  );
  const byAprvNo = db.prepare<[string, number], ReceiptStatusRow>(
    `${WITH_STATUS} WHERE r.aprv_no = ? ORDER BY r.aprv_dt DESC, r.id DESC LIMIT ?`,
  );
  const byDateAmount = db.prepare<[number, string, string, number], ReceiptStatusRow>(
    `${WITH_STATUS} WHERE r.trx_amt = ? AND r.aprv_dt BETWEEN ? AND ?
     ORDER BY r.aprv_dt DESC, r.id DESC LIMIT ?`,
  );
  const byDateAmountCard = db.prepare<[number, string, string, string, number], ReceiptStatusRow>(
    `${WITH_STATUS} WHERE r.trx_amt = ? AND r.aprv_dt BETWEEN ? AND ? AND r.card_last4 = ?
     ORDER BY r.aprv_dt DESC, r.id DESC LIMIT ?`,
  );
  /**
   * Rows that may be the same original: the same key, or the same approval number and date
   * whatever the amount (issue 13 finding 2: a second receipt for one payment, under its other
   * key and another amount, must meet the first, not slip in beside it).
   */
  const sameOriginal = db.prepare<[string | null, string | null, string, string], ReceiptRow>(
    `SELECT * FROM receipts WHERE van_trx_no = ?
     UNION SELECT * FROM receipts WHERE merc_trx_no = ?
     UNION SELECT * FROM receipts WHERE aprv_no = ? AND aprv_dt = ?`,
  );

  return {
    insert(receipt: NewReceipt, createdAt: number): Receipt {
      const info = insertStmt.run(
        receipt.vanTrxNo,
        receipt.mercTrxNo,
        receipt.aprvNo,
        receipt.aprvDt,
        receipt.aprvTm,
        receipt.trxAmt,
        receipt.vatAmt,
        receipt.svcAmt,
        receipt.alotMonth,
        receipt.issuerName,
        receipt.issuerCode,
        receipt.cardMasked,
        cardLast4(receipt.cardMasked),
        receipt.source,
        createdAt,
      );
      return { ...receipt, id: Number(info.lastInsertRowid), createdAt };
    },
    /** Adds what a later entry knows and the stored one did not (a key, the time, the card). */
    fillMissing(id: number, receipt: NewReceipt): Receipt | null {
      fillKeysStmt.run(
        receipt.vanTrxNo,
        receipt.mercTrxNo,
        receipt.aprvTm,
        receipt.cardMasked,
        cardLast4(receipt.cardMasked),
        receipt.issuerName,
        receipt.issuerCode,
        id,
      );
      const row = byId.get(id);
      return row ? toReceipt(row) : null;
    },
    /**
     * A manager's correction of a paper receipt's amounts (issue 12 finding 6). The caller checks
     * that it may be corrected and records the audit event in the same transaction.
     */
    correctAmounts(id: number, amounts: { trxAmt: number; vatAmt: number; svcAmt: number }): void {
      amountsStmt.run(amounts.trxAmt, amounts.vatAmt, amounts.svcAmt, id);
    },
    get(id: number): Receipt | null {
      const row = byId.get(id);
      return row ? toReceipt(row) : null;
    },
    getWithStatus(id: number): ReceiptWithStatus | null {
      const row = statusById.get(id);
      return row ? toReceiptWithStatus(row) : null;
    },
    findSameOriginal(receipt: NewReceipt): Receipt[] {
      return sameOriginal
        .all(receipt.vanTrxNo, receipt.mercTrxNo, receipt.aprvNo, receipt.aprvDt)
        .map(toReceipt);
    },
    byVanTrxNo(vanTrxNo: string, limit: number): ReceiptWithStatus[] {
      return byVan.all(vanTrxNo, limit).map(toReceiptWithStatus);
    },
    byMercTrxNo(mercTrxNo: string, limit: number): ReceiptWithStatus[] {
      return byMerc.all(mercTrxNo, limit).map(toReceiptWithStatus);
    },
    byApproval(aprvNo: string, aprvDt: string, limit: number): ReceiptWithStatus[] {
      return byApproval.all(aprvNo, aprvDt, limit).map(toReceiptWithStatus);
    },
    /** an approval number on any date (the cashier did not give one), newest first */
    byAprvNo(aprvNo: string, limit: number): ReceiptWithStatus[] {
      return byAprvNo.all(aprvNo, limit).map(toReceiptWithStatus);
    },
    byDateAmount(query: DateAmountQuery): ReceiptWithStatus[] {
      const rows =
        query.cardLast4 === undefined
          ? byDateAmount.all(query.trxAmt, query.from, query.to, query.limit)
          : byDateAmountCard.all(query.trxAmt, query.from, query.to, query.cardLast4, query.limit);
      return rows.map(toReceiptWithStatus);
    },
  };
}

export type ReceiptRepository = ReturnType<typeof createReceiptRepository>;
