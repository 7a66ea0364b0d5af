import type { ReviewStep } from '../../../shared/contract/review-models';
import { whoWords } from '../../format/people';
import { formatKstDateTime } from '../../format/time';
import { useT } from '../../i18n/useT';

/**
 * The manager's own records of this cancellation, oldest first: each finding with its note
 * (and the reason, when it went against KICC's record), each reopening with its reason. From
 * the audit log; for the manager's screen only (a customer's slip never carries them).
 */
export function ReviewHistory({ steps }: { steps: readonly ReviewStep[] }) {
  const t = useT();
  if (steps.length === 0) return null;
  return (
    <section className="panel review-history" aria-labelledby="review-history-title">
      <h2 id="review-history-title">{t('review.historyTitle')}</h2>
      <ol className="event-list">
        {steps.map((step) => (
          <li key={`${step.kind}-${step.at}`} data-step={step.kind}>
            {step.kind === 'resolved' ? (
              <>
                <strong>
                  {t('review.history.resolved', {
                    at: formatKstDateTime(step.at),
                    who: whoWords(t, step.by),
                    outcome: t(
                      step.outcome === 'cancelled'
                        ? 'review.outcomeCancelled'
                        : 'review.outcomeNotCancelled',
                    ),
                  })}
                </strong>
                <br />
                {t('review.history.note', { note: step.note })}
                {step.overrideReason !== null && (
                  <>
                    <br />
                    {t('review.history.override', { reason: step.overrideReason })}
                  </>
                )}
              </>
            ) : (
              <>
                <strong>
                  {t('review.history.reopened', {
                    at: formatKstDateTime(step.at),
                    who: whoWords(t, step.by),
                  })}
                </strong>
                <br />
                {t('review.history.reason', { reason: step.reason })}
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
