import { useEffect, useLayoutEffect, type DependencyList, type RefObject } from 'react';

/**
 * Focus is never lost (issue 5). When a screen or step changes, focus goes to the element the
 * screen marked `data-autofocus` (the search field, the reason, the confirm button, the outcome's
 * title), else its first heading. And whenever focus falls back to <body> (the focused button
 * was disabled or removed, a click on empty space), it is put back the same way. Chromium does
 * not always fire focusout when a focused node is removed, so DOM changes are watched too.
 */
export function focusScreen(root: HTMLElement | null): void {
  if (!root) return;
  const dialog = root.querySelector<HTMLElement>('[role="dialog"]');
  const scope = dialog ?? root;
  const target =
    scope.querySelector<HTMLElement>('[data-autofocus]:not([disabled])') ??
    scope.querySelector<HTMLElement>('h1, h2');
  target?.focus();
}

const focusLost = (): boolean =>
  document.activeElement === null || document.activeElement === document.body;

export function useFocusKeeper(rootRef: RefObject<HTMLElement | null>, deps: DependencyList): void {
  useLayoutEffect(() => {
    focusScreen(rootRef.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps are the trigger
  }, deps);

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    let pending = false;
    const check = (): void => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        if (focusLost()) focusScreen(rootRef.current);
      });
    };
    const onFocusOut = (): void => {
      // The new focus is known only after the event: look once the browser has settled it.
      setTimeout(check, 0);
    };
    const observer = new MutationObserver(check);
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['disabled'],
    });
    document.addEventListener('focusout', onFocusOut);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusout', onFocusOut);
    };
  }, [rootRef]);
}
