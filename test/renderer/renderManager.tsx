import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Screen } from '../../renderer/stores/nav';
import { fakePos, managerStatus, okResult, type FakePos, type Handler } from './fakePos';
import type { ChannelName } from '../../shared/contract/channels';
import { renderDesk } from './renderDesk';

/** 2023-12-26 10:00:00 KST: the desk's clock in these tests */
export const NOW = Date.UTC(2023, 11, 26, 1, 0, 0);

/**
 * The whole desk with main in manager mode (as main would report it after a PIN), opened on one
 * of the manager's screens. Main's answers for that screen come from `handlers`.
 */
export async function renderManager(
  screenName: Screen,
  handlers: Partial<Record<ChannelName, Handler>> = {},
  options: { language?: 'ko' | 'en' } = {},
): Promise<
  { fake: FakePos; user: ReturnType<typeof userEvent.setup> } & ReturnType<typeof renderDesk>
> {
  const fake = fakePos({
    'manager.status': () =>
      okResult(managerStatus({ role: 'manager', sessionExpiresAt: NOW + 5 * 60_000 })),
    ...handlers,
  });
  const user = userEvent.setup();
  const view = renderDesk(fake, { now: () => NOW, ...options });
  await act(async () => {
    view.desk.start();
  });
  await screen.findByText(options.language === 'en' ? 'Manager mode' : '관리자 모드');
  await act(async () => view.desk.nav.getState().go(screenName));
  return { fake, user, ...view };
}
