import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createDesk } from './stores/desk';
import { DeskContext } from './stores/context';
import { translate } from './i18n/translate';
import './styles/base.css';
import './styles/frame.css';
import './styles/forms.css';
import './styles/outcome.css';
import './styles/lists.css';
import './styles/manager.css';
import './styles/notices.css';
import './styles/responsive.css';

/**
 * The page's entry. `window.pos` is the only way out (DESIGN.md: the UI never talks to KICC,
 * the network or the disk); the preload puts it there, built by shared/contract's factory.
 */
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');

if (typeof window.pos === 'undefined') {
  // No bridge: say so plainly instead of a blank window (a broken preload, or opened in a browser).
  const message = document.createElement('p');
  message.className = 'fatal';
  message.textContent = translate('ko', 'error.noPos');
  root.replaceChildren(message);
} else {
  const desk = createDesk(window.pos);
  createRoot(root).render(
    <StrictMode>
      <DeskContext.Provider value={desk}>
        <App />
      </DeskContext.Provider>
    </StrictMode>,
  );
}
