import { useId } from 'react';
import type { ReviewOutcome } from '../../../shared/contract/manager-requests';
import { Field } from '../../components/Field';
import type { MessageKey } from '../../i18n/translate';
import { translate } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { NOTE_MAX, validateResolution, type ResolutionField } from './resolution';
import { ErrorNotice } from '../../components/ErrorNotice';

const OUTCOMES: { value: ReviewOutcome; label: MessageKey; help: MessageKey }[] = [
  { value: 'cancelled', label: 'review.outcomeCancelled', help: 'review.outcomeCancelledHelp' },
  {
    value: 'not-cancelled',
    label: 'review.outcomeNotCancelled',
    help: 'review.outcomeNotCancelledHelp',
  },
];

/**
 * The manager's finding (issue 6): cancelled / not cancelled at KICC, with a required note (what
 * was checked, where, with whom), and the portal's cancellation approval number when there is
 * one. Errors show once a field is touched, all of them after a first "record".
 */
export function ResolutionForm() {
  const desk = useDesk();
  const t = useT();
  const noteId = useId();
  const draft = useDeskStore('review', (s) => s.draft);
  const touched = useDeskStore('review', (s) => s.touched);
  const showAll = useDeskStore('review', (s) => s.showAll);
  const saving = useDeskStore('review', (s) => s.saving);
  const saveError = useDeskStore('review', (s) => s.saveError);
  const errors = validateResolution(draft);
  const shown = (field: ResolutionField): MessageKey | undefined =>
    showAll || touched[field] ? errors[field] : undefined;
  const fieldErrors = (field: ResolutionField) => {
    const key = shown(field);
    return key === undefined ? [] : [{ field, rule: 'required' as const, message: both(key) }];
  };
  const outcomeError = shown('outcome');
  const noteError = shown('note');

  return (
    <form
      className="panel resolution"
      noValidate
      aria-labelledby="resolution-title"
      onSubmit={(event) => {
        event.preventDefault();
        void desk.review.getState().resolve();
      }}
    >
      <h2 id="resolution-title">{t('review.resolveTitle')}</h2>
      <fieldset className="field" aria-invalid={outcomeError !== undefined}>
        <legend>{t('review.outcome')}</legend>
        {OUTCOMES.map((option) => (
          <label key={option.value} className="radio radio-block">
            <input
              type="radio"
              name="outcome"
              value={option.value}
              checked={draft.outcome === option.value}
              onChange={() => desk.review.getState().change('outcome', option.value)}
            />
            <span>
              <strong>{t(option.label)}</strong>
              <span className="field-help">{t(option.help)}</span>
            </span>
          </label>
        ))}
        {outcomeError && (
          <ul className="field-errors">
            <li>{t(outcomeError)}</li>
          </ul>
        )}
      </fieldset>
      <div className="field" data-invalid={noteError !== undefined}>
        <label htmlFor={noteId}>{t('review.note')}</label>
        <textarea
          id={noteId}
          value={draft.note}
          maxLength={NOTE_MAX}
          rows={3}
          onChange={(event) => desk.review.getState().change('note', event.target.value)}
          aria-invalid={noteError !== undefined}
          aria-describedby={`${noteId}-help${noteError ? ` ${noteId}-errors` : ''}`}
          placeholder={t('review.notePlaceholder')}
        />
        <p id={`${noteId}-help`} className="field-help">
          {t('review.noteHelp', { n: draft.note.trim().length, max: NOTE_MAX })}
        </p>
        {noteError && (
          <ul id={`${noteId}-errors`} className="field-errors">
            <li>{t(noteError)}</li>
          </ul>
        )}
      </div>
      {draft.outcome === 'cancelled' && (
        <Field
          label={t('review.cancelAprvNo')}
          value={draft.cancelAprvNo}
          onChange={(value) => desk.review.getState().change('cancelAprvNo', value)}
          errors={fieldErrors('cancelAprvNo')}
          help={t('review.cancelAprvNoHelp')}
          maxLength={10}
        />
      )}
      <ErrorNotice error={saveError} />
      <button type="submit" className="primary" disabled={saving}>
        {draft.outcome === 'cancelled'
          ? t('review.recordCancelled')
          : draft.outcome === 'not-cancelled'
            ? t('review.recordNotCancelled')
            : t('review.record')}
      </button>
    </form>
  );
}

const both = (key: MessageKey) => ({ ko: translate('ko', key), en: translate('en', key) });
