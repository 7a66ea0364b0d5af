import type { ConnectionTest } from '../../../shared/contract/manager-models';
import { formatKstDateTime } from '../../format/time';
import { pick } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { ErrorNotice } from '../../components/ErrorNotice';

const TONE: Record<ConnectionTest['result'], 'ok' | 'bad' | 'wait'> = {
  ok: 'ok',
  'credentials-refused': 'bad',
  unreachable: 'bad',
  unexpected: 'bad',
  'not-configured': 'wait',
};

/**
 * "Test connection" (issue 6): main makes one harmless signed call with the SAVED settings and
 * credentials and explains the answer in plain words (electron/store-ops/connection-test.ts).
 */
export function ConnectionPanel() {
  const desk = useDesk();
  const t = useT();
  const language = useLanguage();
  const testing = useDeskStore('settings', (s) => s.testing);
  const test = useDeskStore('settings', (s) => s.test);
  const error = useDeskStore('settings', (s) => s.testError);
  return (
    <section className="panel" aria-labelledby="connection-title">
      <h2 id="connection-title">{t('connection.title')}</h2>
      <p className="field-help">{t('connection.help')}</p>
      <button
        type="button"
        onClick={() => void desk.settings.getState().testConnection()}
        disabled={testing}
      >
        {testing ? t('connection.testing') : t('connection.test')}
      </button>
      {test && (
        <div
          className={`outcome outcome-${TONE[test.result]} connection-result`}
          role={test.result === 'ok' ? 'status' : 'alert'}
          data-result={test.result}
        >
          <p className="outcome-reason">{t(`connection.${test.result}`)}</p>
          <p>{pick(test.message, language)}</p>
          {/* the address and codes as they are: data, not words (issue 12 finding 7) */}
          <p className="field-help-inherit mono">
            {[
              test.apiBaseUrl === '' ? null : test.apiBaseUrl,
              test.httpStatus === null ? null : `HTTP ${test.httpStatus}`,
              test.respCd === null ? null : `KICC ${test.respCd}`,
              formatKstDateTime(test.testedAt),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}
