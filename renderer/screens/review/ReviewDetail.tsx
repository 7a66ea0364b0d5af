import type { ReviewDetail } from '../../../shared/contract/review-models';
import { ManualMark } from '../../components/ManualMark';
import { StateBadge } from '../../components/StateBadge';
import { whoWords } from '../../format/people';
import { formatKiccDate, formatKstDateTime } from '../../format/time';
import { useKrw, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { ExchangeList } from './ExchangeList';
import { RecordFindings } from './RecordFindings';
import { ReopenForm } from './ReopenForm';
import { ResolutionForm } from './ResolutionForm';
import { ReviewHistory } from './ReviewHistory';

/**
 * Everything known about one cancellation a manager reviews (issue 6; issue 9 "the manager's
 * review screen"; issue 13 finding 3): who asked and approved; why it is here and what the
 * engine could not tell; what KICC's answers imply; every exchange in words (the exact body and
 * raw answer behind "자세히"); where to look in KICC's merchant portal; the manager's records;
 * then the finding (needs_review) or "다시 열기" (a manager's outcome).
 */
export function ReviewDetailView({ detail }: { detail: ReviewDetail }) {
  const desk = useDesk();
  const t = useT();
  const krw = useKrw();
  const reopened = useDeskStore('review', (s) => s.reopened);
  const c = detail.cancellation;
  const sentNumbers = [...new Set(detail.attempts.map((a) => a.mercTrxNo))];
  const waiting = c.state === 'needs_review';
  const role = (who: string | null): string => whoWords(t, who);
  return (
    <section
      className="screen review-detail"
      aria-labelledby="review-detail-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          desk.review.getState().closeDetail();
        }
      }}
    >
      <h1 id="review-detail-title" tabIndex={-1}>
        {t(c.resolvedByManager ? 'review.detailTitleResolved' : 'review.detailTitle', {
          no: c.orgAprvNo,
        })}{' '}
        <StateBadge state={c.state} /> <ManualMark shown={c.resolvedByManager} />
      </h1>
      {reopened?.id === c.id && (
        <p className="notice notice-plain" role="status">
          {t('review.reopened', { no: c.orgAprvNo })}
        </p>
      )}
      <dl className="details">
        <div>
          <dt>{t('receipt.aprvDt')}</dt>
          <dd>{formatKiccDate(c.orgAprvDt)}</dd>
        </div>
        <div>
          <dt>{t('receipt.aprvNo')}</dt>
          <dd className="mono">{c.orgAprvNo}</dd>
        </div>
        <div>
          <dt>{t('outcome.amount')}</dt>
          <dd className="amount">{krw(c.trxAmt)}</dd>
        </div>
        <div>
          <dt>{t('receipt.card')}</dt>
          <dd className="mono">{c.cardConfirmNo ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('history.time')}</dt>
          <dd>{formatKstDateTime(c.requestedAt)}</dd>
        </div>
        <div>
          <dt>{t('review.requestedBy')}</dt>
          <dd>{role(detail.requestedBy)}</dd>
        </div>
        <div>
          <dt>{t('review.approvedBy')}</dt>
          <dd>{detail.approvedBy === null ? t('review.noApproval') : role(detail.approvedBy)}</dd>
        </div>
        <div>
          <dt>{t('history.reason')}</dt>
          <dd>{c.reason}</dd>
        </div>
        {detail.inDoubtSince !== null && (
          <div>
            <dt>{t('review.inDoubtSince')}</dt>
            <dd>{formatKstDateTime(detail.inDoubtSince)}</dd>
          </div>
        )}
      </dl>

      <RecordFindings detail={detail} />

      <section className="panel portal-hint" aria-labelledby="portal-title">
        <h2 id="portal-title">{t('review.portalTitle')}</h2>
        <p>{t('review.portalHelp')}</p>
        <ul>
          <li>
            {t('review.portalOriginal', {
              date: formatKiccDate(c.orgAprvDt),
              no: c.orgAprvNo,
              amount: krw(c.trxAmt),
            })}
          </li>
          <li>
            {t('review.portalOurNumbers')} <span className="mono">{sentNumbers.join(', ')}</span>
          </li>
        </ul>
      </section>

      <ExchangeList detail={detail} />

      <ReviewHistory steps={detail.history} />

      <details className="more review-audit">
        <summary>{t('review.auditTitle')}</summary>
        <ol className="event-list">
          {detail.audit.map((event) => (
            <li key={event.seq}>
              <span className="mono">#{event.seq}</span> {formatKstDateTime(event.at)} ·{' '}
              {role(event.actor)} · <span className="mono">{event.kind}</span>
            </li>
          ))}
        </ol>
      </details>

      {waiting && <ResolutionForm implies={detail.record.implies} />}
      {c.resolvedByManager && <ReopenForm detail={detail} />}
      <div className="actions">
        <button type="button" onClick={() => desk.review.getState().closeDetail()}>
          {t('review.backToList')}
        </button>
      </div>
    </section>
  );
}
