import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../shared/contract';
import { vatFromTotal } from '../../../shared/money';
import { PREVIEW_TOKEN } from '../../shell/fixtures/manager-fixtures';
import { createWorld } from './world';
import type { StoreOpsWorld } from './world';

/**
 * Issue 6 "Receipt import": a 10,000-row export with some bad rows, through the channels the
 * manager's screen uses and the real ledger. The preview shows each bad row; nothing is
 * imported while one is left; the fixed file imports in one transaction; importing it again
 * adds nothing.
 */
const ROWS = 10_000;
const HEADER = '승인일자,승인시간,승인번호,거래금액,부가세,할부,VAN거래번호,카드번호,카드사';

const line = (i: number): string => {
  const amount = 1_000 + (i % 700) * 100;
  return [
    `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
    '10:15:00',
    String(20_000_000 + i),
    amount,
    vatFromTotal(amount),
    i % 7 === 0 ? '3개월' : '일시불',
    `V${String(i).padStart(11, '0')}`,
    i % 2 === 0 ? '4518-44**-****-1234' : '5123456789012346', // a full PAN is masked on import
    i % 2 === 0 ? 'KB국민카드' : '신한카드',
  ].join(',');
};

/** Excel's row number (header = row 1) -> a bad line and the field it breaks. */
const BAD: Record<number, [string, string]> = {
  102: ['2024-02-30,10:00:00,11111111,1000,91,일시불,VBAD0000102,,', 'orgAprvDt'],
  2_503: ['2024-01-05,10:00:00,승인12,1000,91,일시불,VBAD0002503,,', 'orgAprvNo'],
  7_004: ['2024-01-05,10:00:00,11111111,천원,91,일시불,VBAD0007004,,', 'trxAmt'],
  9_999: ['2024-01-05,10:00:00,11111111,1000,5000,일시불,VBAD0009999,,', 'vatAmt'],
};

function csv(withBadRows: boolean): string {
  const lines = [HEADER];
  for (let i = 1; i <= ROWS; i += 1) {
    const row = i + 1;
    lines.push(withBadRows && BAD[row] ? BAD[row][0] : line(i));
  }
  return lines.join('\r\n');
}

let w: StoreOpsWorld;
const receipts = () =>
  w.services.ledger.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM receipts').get()?.n;

beforeAll(async () => {
  w = await createWorld();
  await w.stack.becomeManager();
});
afterAll(() => w.close());

async function preview(file: string): Promise<ImportSummary> {
  w.stack.dialogs.importFile = file;
  const answer = await w.stack.call('import.preview', {});
  if (!answer.ok) throw new Error(answer.error.code);
  const value = answer.value as { picked: boolean; summary?: ImportSummary };
  if (!value.summary) throw new Error('not picked');
  return value.summary;
}

describe('importing a 10,000-row export', () => {
  it('the preview shows every bad row, and nothing is imported while one is left', async () => {
    const file = join(w.engineDir, 'with-errors.csv');
    writeFileSync(file, csv(true));
    const before = receipts();
    const summary = await preview(file);
    expect(summary).toMatchObject({
      fileName: 'with-errors.csv',
      format: 'csv',
      headerRow: 1,
      dataRows: ROWS,
      validRows: ROWS - 4,
      errorRows: 4,
      headerProblems: [],
      refusal: { ko: expect.stringContaining('4개') },
    });
    expect(summary.errors.map((e) => [e.row, e.errors[0]?.field])).toEqual(
      Object.entries(BAD).map(([row, [, field]]) => [Number(row), field]),
    );
    expect(receipts()).toBe(before); // a preview writes nothing

    const commit = await w.stack.call('import.commit', { token: summary.token });
    expect(commit).toMatchObject({ ok: false, error: { code: 'row-errors' } });
    expect(receipts()).toBe(before);
  });

  it('the fixed file imports whole, in one transaction, with one audit event for the import', async () => {
    const file = join(w.engineDir, 'fixed.csv');
    writeFileSync(file, csv(false));
    const before = receipts() ?? 0;
    const summary = await preview(file);
    expect(summary).toMatchObject({
      validRows: ROWS,
      errorRows: 0,
      alreadyPresent: 0,
      refusal: null,
    });
    const started = Date.now();
    const commit = await w.stack.call('import.commit', { token: summary.token });
    expect(commit).toEqual({
      ok: true,
      value: { inserted: ROWS, alreadyPresent: 0, repeatedInFile: 0 },
    });
    expect(receipts()).toBe(before + ROWS);
    expect(Date.now() - started).toBeLessThan(60_000);
    const done = w.services.ledger.audit.list({ kind: 'import.done' });
    expect(done).toHaveLength(1);
    // it names the receipts it added (consecutive ids), instead of one event per row
    const ids = (
      JSON.parse(done[0]?.details ?? '{}') as { receiptIds: { firstId: number; lastId: number } }
    ).receiptIds;
    expect(ids.lastId - ids.firstId + 1).toBe(ROWS);
    for (const id of [ids.firstId, ids.lastId]) {
      expect(w.services.ledger.receipts.get(id)?.source).toBe('imported');
    }
    expect(w.services.ledger.audit.list({ kind: 'receipt.added', limit: 10_000 })).toHaveLength(0);
    // look-ups now find what was imported, every field pre-filled; the card is masked
    const found = await w.stack.call('receipts.lookup', { by: 'number', query: 'V00000000002' });
    expect(found).toMatchObject({
      ok: true,
      value: {
        receipts: [
          { source: 'imported', aprvNo: '20000002', trxAmt: 1_200, issuerName: 'KB국민카드' },
        ],
      },
    });
    const odd = await w.stack.call('receipts.lookup', { by: 'number', query: 'V00000000001' });
    expect(JSON.stringify(odd)).not.toContain('5123456789012346');
  });

  it('importing the same file again adds nothing; an old token is refused', async () => {
    const file = join(w.engineDir, 'fixed.csv');
    const before = receipts();
    const summary = await preview(file);
    expect(summary).toMatchObject({ validRows: ROWS, alreadyPresent: ROWS });
    expect(await w.stack.call('import.commit', { token: summary.token })).toEqual({
      ok: true,
      value: { inserted: 0, alreadyPresent: ROWS, repeatedInFile: 0 },
    });
    expect(receipts()).toBe(before);
    expect(await w.stack.call('import.commit', { token: summary.token })).toMatchObject({
      ok: false,
      error: { code: 'import-expired' },
    });
    expect(await w.stack.call('import.commit', { token: PREVIEW_TOKEN })).toMatchObject({
      ok: false,
      error: { code: 'import-expired' },
    });
  });

  it('a receipt that contradicts a known one rolls the whole file back', async () => {
    const known = await w.receipt({ trxAmt: 31_000 });
    // same approval number, date and amount as the known one, another VAN number: the same
    // payment entered twice, with a contradiction (the VAT)
    const lines = [
      HEADER,
      line(20_001).replace('V00000020001', 'V99000000001'),
      [
        `${known.aprvDt.slice(0, 4)}-${known.aprvDt.slice(4, 6)}-${known.aprvDt.slice(6)}`,
        '10:15:00',
        known.aprvNo,
        known.trxAmt,
        known.vatAmt + 1,
        '일시불',
        'V99000000002',
        '',
        '',
      ].join(','),
    ];
    const file = join(w.engineDir, 'conflict.csv');
    writeFileSync(file, lines.join('\r\n'));
    const before = receipts();
    const summary = await preview(file);
    const commit = await w.stack.call('import.commit', { token: summary.token });
    expect(commit).toMatchObject({
      ok: false,
      error: { code: 'receipt-conflict', message: { ko: expect.stringContaining('3번째 줄') } },
    });
    // row 2 was fine and went in first: it is gone with the rest
    expect(receipts()).toBe(before);
    const first = await w.stack.call('receipts.lookup', { by: 'number', query: 'V99000000001' });
    expect(first).toMatchObject({ ok: true, value: { receipts: [] } });
  });

  it.each([
    ['larger than 50 MB: refused before it is read', 'huge.csv', 'too-large'],
    ['gone by the time it is read', 'missing.csv', 'unreadable'],
  ])('a file %s', async (_case, name, code) => {
    const file = join(w.engineDir, name);
    if (name === 'huge.csv') {
      writeFileSync(file, '');
      truncateSync(file, 50 * 1024 * 1024 + 1); // sparse: no disk is spent
    }
    w.stack.dialogs.importFile = file;
    expect(await w.stack.call('import.preview', {})).toMatchObject({ ok: false, error: { code } });
  });

  it('closing the open dialog changes nothing', async () => {
    w.stack.dialogs.importFile = null;
    expect(await w.stack.call('import.preview', {})).toEqual({
      ok: true,
      value: { picked: false },
    });
  });
});
