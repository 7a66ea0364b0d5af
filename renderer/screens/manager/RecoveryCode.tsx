import { useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';

/**
 * The one-time recovery code of the PIN just set or changed (issue 11, the authenticator apps'
 * pattern): shown once, large, to be written on paper and kept away from the till. It leaves the
 * page only when the manager says it is written down (Esc does not dismiss it); main keeps only
 * its slow hash and never shows it again.
 */
export function RecoveryCode() {
  const desk = useDesk();
  const t = useT();
  const code = useDeskStore('manager', (s) => s.recoveryCode);
  if (code === null) return null;
  return (
    <>
      <h2 id="pin-title">{t('recovery.title')}</h2>
      <p className="notice notice-wait" role="status">
        {t('recovery.once')}
      </p>
      <p className="recovery-code mono" data-recovery-code="" aria-label={t('recovery.label')}>
        {code}
      </p>
      <ul className="recovery-help">
        <li>{t('recovery.keep')}</li>
        <li>{t('recovery.protects')}</li>
        <li>{t('recovery.without')}</li>
      </ul>
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-autofocus=""
          onClick={() => desk.manager.getState().dismissRecoveryCode()}
        >
          {t('recovery.done')}
        </button>
      </div>
    </>
  );
}
