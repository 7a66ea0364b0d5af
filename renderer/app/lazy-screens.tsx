import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { useT } from '../i18n/useT';

/**
 * The manager's screens (and the history) load when they are first opened, the manager's with
 * their texts (issue 12 finding 10: the cashier's first screen loaded every manager screen and
 * its message tables). React.lazy
 * over a dynamic import: Vite puts each screen in a chunk of its own and the texts
 * (../i18n/manager-messages.ts) in one they share, registered before the screen renders.
 *
 * No flash: once the desk is idle the chunks are fetched ahead (`preloadManagerScreens`, also
 * when the PIN dialog opens), and a screen whose code is already here renders at once, without
 * suspending; should one be opened before that, nothing shows for a moment rather than a
 * blinking "loading", and only a slow load says so.
 */
type Loader = () => Promise<ComponentType>;

const withMessages =
  (load: () => Promise<ComponentType>): Loader =>
  async () => {
    const [screen] = await Promise.all([load(), import('../i18n/manager-messages')]);
    return screen;
  };

const LOADERS = {
  manager: withMessages(() =>
    import('../screens/manager/ManagerScreen').then((m) => m.ManagerScreen),
  ),
  review: withMessages(() => import('../screens/review/ReviewScreen').then((m) => m.ReviewScreen)),
  audit: withMessages(() => import('../screens/audit/AuditScreen').then((m) => m.AuditScreen)),
  settings: withMessages(() =>
    import('../screens/settings/SettingsScreen').then((m) => m.SettingsScreen),
  ),
  reports: withMessages(() =>
    import('../screens/reports/ReportsScreen').then((m) => m.ReportsScreen),
  ),
  import: withMessages(() => import('../screens/import/ImportScreen').then((m) => m.ImportScreen)),
  // the cashier's too, but not the first screen: its virtualized table (@tanstack/virtual) is
  // a fifth of the desk's own code
  history: () => import('../screens/history/HistoryScreen').then((m) => m.HistoryScreen),
} as const satisfies Record<string, Loader>;

export type LazyScreenName = keyof typeof LOADERS;

/** How long a load may take before the screen says it is loading. */
export const LOADING_NOTICE_MS = 400;

function lazyScreen(load: Loader): { Screen: () => React.JSX.Element; preload(): Promise<void> } {
  let loaded: ComponentType | null = null;
  let pending: Promise<{ default: ComponentType }> | null = null;
  const get = () =>
    (pending ??= load().then((component) => {
      loaded = component;
      return { default: component };
    }));
  const Lazy = lazy(get);
  function Screen() {
    const Loaded = loaded;
    if (Loaded !== null) return <Loaded />;
    return (
      <Suspense fallback={<Loading />}>
        <Lazy />
      </Suspense>
    );
  }
  return { Screen, preload: () => get().then(() => undefined) };
}

function Loading() {
  const t = useT();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), LOADING_NOTICE_MS);
    return () => clearTimeout(timer);
  }, []);
  return slow ? <p role="status">{t('app.loadingScreen')}</p> : null;
}

const screens = Object.fromEntries(
  Object.entries(LOADERS).map(([name, load]) => [name, lazyScreen(load)]),
) as Record<LazyScreenName, ReturnType<typeof lazyScreen>>;

export const LazyScreens: Record<LazyScreenName, () => React.JSX.Element> = Object.fromEntries(
  Object.entries(screens).map(([name, screen]) => [name, screen.Screen]),
) as Record<LazyScreenName, () => React.JSX.Element>;

/** Fetches every lazy screen ahead (idle desk, PIN dialog opened): no wait when opened. */
export function preloadScreens(): Promise<void> {
  return Promise.all(Object.values(screens).map((screen) => screen.preload())).then(
    () => undefined,
  );
}
