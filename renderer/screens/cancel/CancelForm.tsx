import type { FieldError } from '../../../shared/kicc/fields';
import { Field } from '../../components/Field';
import { pick } from '../../i18n/translate';
import { useKrw, useLanguage, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { isManager } from '../../stores/manager';
import { amountsOf, errorCount, validateCancel } from './form';

/**
 * The refund as the receipt says it, read-only (issue 12 finding 6: KICC cancels in full, so an
 * editable amount only invites an `amounts-differ` refusal), and the reason, the one thing the
 * cashier types. A receipt typed from paper may have been typed wrong: a manager corrects it
 * (./AmountCorrection.tsx); the cashier is told so.
 */
export function CancelForm() {
  const desk = useDesk();
  const t = useT();
  const krw = useKrw();
  const language = useLanguage();
  const receipt = useDeskStore('cancel', (s) => s.receipt);
  const draft = useDeskStore('cancel', (s) => s.draft);
  const touched = useDeskStore('cancel', (s) => s.touched);
  const showAll = useDeskStore('cancel', (s) => s.showAll);
  const mainErrors = useDeskStore('cancel', (s) => s.mainErrors);
  const manager = useDeskStore('manager', (s) => isManager(s.status));
  const cancel = desk.cancel.getState;

  const errors = validateCancel(draft);
  const reasonErrors: FieldError[] = [
    ...(showAll || touched.reason ? (errors.reason ?? []) : []),
    ...mainErrors.filter((e) => e.field === 'reason'),
  ];
  // main's word on an amount (another terminal changed the receipt): shown, not editable here
  const amountProblems = mainErrors.filter((e) => e.field !== 'reason');
  const count = errorCount(errors);
  const { trxAmt, vatAmt, svcAmt } = amountsOf(draft);
  const paper = receipt?.source === 'typed';

  return (
    <form
      className="cancel-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        cancel().review();
      }}
    >
      <section className="refund-amounts" aria-labelledby="refund-amounts-title">
        <h2 id="refund-amounts-title">{t('cancel.amountsTitle')}</h2>
        <dl className="details details-large">
          <div>
            <dt>{t('receipt.amount')}</dt>
            <dd className="amount" data-field="trxAmt">
              {krw(trxAmt)}
            </dd>
          </div>
          <div>
            <dt>{t('receipt.vat')}</dt>
            <dd data-field="vatAmt">{krw(vatAmt)}</dd>
          </div>
          <div>
            <dt>{t('receipt.svc')}</dt>
            <dd data-field="svcAmt">{krw(svcAmt)}</dd>
          </div>
        </dl>
        <p className="field-help">{t('cancel.amountsFromReceipt')}</p>
        {amountProblems.length > 0 && (
          <ul className="field-errors" role="alert">
            {amountProblems.map((e) => (
              <li key={`${e.field}-${e.rule}`}>{pick(e.message, language)}</li>
            ))}
          </ul>
        )}
        {paper && !manager && <p className="hint">{t('cancel.paperAmountsHint')}</p>}
        {paper && manager && receipt !== null && (
          <button type="button" onClick={() => desk.correction.getState().open(receipt)}>
            {t('correction.open')}
          </button>
        )}
      </section>
      <Field
        label={t('cancel.reason')}
        value={draft.reason}
        onChange={(value) => cancel().change('reason', value)}
        errors={reasonErrors}
        placeholder={t('cancel.reasonPlaceholder')}
        maxLength={200}
        data-autofocus=""
      />
      {showAll && count > 0 && (
        <p className="notice notice-bad" role="alert">
          {t('cancel.fixErrors', { count })}
        </p>
      )}
      <button type="submit" className="primary">
        {t('cancel.review')}
      </button>
    </form>
  );
}
