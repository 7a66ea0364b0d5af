import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { cancellation, managerStatus, okResult } from '../../fakePos';
import { NOW, renderManager } from '../../renderManager';

describe('manager menu', () => {
  it('says what waits for a manager, offers every task, ends at 10:05 unless used', async () => {
    const { user, desk } = await renderManager('manager', {
      'cancellations.list': () =>
        okResult({ items: [cancellation({ state: 'needs_review' })], total: 1 }),
    });
    expect(
      await screen.findByText('관리자 확인이 필요한 취소가 1건 있습니다.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/10:05:00에 자동으로 끝납니다/)).toBeInTheDocument();
    const tasks = screen.getAllByRole('button').filter((b) => b.classList.contains('task'));
    expect(tasks.map((b) => b.querySelector('.task-title')?.firstChild?.textContent)).toEqual([
      '확인 필요 취소',
      '보고서 · 마감 정산',
      '영수증 가져오기',
      '감사 기록',
      '설정',
    ]);
    expect(tasks[0]).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'PIN 변경' }));
    const dialog = await screen.findByRole('dialog', { name: '관리자 PIN 변경' });
    expect(within(dialog).getByLabelText('현재 PIN')).toHaveFocus();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: /감사 기록/ }));
    expect(desk.nav.getState().stack).toEqual(['lookup', 'manager', 'audit']);
  });

  it('in English too (F7), manager mode in the status bar', async () => {
    await renderManager('manager', {}, { language: 'en' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Manager menu' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('banner', { name: 'Status' })).toHaveTextContent('Manager mode');
    expect(screen.getByRole('contentinfo')).toHaveTextContent('F10 Log out');
  });

  it('a manager screen outside manager mode shows the way in, not its content', async () => {
    const { desk, fake } = await renderManager('manager');
    act(() => fake.emit('manager.changed', managerStatus()));
    act(() => desk.nav.setState({ stack: ['lookup', 'reports'] }));
    expect(await screen.findByText(/관리자 모드에서만 볼 수 있는 화면입니다/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '관리자 로그인 (F10)' })).toBeInTheDocument();
    expect(fake.callsTo('reports.day')).toEqual([]);
  });
});

describe('files changed outside the app (issue 11)', () => {
  const finding = {
    id: 'settings-changed-1',
    kind: 'settings-changed' as const,
    at: NOW,
    message: {
      ko: '설정 파일이 프로그램 밖에서 바뀌었습니다 (limits.cashierMaxAmount).',
      en: 'The settings file was changed outside the app.',
    },
    changes: [{ key: 'limits.cashierMaxAmount', sealed: 300_000, found: 99_000_000 }],
    canApply: true,
  };

  it('the status bar tells everyone; the manager menu shows what and lets the manager decide', async () => {
    let findings = [finding];
    const { user, fake } = await renderManager('manager', {
      'integrity.status': () => okResult({ sealed: true, findings, liveBlockedBy: null }),
      'integrity.confirm': () => {
        findings = [];
        return okResult({ sealed: true, findings, liveBlockedBy: null });
      },
    });
    expect(screen.getByRole('banner', { name: '상태' }).parentElement).toHaveTextContent(
      '프로그램 밖에서 바뀐 파일 1건 — 관리자 확인이 필요합니다',
    );
    const panel = await screen.findByRole('region', { name: '프로그램 밖에서 바뀐 파일' });
    expect(panel).toHaveTextContent('설정 파일이 프로그램 밖에서 바뀌었습니다');
    const row = within(panel).getByRole('row', { name: /limits.cashierMaxAmount/ });
    expect(row).toHaveTextContent('300000');
    expect(row).toHaveTextContent('99000000');
    await user.click(within(panel).getByRole('button', { name: '파일의 값 적용' }));
    expect(fake.callsTo('integrity.confirm')).toEqual([{ id: 'settings-changed-1', apply: true }]);
    expect(screen.queryByRole('region', { name: '프로그램 밖에서 바뀐 파일' })).toBeNull();
    expect(screen.queryByText(/프로그램 밖에서 바뀐 파일 1건/)).toBeNull();
  });
});
