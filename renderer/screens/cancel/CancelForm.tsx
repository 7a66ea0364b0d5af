import type { FieldError } from '../../../shared/kicc/fields';
import { Field } from '../../components/Field';
import { useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { errorCount, validateCancel, type CancelField } from './form';

/**
 * The amounts (pre-filled from the receipt: KICC cancels in full) and the reason, validated as
 * the cashier types with the shared KICC rules. A field's errors show once it was touched, and
 * all of them after a first "review", so a pre-filled form does not open in red.
 */
export function CancelForm() {
  const desk = useDesk();
  const t = useT();
  const draft = useDeskStore('cancel', (s) => s.draft);
  const touched = useDeskStore('cancel', (s) => s.touched);
  const showAll = useDeskStore('cancel', (s) => s.showAll);
  const mainErrors = useDeskStore('cancel', (s) => s.mainErrors);
  const cancel = desk.cancel.getState;

  const errors = validateCancel(draft);
  const shown = (field: CancelField): FieldError[] => [
    ...(showAll || touched[field] ? (errors[field] ?? []) : []),
    ...mainErrors.filter((e) => e.field === field),
  ];
  const count = errorCount(errors);

  return (
    <form
      className="cancel-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        cancel().review();
      }}
    >
      <Field
        label={t('cancel.trxAmt')}
        value={draft.trxAmt}
        onChange={(value) => cancel().change('trxAmt', value)}
        errors={shown('trxAmt')}
        inputMode="numeric"
        className="amount-input"
      />
      <div className="field-with-action">
        <Field
          label={t('cancel.vatAmt')}
          value={draft.vatAmt}
          onChange={(value) => cancel().change('vatAmt', value)}
          errors={shown('vatAmt')}
          help={draft.vatEdited ? undefined : t('cancel.vatAuto')}
          inputMode="numeric"
          className="amount-input"
        />
        {draft.vatEdited && (
          <button type="button" onClick={() => cancel().recomputeVat()}>
            {t('cancel.vatRecompute')}
          </button>
        )}
      </div>
      <Field
        label={t('cancel.svcAmt')}
        value={draft.svcAmt}
        onChange={(value) => cancel().change('svcAmt', value)}
        errors={shown('svcAmt')}
        inputMode="numeric"
        className="amount-input"
      />
      <Field
        label={t('cancel.reason')}
        value={draft.reason}
        onChange={(value) => cancel().change('reason', value)}
        errors={shown('reason')}
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
