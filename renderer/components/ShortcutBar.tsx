import type { MessageKey } from '../i18n/translate';
import { otherLanguage } from '../i18n/translate';
import { useLanguage, useT } from '../i18n/useT';
import { PRINT_SETTLED_KEY, SHORTCUTS } from '../app/shortcuts';
import { printable } from '../stores/settlements';
import { useDeskStore } from '../stores/context';
import { isManager } from '../stores/manager';
import { currentScreen } from '../stores/nav';

/** The keys, on screen all the time (issue 5: "document the shortcuts on screen"). */
export function ShortcutBar() {
  const t = useT();
  const language = useLanguage();
  // F10 on the manager menu ends manager mode (../app/shortcuts.ts): the bar says so there
  const logoutKey = useDeskStore('nav', (s) => currentScreen(s) === 'manager');
  const manager = useDeskStore('manager', (s) => isManager(s.status));
  const settledToPrint = useDeskStore('notices', (s) => s.notices.some(printable));
  const label = (key: (typeof SHORTCUTS)[number]): string =>
    key === 'F10' && logoutKey && manager
      ? t('shortcut.F10.logout')
      : t(`shortcut.${key}` as MessageKey);
  return (
    <footer className="shortcut-bar">
      <h2 className="visually-hidden">{t('nav.shortcuts')}</h2>
      <ul>
        {settledToPrint && (
          <li className="shortcut-settled">
            <kbd>{PRINT_SETTLED_KEY}</kbd> {t('shortcut.F1')}
          </li>
        )}
        {SHORTCUTS.map((key) => (
          <li key={key}>
            {/* F7 names the other language in that language, and says so (WCAG 3.1.2) */}
            <kbd>{key}</kbd>{' '}
            {key === 'F7' ? <span lang={otherLanguage(language)}>{label(key)}</span> : label(key)}
          </li>
        ))}
      </ul>
    </footer>
  );
}
