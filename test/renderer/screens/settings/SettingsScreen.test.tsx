import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { ConnectionTest, ModeStatus } from '../../../../shared/contract/manager-models';
import type { CredentialsStatus } from '../../../../shared/contract/models';
import { errResult, okResult, settings } from '../../fakePos';
import { NOW, renderManager } from '../../renderManager';

const credentials = (patch: Partial<CredentialsStatus> = {}): CredentialsStatus => ({
  set: false,
  encryptionAvailable: true,
  updatedAt: null,
  modeAfterRestart: 'training',
  ...patch,
});

const mode: ModeStatus = {
  mode: 'training',
  modeAfterRestart: 'training',
  preference: 'auto',
  restartRequired: false,
  liveBlockedBy: { ko: 'KICC 인증 정보가 아직 입력되지 않았습니다', en: 'Credentials not entered' },
};

function open(extra: Parameters<typeof renderManager>[1] = {}) {
  let stored = credentials();
  return renderManager('settings', {
    'credentials.status': () => okResult(stored),
    'credentials.set': () => {
      stored = credentials({ set: true, updatedAt: NOW });
      return okResult(stored);
    },
    'mode.status': () => okResult(mode),
    'settings.update': (patch) => okResult({ ...settings(), ...(patch as object) }),
    ...extra,
  });
}

describe('settings screen', () => {
  it("checks the business number as typed with KICC's rule, and saves only what changed", async () => {
    const { user, fake } = await open();
    const bizrNo = await screen.findByRole('textbox', { name: '사업자등록번호' });
    expect(bizrNo).toHaveValue('1234567890');
    await user.clear(bizrNo);
    await user.type(bizrNo, '123-45');
    expect(bizrNo).toHaveAttribute('aria-invalid', 'true');
    expect(bizrNo).toHaveAccessibleDescription(/사업자등록번호는 10자리여야 합니다/);
    expect(screen.getByRole('button', { name: '설정 저장 (Enter)' })).toBeDisabled();
    await user.type(bizrNo, '-99999');
    expect(bizrNo).toHaveAttribute('aria-invalid', 'false');
    await user.click(screen.getByRole('button', { name: '설정 저장 (Enter)' }));
    expect(fake.callsTo('settings.update')).toEqual([{ businessNumber: '1234599999' }]);
    expect(await screen.findByText('저장했습니다 (10:00:00).')).toBeInTheDocument();
  });

  it("puts main's refusal of the API address back on its field", async () => {
    const { user } = await open({
      'settings.update': () => ({
        ok: false,
        error: {
          code: 'invalid-request',
          message: { ko: '요청 내용이 올바르지 않습니다.', en: 'Invalid' },
          fields: [
            {
              field: 'apiBaseUrl',
              rule: 'type',
              message: { ko: '형식이 올바르지 않습니다', en: 'https://host' },
            },
          ],
        },
      }),
    });
    const url = await screen.findByRole('textbox', { name: 'KICC 접속 주소' });
    await user.clear(url);
    await user.type(url, 'https://kicc.example.co.kr');
    expect(url).toHaveAttribute('aria-invalid', 'false');
    await user.click(screen.getByRole('button', { name: '설정 저장 (Enter)' }));
    expect(await screen.findByText('형식이 올바르지 않습니다')).toBeInTheDocument();
    expect(url).toHaveAttribute('aria-invalid', 'true');
  });

  it('checks the API address as typed, with the contract rule, before anything is sent', async () => {
    const { user, fake } = await open();
    const url = await screen.findByRole('textbox', { name: 'KICC 접속 주소' });
    const save = screen.getByRole('button', { name: '설정 저장 (Enter)' });
    await user.clear(url);
    await user.type(url, 'ftp://kicc');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveAccessibleDescription(/https:\/\/로 시작하는 주소만/);
    expect(save).toBeDisabled();
    await user.clear(url);
    await user.type(url, 'https://kicc.example.co.kr/v1');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    await user.clear(url);
    await user.type(url, 'https://kicc.example.co.kr');
    expect(url).toHaveAttribute('aria-invalid', 'false');
    await user.click(save);
    expect(fake.callsTo('settings.update')).toEqual([{ apiBaseUrl: 'https://kicc.example.co.kr' }]);
  });

  it('another API address: main clears the credentials, and the panel says so at once (issue 11)', async () => {
    let stored = credentials({ set: true, updatedAt: NOW });
    const { user } = await open({
      'credentials.status': () => okResult(stored),
      'settings.update': (patch) => {
        stored = credentials(); // what main does when the address moves to another host
        return okResult({ ...settings(), ...(patch as object) });
      },
    });
    await screen.findByText(/저장되어 있음/);
    const url = screen.getByRole('textbox', { name: 'KICC 접속 주소' });
    await user.clear(url);
    await user.type(url, 'https://other.example.co.kr');
    await user.click(screen.getByRole('button', { name: '설정 저장 (Enter)' }));
    expect(await screen.findByText('저장되어 있지 않음 — 교육 모드로만 동작합니다')).toBeVisible();
    expect(screen.getByText(/다른 서버로 바꾸면 저장된 인증 정보는 지워지고/)).toBeVisible();
  });

  it('saves the store name for the slips, in Korean, trimmed; too long is refused as typed', async () => {
    const { user, fake } = await open();
    const name = await screen.findByRole('textbox', { name: '상호 (영수증에 인쇄)' });
    expect(name).toHaveValue('');
    expect(name).toHaveAccessibleDescription(/취소 영수증 맨 위에 인쇄됩니다/);
    expect(name).toHaveAttribute('maxLength', '40');
    // the maxLength attribute stops typing, not a paste or a value set by script
    name.removeAttribute('maxLength');
    await user.type(name, '가'.repeat(41));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/40자 이하로 입력하세요/);
    expect(screen.getByRole('button', { name: '설정 저장 (Enter)' })).toBeDisabled();
    await user.clear(name);
    await user.type(name, '  행복한 김밥 강남점 ');
    expect(name).toHaveAttribute('aria-invalid', 'false');
    await user.click(screen.getByRole('button', { name: '설정 저장 (Enter)' }));
    expect(fake.callsTo('settings.update')).toEqual([{ storeName: '행복한 김밥 강남점' }]);
    expect(await screen.findByText('저장했습니다 (10:00:00).')).toBeInTheDocument();
    expect(name).toHaveValue('행복한 김밥 강남점');
  });

  it('credentials are write-only: never pre-filled, sent once, then cleared; only "set" comes back', async () => {
    const { user, fake } = await open();
    const channel = await screen.findByRole('textbox', { name: '채널 아이디' });
    const secret = screen.getByLabelText('시크릿 키');
    expect(channel).toHaveValue('');
    expect(secret).toHaveValue('');
    expect(secret).toHaveAttribute('type', 'password');
    expect(screen.getByText('저장되어 있지 않음 — 교육 모드로만 동작합니다')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '인증 정보 저장' })).toBeDisabled();
    await user.type(channel, 'CH0001');
    await user.type(secret, 'k3y-very-secret-0001');
    await user.click(screen.getByRole('button', { name: '인증 정보 저장' }));
    expect(fake.callsTo('credentials.set')).toEqual([
      { channelId: 'CH0001', secretKey: 'k3y-very-secret-0001' },
    ]);
    expect(
      await screen.findByText(/저장되어 있음 \(마지막 변경 2023-12-26 10:00:00\)/),
    ).toBeInTheDocument();
    expect(channel).toHaveValue('');
    expect(secret).toHaveValue('');
    expect(document.body.innerHTML).not.toContain('k3y-very-secret');
  });

  it.each([
    ['ok', '연결 정상', 'status'],
    ['credentials-refused', '인증 정보 거부됨', 'alert'],
    ['unreachable', 'KICC에 연결 안 됨', 'alert'],
  ] as const)('test connection %s: in plain words', async (result, title, role) => {
    const answer: ConnectionTest = {
      result,
      message: { ko: `main이 설명합니다: ${result}`, en: result },
      apiBaseUrl: 'https://api.example.co.kr',
      httpStatus: result === 'credentials-refused' ? 401 : null,
      respCd: null,
      testedAt: NOW,
    };
    const { user } = await open({ 'connection.test': () => okResult(answer) });
    await user.click(await screen.findByRole('button', { name: '연결 시험' }));
    const shown = (await screen.findByText(title)).closest('[data-result]');
    expect(shown).toHaveAttribute('data-result', result);
    expect(shown).toHaveAttribute('role', role);
    expect(shown).toHaveTextContent(`main이 설명합니다: ${result}`);
  });

  it('the mode: what now, what after a restart, why live is blocked; switching asks main', async () => {
    const { user, fake } = await open({
      'mode.switch': () => okResult({ ...mode, preference: 'training', liveBlockedBy: null }),
    });
    const panel = await screen.findByRole('region', { name: '교육 모드 / 실제 모드' });
    expect(panel).toHaveTextContent(
      '실제 모드로 시작할 수 없습니다: KICC 인증 정보가 아직 입력되지 않았습니다',
    );
    expect(panel).toHaveTextContent('실제 카드 결제는 취소되지 않습니다');
    await user.click(within(panel).getByRole('button', { name: '교육 모드로 전환' }));
    expect(fake.callsTo('mode.switch')).toEqual([{ to: 'training' }]);
    expect(
      await within(panel).findByRole('button', { name: '실제 모드로 전환' }),
    ).toBeInTheDocument();
  });

  it("a cashier never gets here: main's refusal of the screen's data is not shown as a form", async () => {
    const { desk } = await open({
      'settings.get': () =>
        errResult('not-manager', '관리자 모드에서만 할 수 있습니다.', 'Only manager'),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('관리자 모드에서만 할 수 있습니다.');
    expect(screen.queryByRole('button', { name: '설정 저장 (Enter)' })).toBeNull();
    expect(desk.settings.getState().phase).toBe('error');
  });
});
