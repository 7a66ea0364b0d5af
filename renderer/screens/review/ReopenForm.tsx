import type { ReviewDetail } from '../../../shared/contract/review-models';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { ManagerText } from './ManagerText';
import { validateReopenReason } from './resolution';

/**
 * "다시 열기" (issue 13 finding 3): a manager's finding that was wrong goes back to needs_review,
 * with the reason, and is then recorded right. Main refuses a "not cancelled" finding whose
 * receipt was cancelled again since (one payment, one live cancellation); the screen says so
 * before the manager tries.
 */
export function ReopenForm({ detail }: { detail: ReviewDetail }) {
  const desk = useDesk();
  const t = useT();
  const reason = useDeskStore('review', (s) => s.reopenReason);
  const touched = useDeskStore('review', (s) => s.reopenTouched);
  const saving = useDeskStore('review', (s) => s.saving);
  const error = useDeskStore('review', (s) => s.reopenError);
  const { blockedBy } = detail.reopen;
  return (
    <form
      className="panel reopen"
      noValidate
      aria-labelledby="reopen-title"
      onSubmit={(event) => {
        event.preventDefault();
        void desk.review.getState().reopen();
      }}
    >
      <h2 id="reopen-title">{t('review.reopenTitle')}</h2>
      {blockedBy !== null ? (
        <p className="notice notice-plain" role="status">
          {t('review.reopenBlocked', { id: blockedBy.id, state: t(`state.${blockedBy.state}`) })}
        </p>
      ) : (
        <>
          <p>{t('review.reopenHelp')}</p>
          <ManagerText
            label={t('review.reopenReason')}
            value={reason}
            onChange={(value) => desk.review.getState().changeReopenReason(value)}
            help="review.reopenReasonHelp"
            error={touched ? validateReopenReason(reason) : undefined}
          />
          <ErrorNotice error={error} />
          <button type="submit" disabled={saving}>
            {t('review.reopenButton')}
          </button>
        </>
      )}
    </form>
  );
}
