import { useT } from '../i18n/useT';
import { useDeskStore } from '../stores/context';

/**
 * In the status bar, for everyone (issue 11): files changed outside the app wait for a manager.
 * The cashier learns why limits may be lower or live mode off; the manager menu says the rest
 * (../screens/manager/IntegrityPanel.tsx).
 */
export function IntegrityBanner() {
  const t = useT();
  const count = useDeskStore('integrity', (s) => s.status?.findings.length ?? 0);
  if (count === 0) return null;
  return (
    <div className="integrity-banner" role="alert">
      {t('integrity.banner', { count })}
    </div>
  );
}
