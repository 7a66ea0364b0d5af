import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { App } from '../../renderer/app/App';
import { createDesk, type Desk, type DeskOptions } from '../../renderer/stores/desk';
import { DeskContext } from '../../renderer/stores/context';
import type { FakePos } from './fakePos';

/** Renders the whole desk (or one piece of it) around a fake `window.pos`. */
export function renderDesk(
  fake: FakePos,
  options: DeskOptions & { ui?: ReactElement } = {},
): { desk: Desk } & ReturnType<typeof render> {
  const desk = createDesk(fake.pos, {
    newId: () => '00000000-0000-4000-8000-00000000000a',
    ...options,
  });
  const result = render(
    <DeskContext.Provider value={desk}>{options.ui ?? <App />}</DeskContext.Provider>,
  );
  return { desk, ...result };
}
