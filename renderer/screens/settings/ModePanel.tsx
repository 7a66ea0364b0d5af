import { pick } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { ErrorNotice } from '../../components/ErrorNotice';

/**
 * Training or live (DESIGN.md "Modes"; issue 6 "switching modes needs the manager"). Decided at
 * start: a switch says what the NEXT start will be, and offers the restart. Live needs the API
 * address, the ids and the credentials; until then main says what is missing.
 */
export function ModePanel() {
  const desk = useDesk();
  const t = useT();
  const language = useLanguage();
  const mode = useDeskStore('settings', (s) => s.mode);
  const busy = useDeskStore('settings', (s) => s.modeBusy);
  const error = useDeskStore('settings', (s) => s.modeError);
  if (mode === null) return null;
  const settings = desk.settings.getState;
  return (
    <section className="panel mode-panel" aria-labelledby="mode-title">
      <h2 id="mode-title">{t('mode.title')}</h2>
      <dl className="details">
        <div>
          <dt>{t('mode.now')}</dt>
          <dd data-mode={mode.mode}>{t(`mode.${mode.mode}`)}</dd>
        </div>
        <div>
          <dt>{t('mode.next')}</dt>
          <dd data-mode={mode.modeAfterRestart}>{t(`mode.${mode.modeAfterRestart}`)}</dd>
        </div>
      </dl>
      <p className="field-help">{t('mode.explain')}</p>
      {mode.liveBlockedBy && (
        <p className="notice notice-wait">
          {t('mode.blocked', { reason: pick(mode.liveBlockedBy, language) })}
        </p>
      )}
      <div className="actions">
        {mode.preference === 'auto' ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => void settings().switchMode('training')}
          >
            {t('mode.toTraining')}
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => void settings().switchMode('live')}>
            {t('mode.toLive')}
          </button>
        )}
        {mode.restartRequired && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void settings().restart()}
          >
            {t('mode.restart', { mode: t(`mode.${mode.modeAfterRestart}`) })}
          </button>
        )}
      </div>
      <ErrorNotice error={error} />
    </section>
  );
}
