import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import type { PosResult } from '../../../../shared/contract/errors';
import type { ImportSummary } from '../../../../shared/contract/manager-models';
import { deferred, errResult, okResult } from '../../fakePos';
import { renderManager } from '../../renderManager';

const summary = (patch: Partial<ImportSummary> = {}): ImportSummary => ({
  token: 'tok-1',
  fileName: '카드승인내역.csv',
  format: 'csv',
  headerRow: 1,
  columns: [
    { field: 'aprvDt', header: '승인일자' },
    { field: 'aprvNo', header: '승인번호' },
  ],
  ignoredColumns: ['비고'],
  headerProblems: [],
  dataRows: 10_000,
  validRows: 10_000,
  alreadyPresent: 0,
  repeatedInFile: 0,
  conflicts: [],
  errorRows: 0,
  errors: [],
  refusal: null,
  ...patch,
});

const withErrors = summary({
  validRows: 9_997,
  errorRows: 3,
  errors: [
    {
      row: 19,
      errors: [
        {
          field: 'orgAprvDt',
          rule: 'date',
          message: {
            ko: '원거래 승인일자(orgAprvDt)는 실제 날짜여야 합니다 (yyyyMMdd)',
            en: 'date',
          },
        },
      ],
    },
    {
      row: 514,
      errors: [
        {
          field: 'orgAprvNo',
          rule: 'required',
          message: { ko: '원거래 승인번호(orgAprvNo)는 필수 항목입니다', en: 'required' },
        },
        {
          field: 'trxAmt',
          rule: 'amount',
          message: { ko: '결제 금액(trxAmt)은 숫자여야 합니다', en: 'amount' },
        },
      ],
    },
    {
      row: 7779,
      errors: [
        {
          field: 'vanTrxNo',
          rule: 'maxBytes',
          message: { ko: 'vanTrxNo는 12바이트 이하', en: 'long' },
        },
      ],
    },
  ],
  refusal: { ko: '오류가 있는 줄이 3개 있어 아무것도 가져오지 않았습니다.', en: 'refused' },
});

describe('import screen', () => {
  it('a file with bad rows: every row, field and message; no import button', async () => {
    const { user } = await renderManager('import', {
      'import.preview': () => okResult({ picked: true, summary: withErrors }),
    });
    await user.click(await screen.findByRole('button', { name: '파일 선택…' }));
    const table = await screen.findByRole('table', { name: '오류가 있는 줄 3개' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-row'))).toEqual(['19', '514', '514', '7779']);
    expect(rows[0]).toHaveTextContent('원거래 승인일자');
    expect(rows[0]).toHaveTextContent('실제 날짜여야 합니다');
    expect(rows[2]).toHaveTextContent('결제 금액');
    expect(screen.getByRole('alert')).toHaveTextContent('이 파일은 가져올 수 없습니다');
    expect(screen.getByRole('alert')).toHaveTextContent('오류가 있는 줄이 3개 있어');
    expect(screen.getByText('10,000', { selector: 'dd' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^가져오기 — / })).toBeNull();
  });

  it('says when only the first rows with errors are listed', async () => {
    const { user } = await renderManager('import', {
      'import.preview': () =>
        okResult({ picked: true, summary: { ...withErrors, errorRows: 1_234 } }),
    });
    await user.click(await screen.findByRole('button', { name: '파일 선택…' }));
    expect(
      await screen.findByRole('table', { name: '오류가 있는 줄 1,234개 중 처음 3개' }),
    ).toBeInTheDocument();
  });

  it("a clean file: import button with the count; all or nothing is main's; then the count imported", async () => {
    const { user, fake } = await renderManager('import', {
      'import.preview': () => okResult({ picked: true, summary: summary() }),
      'import.commit': () => okResult({ inserted: 10_000, alreadyPresent: 0, repeatedInFile: 0 }),
    });
    await user.click(await screen.findByRole('button', { name: '파일 선택…' }));
    expect(
      await screen.findByText('문제가 없습니다. 10,000건을 가져올 수 있습니다.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/승인일자 → 승인일자, 승인번호 → 승인번호/)).toHaveTextContent(
      '쓰지 않는 열: 비고',
    );
    // 10,000 new receipts: the one-transaction write will hold the desk, and the screen says so
    expect(screen.getByText(/계산대가 몇 초간 멈춥니다/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '가져오기 — 새 영수증 10,000건' }));
    expect(fake.callsTo('import.commit')).toEqual([{ token: 'tok-1' }]);
    expect(await screen.findByText('10,000건을 가져왔습니다.')).toBeInTheDocument();
  });

  it('the same file again: nothing new, and it says so', async () => {
    const { user } = await renderManager('import', {
      'import.preview': () =>
        okResult({ picked: true, summary: summary({ alreadyPresent: 10_000 }) }),
      'import.commit': () => okResult({ inserted: 0, alreadyPresent: 10_000, repeatedInFile: 0 }),
    });
    await user.click(await screen.findByRole('button', { name: '파일 선택…' }));
    expect(await screen.findByText(/모두 이미 등록되어 있습니다/)).toBeInTheDocument();
    expect(screen.queryByText(/계산대가 몇 초간 멈춥니다/)).toBeNull();
    await user.click(screen.getByRole('button', { name: '가져오기 — 새 영수증 0건' }));
    expect(
      await screen.findByText(
        /새로 가져온 영수증이 없습니다: 10,000건 모두 이미 등록되어 있습니다/,
      ),
    ).toBeInTheDocument();
  });

  it("the dialog closed: nothing changes; a file main cannot read: main's words", async () => {
    const { user, fake } = await renderManager('import', {
      'import.preview': () => okResult({ picked: false }),
    });
    await user.click(await screen.findByRole('button', { name: '파일 선택…' }));
    expect(screen.queryByRole('region', { name: /미리보기/ })).toBeNull();
    fake.handle('import.preview', () =>
      errResult('old-excel', '오래된 엑셀(.xls) 파일입니다. .xlsx나 CSV로 저장하세요.', 'old'),
    );
    await user.click(screen.getByRole('button', { name: '파일 선택…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('.xlsx나 CSV로 저장하세요');
  });

  it('issue 12 finding 8: while main reads the file, a progress bar with rows read / total, then the comparing, and a cancel button', async () => {
    const answer = deferred<PosResult<unknown>>();
    const { user, fake } = await renderManager('import', {
      'import.preview': () => answer.promise,
      'import.cancel': () => okResult({ cancelled: true }),
    });
    await user.click(await screen.findByRole('button', { name: '파일 선택…' }));
    // the dialog is open: no bar yet
    expect(screen.queryByRole('progressbar')).toBeNull();
    act(() => fake.emit('import.progress', { stage: 'reading', rows: 0, total: null }));
    expect(await screen.findByText('파일을 읽고 확인하는 중: 0줄')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '가져오기 진행' })).not.toHaveAttribute('max');
    act(() => fake.emit('import.progress', { stage: 'reading', rows: 41_000, total: 100_001 }));
    const bar = screen.getByRole('progressbar', { name: '가져오기 진행' });
    expect(bar).toHaveAttribute('max', '100001');
    expect(bar).toHaveAttribute('value', '41000');
    expect(screen.getByText('파일을 읽고 확인하는 중: 41,000 / 100,001줄')).toBeInTheDocument();
    expect(screen.getByText(/그동안에도 조회와 취소는 평소처럼/)).toBeInTheDocument();
    act(() => fake.emit('import.progress', { stage: 'comparing', rows: 5_000, total: 100_000 }));
    expect(screen.getByText('등록된 영수증과 비교하는 중: 5,000 / 100,000건')).toBeInTheDocument();
    // the choose button waits; cancel is where the focus goes
    expect(screen.getByRole('button', { name: '파일을 읽는 중…' })).toBeDisabled();
    const cancel = screen.getByRole('button', { name: '가져오기 취소' });
    expect(cancel).toHaveFocus();
    await user.click(cancel);
    expect(fake.callsTo('import.cancel')).toHaveLength(1);
    expect(screen.getByRole('button', { name: '취소하는 중…' })).toBeDisabled();
    await act(async () =>
      answer.resolve(
        errResult('cancelled', '가져오기를 취소했습니다. 아무것도 가져오지 않았습니다.', 'x'),
      ),
    );
    // said calmly, as a status: the manager asked for it
    const notice = await screen.findByText(/가져오기를 취소했습니다/);
    expect(notice).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: '파일 선택…' })).toBeEnabled();
  });

  it("a file main refuses whole (the .xlsx bomb): main's words, as an alert, and no bar left", async () => {
    const answer = deferred<PosResult<unknown>>();
    const { user, fake } = await renderManager('import', {
      'import.preview': () => answer.promise,
    });
    await user.click(await screen.findByRole('button', { name: '파일 선택…' }));
    act(() => fake.emit('import.progress', { stage: 'reading', rows: 0, total: null }));
    await screen.findByRole('progressbar');
    await act(async () =>
      answer.resolve(
        errResult(
          'too-many-columns',
          '열이 너무 많은 시트입니다 (최대 256열). 카드 승인 내역 파일이 아닌 것 같습니다.',
          'x',
        ),
      ),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('열이 너무 많은 시트입니다');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
