import { useEffect } from 'react';
import { formatKiccDate, formatKstDateTime } from '../../format/time';
import { pick } from '../../i18n/translate';
import { useKrw, useLanguage, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { ManagerOnly } from '../manager/ManagerOnly';
import { ReviewDetailView } from './ReviewDetail';

/**
 * needs_review (issue 6): the cancellations nobody can settle automatically. Each is opened to
 * see everything known and to record what KICC's merchant portal says; a resolved one leaves
 * the list at once.
 */
export function ReviewScreen() {
  const t = useT();
  return (
    <ManagerOnly title={t('review.title')}>
      <ReviewList />
    </ManagerOnly>
  );
}

function ReviewList() {
  const desk = useDesk();
  const t = useT();
  const krw = useKrw();
  const language = useLanguage();
  const items = useDeskStore('review', (s) => s.items);
  const phase = useDeskStore('review', (s) => s.phase);
  const error = useDeskStore('review', (s) => s.error);
  const detail = useDeskStore('review', (s) => s.detail);
  const detailError = useDeskStore('review', (s) => s.detailError);
  const resolved = useDeskStore('review', (s) => s.resolved);

  useEffect(() => {
    void desk.review.getState().load();
    return () => desk.review.getState().closeDetail();
  }, [desk]);

  if (detail !== null) return <ReviewDetailView detail={detail} />;

  return (
    <section className="screen" aria-labelledby="review-title">
      <h1 id="review-title" tabIndex={-1} data-autofocus="">
        {t('review.title')}
      </h1>
      <p>{t('review.help')}</p>
      {resolved && (
        <p className="notice notice-plain" role="status">
          {t(resolved.state === 'cancelled' ? 'review.resolvedCancelled' : 'review.resolvedNot', {
            no: resolved.orgAprvNo,
          })}
        </p>
      )}
      {(error ?? detailError) && (
        <p className="notice notice-bad" role="alert">
          {pick((error ?? detailError)?.message ?? { ko: '', en: '' }, language)}
        </p>
      )}
      {phase === 'loading' && <p role="status">{t('review.loading')}</p>}
      {phase === 'ready' && items.length === 0 && <p role="status">{t('review.empty')}</p>}
      {items.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">{t('review.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.time')}</th>
              <th scope="col">{t('queue.receipt')}</th>
              <th scope="col">{t('queue.amount')}</th>
              <th scope="col">{t('queue.attempts')}</th>
              <th scope="col">{t('history.reason')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('review.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{formatKstDateTime(item.requestedAt)}</td>
                <td className="mono">
                  {formatKiccDate(item.orgAprvDt)} {item.orgAprvNo}
                </td>
                <td className="amount">{krw(item.trxAmt)}</td>
                <td>{item.attempts}</td>
                <td>{item.reason}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => void desk.review.getState().open(item.id)}
                    aria-label={`${t('review.open')} — ${item.orgAprvNo}`}
                  >
                    {t('review.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
