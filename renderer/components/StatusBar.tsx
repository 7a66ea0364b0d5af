import { useDeskStore } from '../stores/context';
import { useKrw, useLanguage, useT } from '../i18n/useT';
import { otherLanguage, pick } from '../i18n/translate';
import { IntegrityBanner } from './IntegrityBanner';
import { ManagerEndedNotice, ManagerIndicator } from './ManagerIndicator';

/**
 * Always on screen (STYLE.md "State is always visible"): connection, unfinished cancellations
 * (count and total), terminal, who is at the screen (cashier or manager mode), language; and the
 * training banner on every screen (DESIGN.md "Modes").
 */
export function StatusBar() {
  const t = useT();
  const krw = useKrw();
  const language = useLanguage();
  const online = useDeskStore('status', (s) => s.online);
  const summary = useDeskStore('status', (s) => s.summary);
  const info = useDeskStore('status', (s) => s.info);
  const setLanguage = useDeskStore('nav', (s) => s.setLanguage);
  const go = useDeskStore('nav', (s) => s.go);

  const connection = online === null ? 'unknown' : online ? 'online' : 'offline';
  const tid = info?.terminalId ?? '';
  return (
    <div className="top">
      <header className="status-bar" aria-label={t('status.label')}>
        <span className={`status-connection status-${connection}`} role="status">
          <span className="status-dot" aria-hidden="true" />
          {t(`status.${connection}`)}
        </span>
        <button
          type="button"
          className="status-queue"
          data-unfinished={summary !== null && summary.count > 0}
          onClick={() => go('queue')}
          aria-label={`${t('nav.queue')} (F8): ${
            summary && summary.count > 0
              ? t('status.queue', { count: summary.count, total: krw(summary.totalAmount) })
              : t('status.queueEmpty')
          }`}
        >
          {summary && summary.count > 0
            ? t('status.queue', { count: summary.count, total: krw(summary.totalAmount) })
            : t('status.queueEmpty')}
        </button>
        <span className="status-terminal">
          {tid === '' ? t('status.terminalUnset') : t('status.terminal', { tid })}
        </span>
        <ManagerIndicator />
        <button
          type="button"
          className="status-language"
          lang={otherLanguage(language)}
          onClick={() => setLanguage(otherLanguage(language))}
          aria-label={`${t('nav.languageLabel')} (F7)`}
        >
          {t('nav.language')} <kbd>F7</kbd>
        </button>
      </header>
      {info?.mode === 'training' && (
        <div className="training-banner" role="note">
          <strong>{t('status.training')}</strong>
          {info.trainingReason && <span> — {pick(info.trainingReason, language)}</span>}
        </div>
      )}
      <IntegrityBanner />
      <ManagerEndedNotice />
      <RecoveredNotice />
      {summary?.pausedReason === 'auth' && (
        <div className="auth-banner" role="alert">
          {t('status.authProblem')}
        </div>
      )}
      {summary?.pausedReason === 'clock-skew' && (
        <div className="auth-banner" role="alert">
          {t('status.clockProblem')}
        </div>
      )}
    </div>
  );
}

/**
 * After main reloaded a crashed or hung screen (electron/window/pos-shell.ts): say what happened
 * and that nothing was lost, so the cashier does not redo a cancellation that is already recorded.
 */
function RecoveredNotice() {
  const t = useT();
  const recovered = useDeskStore('status', (s) => s.recovered);
  const dismiss = useDeskStore('status', (s) => s.dismissRecovered);
  if (recovered === null) return null;
  return (
    <div className="screen-recovered" role="alert">
      <span>{t('status.recovered')}</span>
      <button type="button" onClick={dismiss}>
        {t('status.recoveredDismiss')}
      </button>
    </div>
  );
}
