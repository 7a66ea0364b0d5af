import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { Report } from '../../../../shared/contract/manager-models';
import { okResult } from '../../fakePos';
import { renderManager } from '../../renderManager';

const bucket = (count: number, amount: number) => ({ count, amount, vat: Math.floor(amount / 11) });

const report: Report = {
  from: '20231226',
  to: '20231226',
  total: bucket(4, 142_000),
  cancelled: bucket(2, 33_000),
  unresolved: bucket(1, 99_000),
  approved: bucket(1, 99_000),
  manual: bucket(0, 0),
  byState: [
    { state: 'draft', ...bucket(0, 0) },
    { state: 'in_doubt', ...bucket(1, 99_000) },
    { state: 'cancelled', ...bucket(2, 33_000) },
    { state: 'rejected', ...bucket(1, 10_000) },
  ],
  byCashier: [
    { key: 'cashier', code: null, all: bucket(3, 43_000), cancelled: bucket(2, 33_000) },
    { key: 'manager', code: null, all: bucket(1, 99_000), cancelled: bucket(0, 0) },
  ],
  byIssuer: [
    { key: '신한카드', code: '07', all: bucket(2, 22_000), cancelled: bucket(1, 11_000) },
    { key: null, code: null, all: bucket(2, 120_000), cancelled: bucket(1, 22_000) },
  ],
  close: null,
};

const item = (
  id: string,
  createdAt: number,
  state: Report['byState'][number]['state'],
  amount: number,
) => ({
  id,
  createdAt,
  state,
  amount,
  vat: Math.floor(amount / 11),
  manual: false,
  settledAt: state === 'cancelled' || state === 'rejected' ? createdAt + 3_600_000 : null,
});

/** 2023-12-25 10:00 KST */
const DEC25 = Date.UTC(2023, 11, 25, 1);

const closed: Report = {
  ...report,
  close: {
    settledLate: [{ ...item('7', DEC25, 'cancelled', 40_000), manual: true }],
    refunded: { ...bucket(3, 73_000), manual: 1 },
    notRefunded: bucket(1, 10_000),
    reportedElsewhere: bucket(0, 0),
    unresolved: {
      ...bucket(2, 399_000),
      oldestCreatedAt: DEC25 - 86_400_000,
      items: [
        item('3', DEC25 - 86_400_000, 'needs_review', 300_000),
        item('9', DEC25 + 86_400_000, 'in_doubt', 99_000),
      ],
    },
    printed: {
      count: 1,
      firstAt: DEC25 + 86_400_000 - 3_600_000,
      lastAt: DEC25 + 86_400_000 - 3_600_000,
      lastSeq: 41,
    },
    changes: {
      refundedBefore: bucket(2, 33_000),
      unresolvedBefore: bucket(3, 439_000),
      settled: [{ ...item('7', DEC25, 'cancelled', 40_000), manual: true }],
      newUnresolved: [],
      withdrawn: [],
    },
  },
};

describe('reports screen', () => {
  it("today's (KST) report at once: the totals, and by state, requester and issuer", async () => {
    const { fake } = await renderManager('reports', { 'reports.day': () => okResult(report) });
    expect(
      await screen.findByRole('heading', { name: '2023-12-26 취소 집계 (한국 시간)' }),
    ).toBeInTheDocument();
    expect(fake.callsTo('reports.day')).toEqual([{ date: '20231226' }]);
    const totals = screen.getAllByRole('listitem').filter((li) => li.classList.contains('total'));
    expect(totals.map((t) => t.textContent)).toEqual([
      '전체 요청4건142,000원부가세 12,909원',
      '취소 완료2건33,000원부가세 3,000원',
      '미확정 (현금 환불 금지)1건99,000원부가세 9,000원',
      '관리자 승인1건99,000원부가세 9,000원',
      '관리자 확인0건0원부가세 0원',
    ]);
    expect(screen.getByText(/미확정 취소가 있습니다/)).toBeInTheDocument();
    const byState = screen.getByRole('table', { name: '상태별' });
    expect(within(byState).getByRole('row', { name: /취소 확인 중/ })).toHaveTextContent(
      '199,000원9,000원',
    );
    const byCashier = screen.getByRole('table', { name: '요청자별' });
    expect(within(byCashier).getByRole('row', { name: /계산원/ })).toHaveTextContent(
      '343,000원233,000원',
    );
    expect(within(byCashier).getByRole('row', { name: /관리자/ })).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: '카드사별' })).getByText('카드사 미확인'),
    ).toBeInTheDocument();
  });

  it('a range: checked as typed, then asked of main', async () => {
    const { user, fake } = await renderManager('reports', {
      'reports.day': () => okResult(report),
      'reports.range': () => okResult({ ...report, from: '20231201', to: '20231226' }),
    });
    await screen.findByRole('heading', { name: /취소 집계/ });
    await user.click(screen.getByRole('radio', { name: '기간 지정' }));
    const from = screen.getByRole('textbox', { name: '시작일' });
    await user.clear(from);
    await user.type(from, '2023-12-31');
    expect(screen.getByRole('textbox', { name: '종료일' })).toHaveAccessibleDescription(
      '종료일이 시작일보다 빠릅니다',
    );
    expect(screen.getByRole('button', { name: '조회 (Enter)' })).toBeDisabled();
    await user.clear(from);
    await user.type(from, '2023-12-01{Enter}');
    expect(fake.callsTo('reports.range')).toEqual([{ from: '20231201', to: '20231226' }]);
    expect(
      await screen.findByRole('heading', { name: '2023-12-01 ~ 2023-12-26 취소 집계 (한국 시간)' }),
    ).toBeInTheDocument();
  });

  it('CSV: main saves it after its own dialog; the page says where, or that nothing was written', async () => {
    const { user, fake } = await renderManager('reports', {
      'reports.day': () => okResult(report),
      'reports.exportCsv': () => okResult({ saved: true, fileName: 'kicc-20231226.csv', rows: 17 }),
    });
    await user.click(await screen.findByRole('button', { name: 'CSV 내보내기 (합계)' }));
    expect(fake.callsTo('reports.exportCsv')).toEqual([
      { from: '20231226', to: '20231226', kind: 'summary', language: 'ko' },
    ]);
    expect(await screen.findByText(/kicc-20231226\.csv에 17줄을 저장했습니다/)).toBeInTheDocument();
    fake.handle('reports.exportCsv', () => okResult({ saved: false, fileName: null, rows: 0 }));
    await user.click(screen.getByRole('button', { name: 'CSV 내보내기 (건별)' }));
    expect(
      await screen.findByText('저장을 취소했습니다. 파일을 만들지 않았습니다.'),
    ).toBeInTheDocument();
  });

  it("end of day: main's summary on screen, printed by main", async () => {
    const { user, fake } = await renderManager('reports', {
      'reports.day': () => okResult(report),
      'reports.endOfDay': () =>
        okResult({
          kind: 'summary',
          lang: 'ko',
          title: '마감 정산',
          lines: [
            { kind: 'title', text: '마감 정산' },
            { kind: 'field', label: '취소 완료', value: '2건 33,000원', strong: true },
            { kind: 'warning', text: '확인 필요 1건: 현금으로 환불하지 마세요' },
            { kind: 'text', text: '감사 체크포인트 #12 abcdef' },
          ],
        }),
      'reports.printEndOfDay': () =>
        okResult({ printed: true, printer: '', reprint: false, problem: null }),
    });
    await user.click(await screen.findByRole('button', { name: '마감 정산 보기·인쇄' }));
    const dialog = await screen.findByRole('dialog', { name: '마감 정산' });
    expect(await within(dialog).findByText('2건 33,000원')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('감사 체크포인트 #12');
    await user.click(within(dialog).getByRole('button', { name: '인쇄 (Ctrl+P)' }));
    expect(fake.callsTo('reports.printEndOfDay')).toEqual([
      { from: '20231226', to: '20231226', language: 'ko' },
    ]);
    expect(
      await within(dialog).findByText('인쇄했습니다 (프린터: 기본 프린터).'),
    ).toBeInTheDocument();
  });

  it('a day’s close: the refunds it counts, earlier requests settled since, every unresolved item, and what changed since the print (issue 13)', async () => {
    await renderManager('reports', { 'reports.day': () => okResult(closed) });
    const refunds = await screen.findByRole('region', { name: '이번 마감 취소 완료' });
    expect(refunds).toHaveTextContent('3건 73,000원');
    expect(refunds).toHaveTextContent('그 중 관리자 확인 1건');
    const late = screen.getByRole('table', { name: '이전 요청 — 이번 마감에 확정' });
    expect(within(late).getByRole('row', { name: /#7/ })).toHaveTextContent(
      '취소 완료 (관리자 확인)40,000원',
    );
    const unresolved = screen.getByRole('region', { name: '미확정 — 모든 날짜' });
    expect(unresolved).toHaveTextContent('2건 399,000원');
    expect(unresolved).toHaveTextContent('가장 오래된 요청: 2023-12-24 10:00:00');
    expect(
      within(unresolved)
        .getAllByRole('row')
        .map((r) => r.getAttribute('data-id')),
    ).toEqual([null, '3', '9']);
    expect(screen.getByText(/이 날의 마감을 1번 출력했습니다/)).toBeInTheDocument();
    const changes = screen.getByRole('region', { name: /출력 이후 변경/ });
    expect(changes).toHaveTextContent(
      '이번 마감 취소 완료: 출력 당시 2건 33,000원 → 지금 3건 73,000원',
    );
    expect(within(changes).getByRole('table', { name: '확정됨' })).toHaveTextContent('#7');
  });
});
