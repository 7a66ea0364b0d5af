import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt, Report, SlipView } from '../../../shared/contract';
import { kstDateTime, kstMidnight } from '../../../shared/kicc/time';
import { personWords } from '../../../shared/reports/words';
import { MANAGER_PIN } from '../../shell/fixtures/manager-fixtures';
import { cancelRequestFor, createWorld } from './world';
import type { StoreOpsWorld } from './world';

/**
 * Issue 6 "Reports": the day's cancellations by state, by cashier and by card issuer, checked
 * against the ledger itself (plain SQL over the same file); the CSV opened back and compared;
 * the end-of-day summary printed with the audit checkpoint.
 */
let w: StoreOpsWorld;
const today = kstDateTime(Date.now()).date;

beforeAll(async () => {
  w = await createWorld({ cashierMaxAmount: 30_000 });
  await w.stack.becomeManager();
  await w.stack.call('manager.logout', {});
  // cashier, under the limit, different card issuers
  for (const [trxAmt, issFmCd] of [
    [11_000, '01'],
    [12_500, '06'],
    [13_900, '06'],
  ] as const) {
    await w.stack.call(
      'cancellations.request',
      cancelRequestFor(await w.receipt({ trxAmt, issFmCd })),
    );
  }
  // over the limit, the manager's PIN on the cashier's screen
  await w.stack.call(
    'cancellations.request',
    cancelRequestFor(await w.receipt({ trxAmt: 45_000, issFmCd: '07' }), {
      managerPin: MANAGER_PIN,
    }),
  );
  // a paper receipt KICC does not know: rejected (S001)
  const typed = await w.stack.call('receipts.add', {
    orgAprvDt: today,
    orgAprvNo: '99999999',
    wcc: 'T',
    cndTrxNo: 'V99999999999',
    alotMonth: '00',
    trxAmt: 8_000,
    vatAmt: 727,
    svcAmt: 0,
  });
  if (!typed.ok) throw new Error(typed.error.code);
  await w.stack.call('cancellations.request', cancelRequestFor(typed.value as Receipt));
  // the answer lost: in doubt (not verified yet: no drain)
  w.sim.faults.inject({ endpoint: 'cancel', kind: 'drop-before-commit' });
  w.sim.faults.inject({ endpoint: 'netCancel', kind: 'drop-before-commit' });
  await w.stack.call('cancellations.request', cancelRequestFor(await w.receipt({ trxAmt: 9_000 })));
  // the manager, in manager mode
  await w.stack.becomeManager();
  await w.stack.call(
    'cancellations.request',
    cancelRequestFor(await w.receipt({ trxAmt: 70_000, issFmCd: '01' })),
  );
});
afterAll(() => w.close());

interface Sum {
  key: string | null;
  count: number;
  amount: number;
  vat: number;
}

/** The same totals, straight from the ledger's tables. */
function fromLedger(group: string): Sum[] {
  const start = kstMidnight(today);
  return w.services.ledger.db
    .prepare<[number, number], Sum>(
      `SELECT ${group} AS key, count(*) AS count, sum(c.trx_amt) AS amount, sum(c.vat_amt) AS vat
       FROM cancellations c JOIN receipts r ON r.id = c.receipt_id
       WHERE c.created_at >= ? AND c.created_at < ? GROUP BY 1 ORDER BY 1`,
    )
    .all(start, start + 86_400_000);
}

async function day(): Promise<Report> {
  const answer = await w.stack.call('reports.day', { date: today });
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.value as Report;
}

describe('report totals against the ledger', () => {
  it('by state', async () => {
    const report = await day();
    const states = report.byState
      .filter((row) => row.count > 0)
      .map((row) => ({ key: row.state, count: row.count, amount: row.amount, vat: row.vat }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(states).toEqual(fromLedger('c.state'));
    expect(states.map((s) => s.key)).toEqual(['cancelled', 'in_doubt', 'rejected']);
    const all = fromLedger("'all'")[0];
    expect(report.total).toEqual({ count: all?.count, amount: all?.amount, vat: all?.vat });
  });

  it('by cashier, with the manager’s approvals apart', async () => {
    const report = await day();
    expect(report.byCashier.map((g) => ({ key: g.key, ...g.all }))).toEqual(
      fromLedger('c.requested_by'),
    );
    const approved = fromLedger("CASE WHEN c.approved_by IS NULL THEN 'no' ELSE 'yes' END").find(
      (row) => row.key === 'yes',
    );
    expect(report.approved).toEqual({
      count: approved?.count,
      amount: approved?.amount,
      vat: approved?.vat,
    });
    expect(report.approved.count).toBe(2);
  });

  it('by card issuer (KICC’s answer, else the receipt)', async () => {
    const report = await day();
    const issuers = fromLedger('coalesce(c.issuer_name, r.issuer_name)');
    expect(
      report.byIssuer
        .map((g) => ({ key: g.key, ...g.all }))
        .sort((a, b) => String(a.key).localeCompare(String(b.key))),
    ).toEqual(issuers.sort((a, b) => String(a.key).localeCompare(String(b.key))));
  });
});

describe('CSV export', () => {
  const parse = (file: string) => {
    const text = readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff); // BOM: Excel reads Korean
    expect(text).toContain('\r\n');
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    // the header lines: when and by whom the file was made (issue 13 finding 6)
    expect(parsed.data[0]?.[0]).toMatch(/^(생성일시|Generated at)$/);
    expect(parsed.data[1]?.slice(0, 1)).toEqual([
      text.includes('생성자') ? '생성자' : 'Generated by',
    ]);
    return parsed.data.slice(parsed.data.findIndex((row) => row.length > 2));
  };

  it('the summary, opened back, says what the report says', async () => {
    const report = await day();
    const file = join(w.engineDir, 'summary.csv');
    w.stack.dialogs.csvDestination = file;
    const answer = await w.stack.call('reports.exportCsv', { from: today, to: today });
    expect(answer).toMatchObject({ ok: true, value: { saved: true, fileName: 'summary.csv' } });
    const rows = parse(file);
    expect(rows[0]?.slice(0, 5)).toEqual(['구분', '항목', '건수', '금액', '부가세']);
    const line = (section: string, item: string) =>
      rows
        .find((r) => r[0] === section && r[1] === item)
        ?.slice(2, 5)
        .map(Number);
    expect(line('전체', '전체 요청')).toEqual([
      report.total.count,
      report.total.amount,
      report.total.vat,
    ]);
    const cancelled = report.byState.find((r) => r.state === 'cancelled');
    expect(line('상태', '취소 완료')).toEqual([
      cancelled?.count,
      cancelled?.amount,
      cancelled?.vat,
    ]);
    for (const cashier of report.byCashier) {
      expect(line('요청자', personWords(cashier.key, 'ko'))).toEqual([
        cashier.all.count,
        cashier.all.amount,
        cashier.all.vat,
      ]);
    }
    expect(w.stack.dialogs.asked.at(-1)).toBe(`csv:kicc-cancellations-summary-${today}.csv`);
  });

  it('the detail: one line per cancellation, amounts summing to the ledger’s', async () => {
    const file = join(w.engineDir, 'detail.csv');
    w.stack.dialogs.csvDestination = file;
    const answer = await w.stack.call('reports.exportCsv', {
      from: today,
      to: today,
      kind: 'detail',
      language: 'en',
    });
    const all = fromLedger("'all'")[0];
    expect(answer).toMatchObject({ ok: true, value: { saved: true, rows: all?.count } });
    const [header, ...lines] = parse(file);
    expect(header).toEqual([
      'ID',
      'Requested at',
      'State',
      'Manager-recorded',
      'Requested by',
      'Approved by',
      'Card issuer',
      'Issuer code',
      'Amount',
      'VAT',
      'Original approval date',
      'Original approval no.',
      'Cancellation approval no.',
      'Cancellation merchant trx no.',
      'Merchant no.',
      'Final at',
    ]);
    expect(lines).toHaveLength(all?.count ?? -1);
    expect(lines.reduce((sum, l) => sum + Number(l[8]), 0)).toBe(all?.amount);
    // every cancellation names what it was sent under; a cancelled one, KICC's numbers
    const cancelled = lines.filter((l) => l[2] === 'Cancelled');
    expect(cancelled.length).toBeGreaterThan(0);
    for (const l of cancelled) {
      expect(l[12], 'cancellation approval no.').toMatch(/^\S+$/);
      expect(l[13], 'merchant trx no.').toMatch(/^\S+$/);
      expect(l[14], 'merchant no.').toMatch(/^\S+$/);
      expect(l[15], 'final at').toMatch(/^\d{4}-\d\d-\d\d /);
    }
    // in doubt: not done, so no final time
    for (const l of lines.filter((x) => x[2] === 'Being verified')) expect(l[15]).toBe('');
  });

  it('closing the save dialog writes nothing', async () => {
    w.stack.dialogs.csvDestination = null;
    expect(await w.stack.call('reports.exportCsv', { from: today, to: today })).toEqual({
      ok: true,
      value: { saved: false, fileName: null, rows: 0 },
    });
  });

  it('a period longer than a year, or reversed, is refused before anything is read', async () => {
    expect(await w.stack.call('reports.range', { from: '20230101', to: '20240102' })).toMatchObject(
      {
        ok: false,
        error: { code: 'invalid-request' },
      },
    );
    expect(await w.stack.call('reports.range', { from: '20240102', to: '20240101' })).toMatchObject(
      {
        ok: false,
        error: { code: 'invalid-request' },
      },
    );
  });
});

describe('the end-of-day summary', () => {
  it('shows the day’s numbers, warns about the unresolved, and ends with the audit checkpoint', async () => {
    const answer = await w.stack.call('reports.endOfDay', { from: today });
    expect(answer.ok).toBe(true);
    const slip = (answer as { value: SlipView }).value;
    const text = JSON.stringify(slip.lines);
    expect(slip).toMatchObject({ kind: 'summary', lang: 'ko', title: '일일 마감 — 카드 취소' });
    expect(text).toContain('미확정 1건 — 현금으로 환불하지 마세요');
    const head = w.services.ledger.audit.head();
    expect(text).toContain(head?.hash ?? 'no head');
  });

  it('prints on the receipt printer', async () => {
    const before = w.stack.printer.printed.length;
    expect(await w.stack.call('reports.printEndOfDay', { from: today })).toMatchObject({
      ok: true,
      value: { printed: true, problem: null },
    });
    expect(w.stack.printer.printed.length).toBe(before + 1);
    expect(w.stack.printer.printed.at(-1)?.html).toContain('일일 마감');
  });
});
