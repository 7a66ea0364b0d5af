import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ManagerStatus } from '../../../../shared/contract/manager-models';
import { errResult, fakePos, managerStatus, okResult, type Handler } from '../../fakePos';
import { renderDesk } from '../../renderDesk';
import { NOW } from '../../renderManager';

/** The desk as the cashier has it, main answering manager.* from a little state machine. */
async function start(initial: ManagerStatus, handlers: Record<string, Handler> = {}) {
  let status = initial;
  const fake = fakePos({
    'manager.status': () => okResult(status),
    'manager.logout': () => {
      status = { ...status, role: 'cashier', sessionExpiresAt: null };
      return okResult(status);
    },
    'cancellations.list': () => okResult({ items: [], total: 0 }),
    ...handlers,
  });
  const user = userEvent.setup();
  const view = renderDesk(fake, { now: () => NOW });
  await act(async () => {
    view.desk.start();
  });
  await screen.findByText('단말기 T123456789');
  const setStatus = (next: ManagerStatus) => {
    status = next;
  };
  return { fake, user, setStatus, ...view };
}

const bar = () => screen.getByRole('banner', { name: '상태' });

describe('manager PIN: first-run setup', () => {
  it('explains the rules, checks the two entries agree, shows main refusing a weak PIN, then manager mode', async () => {
    let calls = 0;
    const { user, fake } = await start(managerStatus({ pin: 'not-set', triesLeft: null }), {
      'manager.setupPin': (payload) => {
        calls += 1;
        const { pin } = payload as { pin: string };
        return pin === '1234'
          ? errResult('weak-pin', '너무 쉬운 PIN입니다. 다른 PIN을 고르세요.', 'Too easy')
          : okResult({
              ...managerStatus({ role: 'manager', sessionExpiresAt: NOW + 300_000 }),
              recoveryCode: null,
            });
      },
    });
    await user.click(within(bar()).getByRole('button', { name: '관리자 PIN 설정 (F10)' }));
    const dialog = await screen.findByRole('dialog', { name: '관리자 PIN 설정 (처음 한 번)' });
    expect(dialog).toHaveTextContent('숫자 4~8자리');
    expect(dialog).toHaveTextContent('같은 숫자(0000), 연속된 숫자(1234, 9876)');
    const pin = within(dialog).getByLabelText('새 PIN');
    expect(pin).toHaveAttribute('type', 'password');
    expect(pin).toHaveAttribute('inputmode', 'numeric');
    expect(pin).toHaveFocus();

    // letters never get in; two different PINs are refused before main is asked
    await user.keyboard('48a21');
    expect(pin).toHaveValue('4821');
    await user.type(within(dialog).getByLabelText('새 PIN 다시 입력'), '4812{Enter}');
    expect(within(dialog).getByLabelText('새 PIN 다시 입력')).toHaveAccessibleDescription(
      /두 번 입력한 PIN이 서로 다릅니다/,
    );
    expect(calls).toBe(0);

    await user.clear(pin);
    await user.type(pin, '1234');
    await user.clear(within(dialog).getByLabelText('새 PIN 다시 입력'));
    await user.type(within(dialog).getByLabelText('새 PIN 다시 입력'), '1234{Enter}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('너무 쉬운 PIN입니다');
    expect(pin).toHaveValue('');

    await user.type(pin, '4821');
    expect(within(dialog).queryByRole('alert')).toBeNull(); // typing again retires the refusal
    await user.type(within(dialog).getByLabelText('새 PIN 다시 입력'), '4821{Enter}');
    expect(
      await screen.findByRole('heading', { level: 1, name: '관리자 메뉴' }),
    ).toBeInTheDocument();
    expect(within(bar()).getByText('관리자 모드')).toBeInTheDocument();
    expect(fake.callsTo('manager.setupPin').at(-1)).toEqual({
      pin: '4821',
      confirmation: '4821',
      acknowledgeLoss: false,
    });
  });

  it.each([
    ['1111', true],
    ['1234', true],
    ['9876', true],
    ['1212', true],
    ['1004', true],
    ['2580', true],
    ['4821', false],
    ['111', false], // not a PIN yet: the format is what is said (on submit), not "weak"
  ])(
    'warns while typing %s that it is too easy (%s), before anything is sent',
    async (typed, weak) => {
      const { user, fake } = await start(managerStatus({ pin: 'not-set', triesLeft: null }));
      await user.click(within(bar()).getByRole('button', { name: '관리자 PIN 설정 (F10)' }));
      const dialog = await screen.findByRole('dialog', { name: '관리자 PIN 설정 (처음 한 번)' });
      await user.type(within(dialog).getByLabelText('새 PIN'), typed);
      const warning = dialog.querySelector('[data-weak-pin]');
      if (weak) {
        expect(warning).toHaveAttribute('role', 'status');
        expect(warning).toHaveTextContent('너무 쉬운 PIN입니다. 이대로는 설정되지 않습니다');
      } else {
        expect(warning).toBeNull();
      }
      expect(fake.callsTo('manager.setupPin')).toEqual([]);
    },
  );

  it('the warning goes as soon as the PIN is no longer weak', async () => {
    const { user } = await start(managerStatus({ pin: 'not-set', triesLeft: null }));
    await user.click(within(bar()).getByRole('button', { name: '관리자 PIN 설정 (F10)' }));
    const dialog = await screen.findByRole('dialog', { name: '관리자 PIN 설정 (처음 한 번)' });
    const pin = within(dialog).getByLabelText('새 PIN');
    await user.type(pin, '1234');
    expect(dialog.querySelector('[data-weak-pin]')).not.toBeNull();
    await user.type(pin, '9');
    expect(dialog.querySelector('[data-weak-pin]')).toBeNull();
  });

  it('a lost PIN file: says so in red; without the recovery code, the loss must be acknowledged', async () => {
    const { user, fake } = await start(managerStatus({ pin: 'missing', triesLeft: null }), {
      'manager.setupPin': () =>
        okResult({
          ...managerStatus({ role: 'manager' }),
          recoveryCode: 'K7QF2-MZX9H-4DRT8-WBC3N',
        }),
    });
    await user.keyboard('{F10}');
    const dialog = await screen.findByRole('dialog', { name: '관리자 PIN 다시 설정' });
    expect(within(dialog).getAllByRole('alert')[0]).toHaveTextContent('PIN 파일이 없어졌습니다');
    expect(dialog).toHaveTextContent('KICC 인증 정보가 지워집니다');
    await user.keyboard('4821');
    await user.type(within(dialog).getByLabelText('새 PIN 다시 입력'), '4821{Enter}');
    expect(within(dialog).getByText(/확인했다고 표시해야/)).toBeInTheDocument();
    expect(fake.callsTo('manager.setupPin')).toEqual([]);
    await user.click(within(dialog).getByRole('checkbox'));
    await user.click(within(dialog).getByRole('button', { name: 'PIN 설정 (Enter)' }));
    expect(fake.callsTo('manager.setupPin')).toEqual([
      { pin: '4821', confirmation: '4821', acknowledgeLoss: true },
    ]);
  });

  it.each([
    ['missing', 'PIN 파일이 없어졌습니다'],
    ['corrupt', 'PIN 파일이 손상되어'],
    ['changed', '프로그램 밖에서 바뀌어'],
  ] as const)(
    'a PIN file %s: the recovery code sets a new PIN, no acknowledgement needed',
    async (state, says) => {
      const { user, fake } = await start(managerStatus({ pin: state, triesLeft: null }), {
        'manager.setupPin': () =>
          okResult({
            ...managerStatus({ role: 'manager' }),
            recoveryCode: 'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ',
          }),
      });
      expect(within(bar()).getByRole('button', { name: '관리자 PIN 설정 (F10)' })).toBeVisible();
      await user.keyboard('{F10}');
      const dialog = await screen.findByRole('dialog', { name: '관리자 PIN 다시 설정' });
      expect(within(dialog).getAllByRole('alert')[0]).toHaveTextContent(says);
      await user.keyboard('739146');
      await user.type(within(dialog).getByLabelText('새 PIN 다시 입력'), '739146');
      await user.type(
        within(dialog).getByLabelText('복구 코드 (20자리)'),
        'k7qf2-mzx9h-4drt8-wbc3n',
      );
      // with a code typed, the "no code" box is not offered
      expect(within(dialog).queryByRole('checkbox')).toBeNull();
      await user.keyboard('{Enter}');
      expect(fake.callsTo('manager.setupPin')).toEqual([
        {
          pin: '739146',
          confirmation: '739146',
          acknowledgeLoss: false,
          recoveryCode: 'k7qf2-mzx9h-4drt8-wbc3n',
        },
      ]);
      // the new code, once
      const shown = await screen.findByRole('dialog', {
        name: '복구 코드 — 지금 한 번만 보여 드립니다',
      });
      expect(shown.querySelector('[data-recovery-code]')).toHaveTextContent(
        'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ',
      );
    },
  );
});

describe('manager PIN: the one-time recovery code (issue 11)', () => {
  it('is shown once after the first PIN, survives Esc, leaves the page when written down', async () => {
    const { user, desk } = await start(managerStatus({ pin: 'not-set', triesLeft: null }), {
      'manager.setupPin': () =>
        okResult({
          ...managerStatus({ role: 'manager', sessionExpiresAt: NOW + 300_000 }),
          recoveryCode: 'K7QF2-MZX9H-4DRT8-WBC3N',
        }),
    });
    await user.keyboard('{F10}');
    const setup = await screen.findByRole('dialog', { name: '관리자 PIN 설정 (처음 한 번)' });
    await user.keyboard('4821');
    await user.type(within(setup).getByLabelText('새 PIN 다시 입력'), '4821{Enter}');
    const dialog = await screen.findByRole('dialog', {
      name: '복구 코드 — 지금 한 번만 보여 드립니다',
    });
    expect(dialog.querySelector('[data-recovery-code]')).toHaveTextContent(
      'K7QF2-MZX9H-4DRT8-WBC3N',
    );
    expect(dialog).toHaveTextContent('다시 보여 주지 않습니다');
    expect(dialog).toHaveTextContent('KICC 인증 정보가 지워져');
    // manager mode began underneath; the code is not lost to a stray Esc
    expect(screen.getByRole('heading', { level: 1, name: '관리자 메뉴' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: /복구 코드/ })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '적어 두었습니다' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(desk.manager.getState().recoveryCode).toBeNull();
    expect(document.body.innerHTML).not.toContain('K7QF2-MZX9H-4DRT8-WBC3N');
  });

  it('a forgotten PIN: from the login, a new one with the recovery code (required)', async () => {
    const { user, fake } = await start(managerStatus({ triesLeft: 5 }), {
      'manager.setupPin': () =>
        okResult({
          ...managerStatus({ role: 'manager' }),
          recoveryCode: 'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ',
        }),
    });
    await user.keyboard('{F10}');
    const login = await screen.findByRole('dialog', { name: '관리자 로그인' });
    await user.click(within(login).getByRole('button', { name: /PIN을 잊었습니다/ }));
    const dialog = await screen.findByRole('dialog', { name: '복구 코드로 새 PIN 설정' });
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    await user.keyboard('739146');
    await user.type(within(dialog).getByLabelText('새 PIN 다시 입력'), '739146{Enter}');
    expect(
      within(dialog).getByText('복구 코드를 입력해야 새 PIN을 설정할 수 있습니다.'),
    ).toBeVisible();
    expect(fake.callsTo('manager.setupPin')).toEqual([]);
    await user.type(
      within(dialog).getByLabelText('복구 코드 (20자리)'),
      'K7QF2MZX9H4DRT8WBC3N{Enter}',
    );
    expect(fake.callsTo('manager.setupPin')).toEqual([
      {
        pin: '739146',
        confirmation: '739146',
        acknowledgeLoss: false,
        recoveryCode: 'K7QF2MZX9H4DRT8WBC3N',
      },
    ]);
  });
});

describe('manager PIN: login and lock-out', () => {
  it("shows tries left, clears a wrong PIN, shows main's words", async () => {
    const { user, setStatus, fake } = await start(managerStatus({ triesLeft: 5 }), {
      'manager.login': () => {
        setStatus(managerStatus({ triesLeft: 2 }));
        return errResult('wrong-pin', 'PIN이 맞지 않습니다. 2번 더 틀리면 잠깁니다.', 'Wrong PIN');
      },
    });
    await user.keyboard('{F10}');
    const dialog = await screen.findByRole('dialog', { name: '관리자 로그인' });
    expect(dialog).toHaveTextContent('틀려도 되는 횟수: 5번');
    await user.keyboard('1357{Enter}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'PIN이 맞지 않습니다. 2번 더 틀리면 잠깁니다.',
    );
    expect(within(dialog).getByLabelText('관리자 PIN')).toHaveValue('');
    expect(dialog).toHaveTextContent('틀려도 되는 횟수: 2번');
    expect(fake.callsTo('manager.login')).toEqual([{ pin: '1357' }]);
  });

  it('locked: until when (Korea time) and the time left, no PIN field, lock shown in the status bar', async () => {
    const { user } = await start(
      managerStatus({ pin: 'locked', lockedUntil: NOW + 4 * 60_000 + 5_000, triesLeft: null }),
    );
    expect(within(bar()).getByRole('button', { name: '관리자 잠김 (F10)' })).toBeInTheDocument();
    await user.keyboard('{F10}');
    const dialog = await screen.findByRole('dialog', { name: '관리자 PIN 잠김' });
    expect(dialog).toHaveTextContent('10:04:05 이후에 다시 시도하세요');
    expect(dialog).toHaveTextContent('남은 시간: 4분 05초');
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    expect(dialog.querySelector('input')).toBeNull();
    expect(within(dialog).getByRole('button', { name: '닫기 (Esc)' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('textbox', { name: '영수증 번호' })).toBeInTheDocument();
  });

  it('Esc closes the dialog; the shortcuts wait while it is open', async () => {
    const { user, desk } = await start(managerStatus());
    await user.keyboard('{F10}');
    await screen.findByRole('dialog', { name: '관리자 로그인' });
    await user.keyboard('{F9}');
    expect(desk.nav.getState().stack).toEqual(['lookup']);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('manager mode', () => {
  it('F10 on the menu logs out; the indicator follows', async () => {
    const { user, fake } = await start(
      managerStatus({ role: 'manager', sessionExpiresAt: NOW + 300_000 }),
    );
    expect(within(bar()).getByText('10:05:00까지')).toBeInTheDocument();
    await user.keyboard('{F10}');
    expect(
      await screen.findByRole('heading', { level: 1, name: '관리자 메뉴' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toHaveTextContent('F10 로그아웃');
    await user.keyboard('{F10}');
    expect(fake.callsTo('manager.logout')).toHaveLength(1);
    expect(await within(bar()).findByRole('button', { name: '관리자 (F10)' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '영수증 번호' })).toBeInTheDocument();
    // leaving on purpose is not announced as "manager mode ended"
    expect(screen.queryByText(/관리자 모드가 끝났습니다/)).toBeNull();
  });

  it('ended by main (idle time, lock screen): the manager screen closes and the page says so', async () => {
    const { fake, desk } = await start(managerStatus({ role: 'manager', sessionExpiresAt: NOW }));
    await act(async () => desk.nav.getState().go('audit'));
    act(() => fake.emit('manager.changed', managerStatus({ role: 'cashier' })));
    expect(desk.nav.getState().stack).toEqual(['lookup']);
    expect(screen.getByText(/관리자 모드가 끝났습니다/)).toBeInTheDocument();
    expect(within(bar()).getByRole('button', { name: '관리자 (F10)' })).toBeInTheDocument();
  });
});
