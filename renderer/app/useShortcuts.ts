import { useEffect } from 'react';
import type { Desk } from '../stores/desk';
import { isManager } from '../stores/manager';
import { printable } from '../stores/settlements';
import { currentScreen } from '../stores/nav';
import { runShortcut } from './actions';
import { isReservedKey, resolveShortcut } from './shortcuts';

/** The keyboard map (./shortcuts.ts) on the whole window. */
export function useShortcuts(desk: Desk): void {
  useEffect(() => {
    const listener = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      const nav = desk.nav.getState();
      const action = resolveShortcut(event, {
        screen: currentScreen(nav),
        cancelStep: desk.cancel.getState().step,
        slipOpen: nav.slipOpen,
        manager: isManager(desk.manager.getState().status),
        modal: desk.manager.getState().dialog !== 'closed' || desk.notices.getState().quit !== null,
        inLookupForm: (document.activeElement?.closest('#lookup-panel') ?? null) !== null,
        settledToPrint: desk.notices.getState().notices.some(printable),
      });
      if (action !== null || isReservedKey(event.key)) event.preventDefault();
      if (action !== null) runShortcut(desk, action);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [desk]);
}
