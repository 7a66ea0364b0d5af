import type { FieldError } from '../../../shared/kicc/fields';
import { Field, type FieldProps } from '../../components/Field';
import { useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { errorCount, validatePaper, type PaperField } from '../cancel/form';
import { ErrorNotice } from '../../components/ErrorNotice';

type FieldExtras = Pick<FieldProps, 'inputMode' | 'placeholder' | 'maxLength' | 'help'> & {
  /** the field that takes focus when the screen opens */
  first?: boolean;
};

/**
 * A receipt typed from paper (issue 5): approval date and number, the key and its type, the
 * installment and the amounts, checked with KICC's own field rules as the cashier types.
 */
export function PaperScreen() {
  const desk = useDesk();
  const t = useT();
  const draft = useDeskStore('paper', (s) => s.draft);
  const touched = useDeskStore('paper', (s) => s.touched);
  const showAll = useDeskStore('paper', (s) => s.showAll);
  const saving = useDeskStore('paper', (s) => s.saving);
  const mainErrors = useDeskStore('paper', (s) => s.mainErrors);
  const problem = useDeskStore('paper', (s) => s.problem);
  const paper = desk.paper.getState;

  const errors = validatePaper(draft);
  const shown = (field: PaperField): FieldError[] => [
    ...(showAll || touched[field] ? (errors[field] ?? []) : []),
    ...mainErrors.filter((e) => e.field === field),
  ];
  const count = errorCount(errors);
  const field = (name: PaperField, label: string, extra: FieldExtras = {}) => {
    const { first, ...input } = extra;
    return (
      <Field
        label={label}
        value={draft[name]}
        onChange={(value) => paper().change(name, value)}
        errors={shown(name)}
        data-autofocus={first ? '' : undefined}
        {...input}
      />
    );
  };

  const submit = async () => {
    const receipt = await paper().submit();
    if (receipt) {
      desk.cancel.getState().start(receipt);
      desk.nav.getState().replace('cancel');
    }
  };

  return (
    <section className="screen" aria-labelledby="paper-title">
      <h1 id="paper-title" tabIndex={-1}>
        {t('paper.title')}
      </h1>
      <p className="hint">{t('paper.help')}</p>
      <p className="hint" data-card-rule="">
        {t('paper.cardNumber')}
      </p>
      <form
        className="paper-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset className="field">
          <legend>{t('paper.keyType')}</legend>
          <div className="radio-row">
            {(['T', 'G'] as const).map((wcc) => (
              <label key={wcc} className="radio">
                <input
                  type="radio"
                  name="wcc"
                  value={wcc}
                  checked={draft.wcc === wcc}
                  onChange={() => paper().change('wcc', wcc)}
                />
                {t(wcc === 'T' ? 'paper.keyVan' : 'paper.keyMerc')}
              </label>
            ))}
          </div>
        </fieldset>
        {field('cndTrxNo', t('cancel.cndTrxNo'), { first: true, maxLength: 40 })}
        {field('orgAprvDt', t('cancel.orgAprvDt'), {
          inputMode: 'numeric',
          placeholder: t('lookup.datePlaceholder'),
          maxLength: 8,
        })}
        {field('orgAprvNo', t('cancel.orgAprvNo'), { maxLength: 20 })}
        {field('alotMonth', t('cancel.alotMonth'), { inputMode: 'numeric', maxLength: 2 })}
        {field('trxAmt', t('cancel.trxAmt'), { inputMode: 'numeric' })}
        <div className="field-with-action">
          {field('vatAmt', t('cancel.vatAmt'), {
            inputMode: 'numeric',
            help: draft.vatEdited ? undefined : t('cancel.vatAuto'),
          })}
          {draft.vatEdited && (
            <button type="button" onClick={() => paper().recomputeVat()}>
              {t('cancel.vatRecompute')}
            </button>
          )}
        </div>
        {field('svcAmt', t('cancel.svcAmt'), { inputMode: 'numeric' })}
        {showAll && count > 0 && (
          <p className="notice notice-bad" role="alert">
            {t('cancel.fixErrors', { count })}
          </p>
        )}
        <ErrorNotice error={problem} />
        <button type="submit" className="primary" disabled={saving}>
          {t('paper.continue')}
        </button>
      </form>
    </section>
  );
}
