import { useCallback, useEffect, useRef } from 'react';
import { QuitDialog } from '../components/QuitDialog';
import { SettledNotices } from '../components/SettledNotices';
import { ShortcutBar } from '../components/ShortcutBar';
import { StatusBar } from '../components/StatusBar';
import { useLanguage, useT } from '../i18n/useT';
import { useGlobalScanner } from '../scanner/useScanner';
import { CancelScreen } from '../screens/cancel/CancelScreen';
import { LookupScreen } from '../screens/lookup/LookupScreen';
import { PinDialog } from '../screens/manager/PinDialog';
import { OutcomeScreen } from '../screens/outcome/OutcomeScreen';
import { PaperScreen } from '../screens/paper/PaperScreen';
import { QueueScreen } from '../screens/queue/QueueScreen';
import { useDesk, useDeskStore } from '../stores/context';
import { currentScreen, type Screen } from '../stores/nav';
import { searchScanned } from './actions';
import { LazyScreens, preloadScreens } from './lazy-screens';
import { useFocusKeeper } from './useFocusKeeper';
import { useShortcuts } from './useShortcuts';

const SCREENS: Record<Screen, () => React.JSX.Element | null> = {
  lookup: LookupScreen,
  paper: PaperScreen,
  cancel: CancelScreen,
  outcome: OutcomeScreen,
  queue: QueueScreen,
  // the manager's and the history: loaded when first opened, or ahead once the desk is idle
  // (./lazy-screens.tsx)
  ...LazyScreens,
};

/** After the first screen is up and the desk has had a moment: the manager's screens ahead. */
const PRELOAD_AFTER_MS = 1_500;

/** The desk: status bar, the current screen, the shortcut bar. */
export function App() {
  const desk = useDesk();
  const t = useT();
  const language = useLanguage();
  const screen = useDeskStore('nav', currentScreen);
  const slipOpen = useDeskStore('nav', (s) => s.slipOpen);
  const cancelStep = useDeskStore('cancel', (s) => s.step);
  const pinDialog = useDeskStore('manager', (s) => s.dialog);
  const quitAsked = useDeskStore('notices', (s) => s.quit !== null);
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => desk.start(), [desk]);
  useEffect(() => {
    const timer = setTimeout(() => void preloadScreens(), PRELOAD_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  useEffect(() => {
    // the PIN dialog opening is the manager on the way: fetch their screens now
    if (pinDialog !== 'closed') void preloadScreens();
  }, [pinDialog]);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);
  useShortcuts(desk);
  useGlobalScanner(useCallback((code: string) => void searchScanned(desk, code), [desk]));
  useFocusKeeper(mainRef, [screen, cancelStep, slipOpen, pinDialog, quitAsked]);

  const Current = SCREENS[screen];
  return (
    <div className="app" data-screen={screen}>
      <a className="skip-link" href="#main">
        {t('app.skipToMain')}
      </a>
      <StatusBar />
      <SettledNotices />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Current />
        {/* inside <main>: the focus keeper finds the dialog first (./useFocusKeeper.ts) */}
        <PinDialog />
        <QuitDialog />
      </main>
      <ShortcutBar />
    </div>
  );
}
