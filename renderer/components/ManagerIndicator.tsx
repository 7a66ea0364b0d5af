import { formatKstTime } from '../format/time';
import { useT } from '../i18n/useT';
import { isManager } from '../stores/manager';
import { useDesk, useDeskStore } from '../stores/context';

/**
 * Who is at the screen, always visible in the status bar (issue 6: "indicator in the status
 * bar"): "관리자 모드" with the time it ends by itself (idle timeout, pushed back by manager
 * work) and a logout button; for the cashier, the way in (F10), which first-run setup, a lock
 * or a damaged PIN file changes. Main pushes every change (`manager.changed`).
 */
export function ManagerIndicator() {
  const desk = useDesk();
  const t = useT();
  const status = useDeskStore('manager', (s) => s.status);
  const open = () => void desk.manager.getState().open();
  const until = status?.sessionExpiresAt ?? null;

  if (isManager(status)) {
    return (
      <span className="manager-indicator" role="status">
        <span className="manager-badge">{t('manager.mode')}</span>
        {until !== null && (
          <span className="manager-until">
            {t('manager.until', { time: formatKstTime(until) })}
          </span>
        )}
        <button type="button" onClick={open} aria-label={t('manager.menuLabel')}>
          {t('manager.menu')}
        </button>
        <button
          type="button"
          onClick={() => void desk.manager.getState().logout()}
          aria-label={t('manager.logoutLabel')}
        >
          {t('manager.logoutShort')}
        </button>
      </span>
    );
  }
  const label =
    status?.pin === 'not-set' ||
    status?.pin === 'missing' ||
    status?.pin === 'corrupt' ||
    status?.pin === 'changed'
      ? t('manager.setupButton')
      : status?.pin === 'locked'
        ? t('manager.lockedButton')
        : t('manager.button');
  return (
    <button
      type="button"
      className="manager-button"
      onClick={open}
      aria-label={`${label} (F10)`}
      data-pin={status?.pin ?? 'unknown'}
    >
      {label} <kbd>F10</kbd>
    </button>
  );
}

/** Manager mode ended while a manager screen was open: said once, plainly. */
export function ManagerEndedNotice() {
  const desk = useDesk();
  const t = useT();
  const ended = useDeskStore('manager', (s) => s.ended);
  if (!ended) return null;
  return (
    <div className="manager-ended" role="status">
      <span>{t('manager.ended')}</span>
      <button type="button" onClick={() => desk.manager.getState().dismissEnded()}>
        {t('manager.endedDismiss')}
      </button>
    </div>
  );
}
