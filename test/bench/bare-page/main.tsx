import { StrictMode, useLayoutEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { BARE_READY_MARK } from './marks';

/**
 * The yardstick of `interactive_ratio` (test/bench/renderer.ts): the least a React page built
 * with the desk's own setup (Vite, the React plugin, production, React 19 with StrictMode) can
 * do before a text field has focus. The desk's time to its focused search field is measured
 * against this one's, on the same machine in the same run, so the figure says what the desk
 * adds, not how busy the machine was.
 */

function Page() {
  const field = useRef<HTMLInputElement>(null);
  // as the desk focuses its search field: before the first paint
  useLayoutEffect(() => {
    field.current?.focus();
    if (performance.getEntriesByName(BARE_READY_MARK).length === 0) {
      performance.mark(BARE_READY_MARK);
    }
  }, []);
  return (
    <main>
      <label htmlFor="q">영수증 번호</label>
      <input id="q" ref={field} />
    </main>
  );
}

const root = document.getElementById('root');
if (root === null) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
