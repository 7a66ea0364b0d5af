import type { KeyboardEvent, MouseEvent } from 'react';
import { pick } from '../../i18n/translate';
import { useKrw, useLanguage, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { amountsOf } from './form';
import { ApprovalStep } from './ApprovalStep';
import { CashierStep } from './CashierStep';

/**
 * The confirmation: states the refund, then sends. One cancellation per confirmation, whatever
 * the hands do (DESIGN.md "never ... done twice"):
 *  - a held Enter (key repeat) that carried the form's submit over to here is ignored;
 *  - the second click of a double click (event.detail > 1) that began on "review" is ignored;
 *  - the button is disabled while the request is in flight, and the store refuses a second
 *    confirm anyway (stores/cancel.ts), and main deduplicates by clientRequestId.
 */
export function CancelConfirm() {
  const desk = useDesk();
  const t = useT();
  const krw = useKrw();
  const language = useLanguage();
  const draft = useDeskStore('cancel', (s) => s.draft);
  const step = useDeskStore('cancel', (s) => s.step);
  const sendProblem = useDeskStore('cancel', (s) => s.sendProblem);
  const needsPin = useDeskStore('cancel', (s) => s.approval !== null);
  const asksCashier = useDeskStore('cancel', (s) => s.cashier !== null);
  const { trxAmt, vatAmt, svcAmt } = amountsOf(draft);
  const sending = step === 'sending';

  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (event.detail > 1) return;
    void desk.cancel.getState().confirm();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'Enter' && event.repeat) event.preventDefault();
  };

  return (
    <section className="panel confirm" aria-labelledby="confirm-title">
      <h2 id="confirm-title">{t('cancel.confirmTitle')}</h2>
      <p className="refund-statement">{t('cancel.confirmAmount', { amount: krw(trxAmt) })}</p>
      <dl className="details">
        <div>
          <dt>{t('receipt.amount')}</dt>
          <dd className="amount">{krw(trxAmt)}</dd>
        </div>
        <div>
          <dt>{t('receipt.vat')}</dt>
          <dd>{krw(vatAmt)}</dd>
        </div>
        <div>
          <dt>{t('receipt.svc')}</dt>
          <dd>{krw(svcAmt)}</dd>
        </div>
        <div>
          <dt>{t('cancel.reason')}</dt>
          <dd>{draft.reason.trim()}</dd>
        </div>
      </dl>
      <p className="notice notice-wait">{t('cancel.confirmCard')}</p>
      <CashierStep />
      <ApprovalStep />
      {sendProblem && (
        // main may have recorded it (stores/cancel.ts ANSWER_LOST): amber, never red
        <p className="notice notice-wait" role="alert">
          {t('cancel.answerLost', { reason: pick(sendProblem.message, language) })}
        </p>
      )}
      {sending ? (
        <p className="sending" role="status" tabIndex={-1} data-autofocus="">
          {t('cancel.sending')}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="primary danger"
          onClick={onClick}
          onKeyDown={onKeyDown}
          disabled={sending}
          aria-disabled={sending}
          data-autofocus={sending || needsPin || asksCashier ? undefined : ''}
        >
          {needsPin ? t('approval.confirm') : t('cancel.confirm')}
        </button>
        {sendProblem === null && (
          <button type="button" onClick={() => desk.cancel.getState().edit()} disabled={sending}>
            {t('cancel.edit')}
          </button>
        )}
      </div>
    </section>
  );
}
