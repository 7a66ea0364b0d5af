import { useEffect } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatKstDateTime } from '../../format/time';
import { pick } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';

/**
 * The daily backup (issue 12 finding 9): the folder (chosen in main's dialog, e.g. a USB drive),
 * the last backup and "back up now". Every end-of-day close makes one by itself; how to restore
 * is in the manager's guide.
 */
export function BackupPanel() {
  const desk = useDesk();
  const t = useT();
  const language = useLanguage();
  const status = useDeskStore('backup', (s) => s.status);
  const busy = useDeskStore('backup', (s) => s.busy);
  const error = useDeskStore('backup', (s) => s.error);
  const backup = desk.backup.getState;

  useEffect(() => {
    void desk.backup.getState().load();
  }, [desk]);

  const last = status?.last ?? null;
  const folder = status?.folder ?? '';
  return (
    <section className="panel backup-panel" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className="field-help">{t('backup.help')}</p>
      <dl className="details">
        <div>
          <dt>{t('backup.folder')}</dt>
          <dd className={folder === '' ? undefined : 'mono'} data-folder={folder}>
            {folder === '' ? t('backup.none') : folder}
          </dd>
        </div>
        {last !== null && (
          <div>
            <dt>{t('backup.lastLabel')}</dt>
            <dd>
              {last.ok
                ? t('backup.last', { time: formatKstDateTime(last.at), file: last.file })
                : t('backup.lastFailed', {
                    time: formatKstDateTime(last.at),
                    reason: last.problem ? pick(last.problem, language) : '',
                  })}
            </dd>
          </div>
        )}
      </dl>
      <ErrorNotice error={error} />
      <div className="actions">
        <button type="button" onClick={() => void backup().choose()} disabled={busy}>
          {t('backup.choose')}
        </button>
        {folder !== '' && (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => void backup().run()}
              disabled={busy}
            >
              {busy ? t('backup.running') : t('backup.run')}
            </button>
            <button type="button" onClick={() => void backup().clear()} disabled={busy}>
              {t('backup.clear')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
