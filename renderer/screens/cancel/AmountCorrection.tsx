import type { KeyboardEvent } from 'react';
import type { FieldError } from '../../../shared/kicc/fields';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { correctionErrors, type CorrectionField } from '../../stores/correction';

/**
 * A manager corrects a paper receipt's amounts before cancelling it (issue 12 finding 6), with
 * KICC's rules as they type and a reason (audited in main). Enter saves, Esc goes back to the
 * cancel form without a change.
 */
export function AmountCorrection() {
  const desk = useDesk();
  const t = useT();
  const draft = useDeskStore('correction', (s) => s.draft);
  const showAll = useDeskStore('correction', (s) => s.showAll);
  const saving = useDeskStore('correction', (s) => s.saving);
  const mainErrors = useDeskStore('correction', (s) => s.mainErrors);
  const error = useDeskStore('correction', (s) => s.error);
  const correction = desk.correction.getState;
  const errors = correctionErrors(draft);
  const shown = (field: CorrectionField): FieldError[] => [
    ...(showAll ? (errors[field] ?? []) : []),
    ...mainErrors.filter((e) => e.field === field),
  ];
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    // Esc closes the correction, not the cancel screen (the window's map sees it handled)
    if (event.key === 'Escape') {
      event.preventDefault();
      correction().close();
    }
  };

  return (
    <form
      className="panel correction"
      noValidate
      aria-labelledby="correction-title"
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void correction().save();
      }}
    >
      <h2 id="correction-title">{t('correction.title')}</h2>
      <p className="field-help">{t('correction.help')}</p>
      <Field
        label={t('cancel.trxAmt')}
        value={draft.trxAmt}
        onChange={(value) => correction().change('trxAmt', value)}
        errors={shown('trxAmt')}
        inputMode="numeric"
        className="amount-input"
        data-autofocus=""
      />
      <div className="field-with-action">
        <Field
          label={t('cancel.vatAmt')}
          value={draft.vatAmt}
          onChange={(value) => correction().change('vatAmt', value)}
          errors={shown('vatAmt')}
          help={draft.vatEdited ? undefined : t('cancel.vatAuto')}
          inputMode="numeric"
          className="amount-input"
        />
        {draft.vatEdited && (
          <button type="button" onClick={() => correction().recomputeVat()}>
            {t('cancel.vatRecompute')}
          </button>
        )}
      </div>
      <Field
        label={t('cancel.svcAmt')}
        value={draft.svcAmt}
        onChange={(value) => correction().change('svcAmt', value)}
        errors={shown('svcAmt')}
        inputMode="numeric"
        className="amount-input"
      />
      <Field
        label={t('correction.note')}
        value={draft.note}
        onChange={(value) => correction().change('note', value)}
        errors={shown('note')}
        placeholder={t('correction.notePlaceholder')}
        maxLength={200}
      />
      <ErrorNotice error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('correction.saving') : t('correction.save')}
        </button>
        <button type="button" onClick={() => correction().close()} disabled={saving}>
          {t('correction.cancel')}
        </button>
      </div>
    </form>
  );
}
