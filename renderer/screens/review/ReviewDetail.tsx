import type { ReviewDetail } from '../../../shared/contract/manager-models';
import { StateBadge } from '../../components/StateBadge';
import { whoWords } from '../../format/people';
import { formatKiccDate, formatKstDateTime } from '../../format/time';
import type { MessageKey } from '../../i18n/translate';
import { useKrw, useT } from '../../i18n/useT';
import { useDesk } from '../../stores/context';
import { AttemptList } from './AttemptList';
import { ResolutionForm } from './ResolutionForm';

/** Why the engine handed it to a person (the ledger's note), in words where we know the note. */
const NOTES: Record<string, MessageKey> = {
  'verification-deadline': 'review.note.deadline',
  'unexpected-answer': 'review.note.unexpected',
};

/**
 * Everything known about one needs_review cancellation (issue 6): who asked and approved, why it
 * is here, every exchange with KICC (exact body, raw answer), its audit events; where to look in
 * KICC's merchant portal; and the manager's finding.
 */
export function ReviewDetailView({ detail }: { detail: ReviewDetail }) {
  const desk = useDesk();
  const t = useT();
  const krw = useKrw();
  const c = detail.cancellation;
  const sentNumbers = [...new Set(detail.attempts.map((a) => a.mercTrxNo))];
  const note = detail.note === null ? null : NOTES[detail.note];
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
        {t('review.detailTitle', { no: c.orgAprvNo })} <StateBadge state={c.state} />
      </h1>
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
      <p className="notice notice-wait">
        {note ? t(note) : t('review.note.other', { note: detail.note ?? '—' })}
      </p>

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

      <AttemptList attempts={detail.attempts} />

      <section aria-labelledby="review-audit-title">
        <h2 id="review-audit-title">{t('review.auditTitle')}</h2>
        <ol className="event-list">
          {detail.audit.map((event) => (
            <li key={event.seq}>
              <span className="mono">#{event.seq}</span> {formatKstDateTime(event.at)} ·{' '}
              {event.actor} · <span className="mono">{event.kind}</span>
            </li>
          ))}
        </ol>
      </section>

      <ResolutionForm />
      <div className="actions">
        <button type="button" onClick={() => desk.review.getState().closeDetail()}>
          {t('review.backToList')}
        </button>
      </div>
    </section>
  );
}
