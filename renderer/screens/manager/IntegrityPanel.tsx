import { pick } from '../../i18n/translate';
import { formatKstDateTime } from '../../format/time';
import { useLanguage, useT } from '../../i18n/useT';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useDesk, useDeskStore } from '../../stores/context';

/**
 * On the manager menu: files changed outside the app (issue 11), each with what it means and
 * what the app does until a manager confirms, the values found against the ones in force, and
 * the manager's choice: confirm (the app's values stay), or for a settings file, apply the
 * file's values (an ordinary, audited settings change). Nothing when nothing waits.
 */
export function IntegrityPanel() {
  const desk = useDesk();
  const t = useT();
  const language = useLanguage();
  const status = useDeskStore('integrity', (s) => s.status);
  const busy = useDeskStore('integrity', (s) => s.busy);
  const problem = useDeskStore('integrity', (s) => s.problem);
  if (status === null || status.findings.length === 0) return null;
  const show = (value: string | number | boolean | null) =>
    value === null || value === '' ? '—' : String(value);
  return (
    <section className="panel integrity-panel" aria-labelledby="integrity-title">
      <h2 id="integrity-title">{t('integrity.title')}</h2>
      <p>{t('integrity.help')}</p>
      <ErrorNotice error={problem} />
      <ul className="integrity-findings">
        {status.findings.map((finding) => (
          <li key={finding.id} data-finding={finding.kind}>
            <p className="notice notice-bad">{pick(finding.message, language)}</p>
            <p className="hint">
              {t('integrity.foundAt', { time: formatKstDateTime(finding.at) })}
            </p>
            {finding.changes.length > 0 && (
              <table className="integrity-changes">
                <thead>
                  <tr>
                    <th scope="col">{t('integrity.key')}</th>
                    <th scope="col">{t('integrity.sealed')}</th>
                    <th scope="col">{t('integrity.found')}</th>
                  </tr>
                </thead>
                <tbody>
                  {finding.changes.map((change) => (
                    <tr key={change.key}>
                      <th scope="row" className="mono">
                        {change.key}
                      </th>
                      <td className="mono">{show(change.sealed)}</td>
                      <td className="mono">{show(change.found)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <div className="actions">
              <button
                type="button"
                disabled={busy !== null}
                onClick={() => void desk.integrity.getState().confirm(finding.id, false)}
              >
                {t('integrity.confirm')}
              </button>
              {finding.canApply && (
                <button
                  type="button"
                  disabled={busy !== null}
                  onClick={() => void desk.integrity.getState().confirm(finding.id, true)}
                >
                  {t('integrity.apply')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
