import type { Attempt } from '../../../shared/contract/manager-models';
import { formatKstDateTime } from '../../format/time';
import { useT } from '../../i18n/useT';

/** KICC's raw answer, pretty when it is JSON, verbatim otherwise. */
export function rawText(text: string | null): string {
  if (text === null || text === '') return '—';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/**
 * Every exchange with KICC for one cancellation, oldest first, exactly as recorded: what was sent
 * (the body, KICC's fields only), when, and what came back (the raw answer, or the error). The
 * manager compares these with the merchant portal.
 */
export function AttemptList({ attempts }: { attempts: readonly Attempt[] }) {
  const t = useT();
  return (
    <section aria-labelledby="attempts-title">
      <h2 id="attempts-title">{t('review.attemptsTitle', { count: attempts.length })}</h2>
      <ol className="attempts">
        {attempts.map((a, index) => (
          <li key={a.id} className="attempt" data-kind={a.kind}>
            <h3>
              {t('review.attemptN', { n: index + 1 })} ·{' '}
              {t(a.kind === 'cancel' ? 'review.kindCancel' : 'review.kindNetCancel')}
            </h3>
            <dl className="details">
              <div>
                <dt>{t('receipt.mercTrxNo')}</dt>
                <dd className="mono">{a.mercTrxNo}</dd>
              </div>
              <div>
                <dt>{t('review.sentAt')}</dt>
                <dd>{formatKstDateTime(a.sentAt)}</dd>
              </div>
              <div>
                <dt>{t('review.endedAt')}</dt>
                <dd>{a.endedAt === null ? '—' : formatKstDateTime(a.endedAt)}</dd>
              </div>
              <div>
                <dt>{t('review.result')}</dt>
                <dd>
                  {[a.class, a.code, a.httpStatus === null ? null : `HTTP ${a.httpStatus}`]
                    .filter(Boolean)
                    .join(' · ') || a.state}
                </dd>
              </div>
              {a.message && (
                <div>
                  <dt>{t('review.message')}</dt>
                  <dd>{a.message}</dd>
                </div>
              )}
              {a.error && (
                <div>
                  <dt>{t('review.error')}</dt>
                  <dd>{a.error}</dd>
                </div>
              )}
            </dl>
            <div className="raw-pair">
              <div>
                <h4>{t('review.bodySent')}</h4>
                <pre className="raw" tabIndex={0} aria-label={t('review.bodySent')}>
                  {rawText(a.body)}
                </pre>
              </div>
              <div>
                <h4>{t('review.rawAnswer')}</h4>
                <pre className="raw" tabIndex={0} aria-label={t('review.rawAnswer')}>
                  {rawText(a.responseBody)}
                </pre>
              </div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
