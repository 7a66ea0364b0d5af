import type { Cancellation, CancellationState } from '../../../shared/contract/models';
import type { MessageKey } from '../../i18n/translate';
import {
  formatKiccDate,
  formatKiccTime,
  formatKstDateTime,
  formatKstTime,
} from '../../format/time';
import { whoWords } from '../../format/people';
import { useKrw, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { ManualMark } from '../../components/ManualMark';
import { rejectionWords } from './rejection';
import { Slip } from './Slip';

/**
 * The outcome, impossible to misread (STYLE.md "Outcomes are unmistakable"): green "취소 완료",
 * red "취소 거절" with the reason and what to do, amber "취소 확인 중 — 현금으로 환불하지 마세요"
 * while it is not final (DESIGN.md: double refunds come from a cashier who pays cash when the
 * card cancellation looks failed). The amber screen updates itself from main's events.
 */
export function OutcomeScreen() {
  const desk = useDesk();
  const t = useT();
  const cancellation = useDeskStore('cancel', (s) => s.cancellation);
  const slipOpen = useDeskStore('nav', (s) => s.slipOpen);
  if (cancellation === null) return null;
  const { requestedBy, approvedBy } = cancellation;
  return (
    <section className="screen" aria-labelledby="outcome-title">
      <OutcomePanel cancellation={cancellation} />
      {(requestedBy !== null || approvedBy !== null) && (
        // main's record, so a cancellation opened from the queue or history says it too
        <p className="approvers" data-approved-by={approvedBy ?? ''}>
          {t('approval.requestedBy', { who: whoWords(t, requestedBy) })}
          {approvedBy !== null && (
            <>
              {' · '}
              {t('approval.approvedBy', { who: whoWords(t, approvedBy) })}
            </>
          )}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => desk.nav.getState().setSlipOpen(true)}>
          {t('outcome.slip')}
        </button>
        <button type="button" onClick={() => desk.nav.getState().home()}>
          {t('outcome.newLookup')}
        </button>
      </div>
      {slipOpen && <Slip cancellation={cancellation} />}
    </section>
  );
}

/** Not final: what the amber screen says for each state (DESIGN.md "A cancellation's life"). */
const WAITING_WORDS: Record<
  Exclude<CancellationState, 'cancelled' | 'rejected'>,
  [MessageKey, MessageKey]
> = {
  draft: ['outcome.draft', 'outcome.draftHelp'],
  pending: ['outcome.queued', 'outcome.queuedHelp'],
  queued: ['outcome.queued', 'outcome.queuedHelp'],
  sending: ['outcome.verifying', 'outcome.verifyingHelp'],
  in_doubt: ['outcome.verifying', 'outcome.verifyingHelp'],
  needs_review: ['outcome.needsReview', 'outcome.needsReviewHelp'],
};

export function OutcomePanel({ cancellation: c }: { cancellation: Cancellation }) {
  const t = useT();
  const krw = useKrw();
  if (c.state === 'cancelled') {
    const when =
      c.cancelled?.cndDt && c.cancelled.cndTm
        ? `${formatKiccDate(c.cancelled.cndDt)} ${formatKiccTime(c.cancelled.cndTm)}`
        : formatKstDateTime(c.updatedAt);
    const card = c.cancelled?.cardConfirmNo ?? c.cardConfirmNo;
    return (
      <div className="outcome outcome-ok" data-outcome="cancelled">
        <h1 id="outcome-title" tabIndex={-1} data-autofocus="">
          <span aria-hidden="true">✔ </span>
          {t('outcome.cancelled')}
        </h1>
        <p role="status">{t('outcome.cancelledHelp')}</p>
        {c.resolvedByManager && (
          <p className="manual-outcome">
            <ManualMark shown /> {t('manual.cancelledHelp')}
          </p>
        )}
        {c.cancelled?.alreadyCancelledEarlier && <p>{t('outcome.cancelledEarlier')}</p>}
        <dl className="details details-large">
          <div>
            <dt>{t('outcome.cancelAprvNo')}</dt>
            <dd className="mono">{c.cancelled?.aprvNo ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('outcome.cancelTime')}</dt>
            <dd>{when}</dd>
          </div>
          <div>
            <dt>{t('outcome.card')}</dt>
            <dd className="mono">
              {[c.cancelled?.issuerName, card].filter(Boolean).join(' ') || '—'}
            </dd>
          </div>
          <div>
            <dt>{t('outcome.amount')}</dt>
            <dd className="amount">{krw(c.trxAmt)}</dd>
          </div>
        </dl>
      </div>
    );
  }
  if (c.state === 'rejected' && c.resolvedByManager) return <NotCancelledByManager />;
  if (c.state === 'rejected') {
    const words = rejectionWords(c.rejection?.respCd ?? '');
    const kicc = c.rejection ? `${c.rejection.respMsg} (${c.rejection.respCd})` : '—';
    return (
      <div className="outcome outcome-bad" data-outcome="rejected">
        <h1 id="outcome-title" tabIndex={-1} data-autofocus="">
          <span aria-hidden="true">✖ </span>
          {t('outcome.rejected')}
        </h1>
        <p className="outcome-reason" role="alert">
          {words.reason ? t(words.reason) : kicc}
        </p>
        {words.reason && (
          <p className="kicc-says">{t('outcome.rejectedReason', { reason: kicc })}</p>
        )}
        <h2>{t('outcome.whatToDo')}</h2>
        <p>{t(words.todo)}</p>
      </div>
    );
  }
  const [title, help] = WAITING_WORDS[c.state];
  return (
    <div className="outcome outcome-wait" data-outcome={c.state}>
      <h1 id="outcome-title" tabIndex={-1} data-autofocus="">
        <span aria-hidden="true">⚠ </span>
        {t(title)}
      </h1>
      <p>{t(help)}</p>
      <dl className="details">
        <div>
          <dt>{t('outcome.amount')}</dt>
          <dd className="amount">{krw(c.trxAmt)}</dd>
        </div>
        <div>
          <dt>{t('queue.attempts')}</dt>
          <dd>{t('outcome.attempts', { n: c.attempts })}</dd>
        </div>
        {c.nextTryAt !== null && (
          <div>
            <dt>{t('queue.nextTry')}</dt>
            <dd>{formatKstTime(c.nextTryAt)}</dd>
          </div>
        )}
      </dl>
      {c.state !== 'needs_review' && c.state !== 'draft' && (
        <p className="live" role="status">
          <span className="live-dot" aria-hidden="true" /> {t('outcome.live')}
        </p>
      )}
    </div>
  );
}

/**
 * A manager's "not cancelled" (issue 13 finding 3): KICC did not refuse anything, so there is no
 * KICC reason to show, and the manager's own note is not the cashier's to read.
 */
function NotCancelledByManager() {
  const t = useT();
  return (
    <div className="outcome outcome-bad" data-outcome="rejected" data-manual="">
      <h1 id="outcome-title" tabIndex={-1} data-autofocus="">
        <span aria-hidden="true">✖ </span>
        {t('manual.notCancelled')}
      </h1>
      <p className="outcome-reason" role="alert">
        {t('manual.notCancelledHelp')}
      </p>
      <h2>{t('outcome.whatToDo')}</h2>
      <p>{t('manual.notCancelledTodo')}</p>
    </div>
  );
}
