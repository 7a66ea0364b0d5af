import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDesk } from './harness/desk';
import { typeByHand } from './harness/keys';
import { logIn, openTask, pinAlreadySet, receiptCount } from './harness/manager';
import { skipReason, useBrowser } from './harness/suite';

/**
 * Issue 6 journey "import of a 10,000-row file with some bad rows": main reads the file the
 * manager picked (the dialog is answered by the journey), the preview lists every bad row with
 * its Excel row number, field and message, there is no "import" button, and nothing at all is
 * imported. The fixed file imports in one go; importing it again adds nothing and says so; and
 * the cashier's look-up then finds an imported receipt with every field filled.
 */
const ROWS = 10_000;

interface Row {
  date: string;
  aprvNo: string;
  amount: string;
  vat: string;
  van: string;
  issuer: string;
}

function goodRow(i: number): Row {
  const amount = 1_000 + (i % 500) * 100;
  return {
    date: `2023-12-${String(1 + (i % 28)).padStart(2, '0')}`,
    aprvNo: String(30_000_000 + i),
    amount: amount.toLocaleString('en-US'),
    vat: String(Math.floor(amount / 11)),
    van: `V${String(i).padStart(11, '0')}`,
    issuer: i % 2 === 0 ? '신한카드' : 'KB국민카드',
  };
}

/** Data index -> what is wrong with it (Excel row = index + 2: the header is row 1). */
const BAD: ReadonlyMap<number, (row: Row) => Row> = new Map([
  [17, (r) => ({ ...r, date: '2023-02-30' })],
  [512, (r) => ({ ...r, aprvNo: '' })],
  [1_999, (r) => ({ ...r, amount: '만원' })],
  [4_096, (r) => ({ ...r, vat: '999999' })],
  [7_777, (r) => ({ ...r, van: 'V1234567890123' })],
  [9_998, (r) => ({ ...r, date: '' })],
]);

function writeCsv(file: string, withBadRows: boolean): void {
  const lines = ['승인일자,승인번호,거래금액,부가세,VAN거래번호,카드사'];
  for (let i = 0; i < ROWS; i += 1) {
    const bad = withBadRows ? BAD.get(i) : undefined;
    const r = bad ? bad(goodRow(i)) : goodRow(i);
    lines.push([r.date, r.aprvNo, `"${r.amount}"`, r.vat, r.van, r.issuer].join(','));
  }
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

describe.skipIf(skipReason !== null)('manager: importing receipts', () => {
  const browser = useBrowser();

  it('10,000 rows with bad ones: every bad row shown, nothing imported; fixed: all in; again: nothing new', async () => {
    const desk = await openDesk(browser(), { prepare: pinAlreadySet });
    try {
      const { page, backend } = desk;
      const before = receiptCount(backend);
      const broken = join(backend.dataDir, '카드승인내역-오류.csv');
      const fixed = join(backend.dataDir, '카드승인내역.csv');
      writeCsv(broken, true);
      writeCsv(fixed, false);

      await logIn(page);
      await openTask(page, /영수증 가져오기/, '영수증 가져오기');

      // the manager closes the file dialog: nothing happens
      backend.dialogs.importFile = null;
      await page.getByRole('button', { name: '파일 선택…' }).click();
      await page.getByRole('button', { name: '파일 선택…' }).waitFor();
      expect(await page.locator('.import-preview').count()).toBe(0);

      backend.dialogs.importFile = broken;
      await page.getByRole('button', { name: '파일 선택…' }).click();
      const preview = page.locator('.import-preview');
      await preview.waitFor({ timeout: 60_000 });
      await preview.getByText('이 파일은 가져올 수 없습니다', { exact: false }).waitFor();
      const counts = await page.locator('.import-counts').innerText();
      expect(counts).toContain('10,000');
      for (const index of BAD.keys()) {
        const excelRow = index + 2;
        await page.locator(`tr[data-row="${excelRow}"]`).first().waitFor();
      }
      const errorRows = await page
        .locator('.import-errors tbody tr')
        .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-row'))));
      expect([...new Set(errorRows)].sort((a, b) => a - b)).toEqual(
        [...BAD.keys()].map((i) => i + 2),
      );
      expect(await page.locator('tr[data-row="19"]').innerText()).toContain('승인일자');
      expect(await page.getByRole('button', { name: /^가져오기 — / }).count()).toBe(0);
      await desk.shot('37-import-errors');
      expect(receiptCount(backend)).toBe(before);

      backend.dialogs.importFile = fixed;
      await page.getByRole('button', { name: '파일 선택…' }).click();
      await page
        .getByText('문제가 없습니다. 10,000건을 가져올 수 있습니다.')
        .waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: '가져오기 — 새 영수증 10,000건' }).click();
      await page.getByText('10,000건을 가져왔습니다.').waitFor({ timeout: 60_000 });
      expect(receiptCount(backend)).toBe(before + ROWS);
      await desk.shot('38-import-done');

      await page.getByRole('button', { name: '파일 선택…' }).click();
      await page
        .getByText('파일의 영수증이 모두 이미 등록되어 있습니다. 가져와도 바뀌는 것이 없습니다.')
        .waitFor({ timeout: 60_000 });
      // importing it again changes nothing, and says so (main skips what it already has)
      await page.getByRole('button', { name: '가져오기 — 새 영수증 0건' }).click();
      await page
        .getByText(/새로 가져온 영수증이 없습니다: 10,000건 모두 이미 등록되어 있습니다/)
        .waitFor();
      await desk.shot('39-import-again');
      expect(receiptCount(backend)).toBe(before + ROWS);

      // the cashier's look-up finds an imported receipt, every field filled
      const sample = goodRow(4_321);
      await page.keyboard.press('F2');
      await typeByHand(page, sample.van, true);
      const result = page.locator('.result');
      await result.waitFor();
      const text = await result.innerText();
      expect(text).toContain(sample.aprvNo);
      expect(text).toContain(`${sample.amount}원`);
      expect(text).toContain(sample.issuer);
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
