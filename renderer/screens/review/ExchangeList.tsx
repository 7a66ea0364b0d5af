import type { ReviewDetail } from '../../../shared/contract/review-models';
import { formatKstDateTime } from '../../format/time';
import { useT } from '../../i18n/useT';
import { readingWords } from './readings';

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
 * Every exchange with KICC for one cancellation, oldest first (issue 9 "the manager's review
 * screen"; issue 13 finding 3): which request it was — a cancellation, or a net-cancel, which
 * REVERSES a cancellation when KICC answers 0000 — and what KICC's answer means, in words. The
 * exact body sent and KICC's raw answer stay behind "자세히", for the manager to compare with the
 * merchant portal or to send to KICC.
 */
export function ExchangeList({ detail }: { detail: ReviewDetail }) {
  const t = useT();
  const reads = new Map(detail.record.exchanges.map((e) => [e.attemptId, e]));
  return (
    <section aria-labelledby="attempts-title">
      <h2 id="attempts-title">{t('review.attemptsTitle', { count: detail.attempts.length })}</h2>
      <ol className="attempts">
        {detail.attempts.map((a, index) => {
          const read = reads.get(a.id);
          return (
            <li
              key={a.id}
              className="attempt"
              data-kind={a.kind}
              data-reading={read?.reading ?? ''}
              data-basis={detail.record.basisAttemptId === a.id ? '' : undefined}
            >
              <h3>
                {t('review.exchangeN', { n: index + 1 })} · {t(`review.kind.${a.kind}`)} ·{' '}
                {formatKstDateTime(a.sentAt)}
              </h3>
              {read && <p className="reading">{readingWords(t, read)}</p>}
              {a.state === 'answered' && a.code !== null && (
                <p className="kicc-says">
                  {t('review.kiccSaid', { message: a.message ?? '', code: a.code })}
                </p>
              )}
              <p className="request-no">
                {t('review.requestNo')}: <span className="mono">{a.mercTrxNo}</span>
              </p>
              <details className="more">
                <summary>{t('review.more')}</summary>
                <dl className="details">
                  <div>
                    <dt>{t('review.sentAt')}</dt>
                    <dd>{formatKstDateTime(a.sentAt)}</dd>
                  </div>
                  <div>
                    <dt>{t('review.endedAt')}</dt>
                    <dd>{a.endedAt === null ? '—' : formatKstDateTime(a.endedAt)}</dd>
                  </div>
                  <div>
                    <dt>{t('review.httpStatus')}</dt>
                    <dd className="mono">{a.httpStatus ?? '—'}</dd>
                  </div>
                </dl>
                {a.state !== 'answered' && (a.error ?? a.message) && (
                  <p className="technical">
                    {t('review.error')}:{' '}
                    <span className="mono">{[a.message, a.error].filter(Boolean).join(' — ')}</span>
                  </p>
                )}
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
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
