import type { RecordImplies } from '../../../shared/contract/review-models';
import type { ReviewOutcome } from '../../../shared/contract/review-requests';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import type { MessageKey } from '../../i18n/translate';
import { translate } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { ManagerText } from './ManagerText';
import { isAgainstRecord, validateResolution, type ResolutionField } from './resolution';

const OUTCOMES: { value: ReviewOutcome; label: MessageKey; help: MessageKey }[] = [
  { value: 'cancelled', label: 'review.outcomeCancelled', help: 'review.outcomeCancelledHelp' },
  {
    value: 'not-cancelled',
    label: 'review.outcomeNotCancelled',
    help: 'review.outcomeNotCancelledHelp',
  },
];

/** The button says what will be recorded, and when it goes against KICC's record. */
function recordLabel(outcome: ReviewOutcome | '', against: boolean): MessageKey {
  if (outcome === '') return 'review.record';
  if (outcome === 'cancelled')
    return against ? 'review.recordAgainstCancelled' : 'review.recordCancelled';
  return against ? 'review.recordAgainstNot' : 'review.recordNotCancelled';
}

/**
 * The manager's finding (issue 6): cancelled / not cancelled at KICC, with a required note (what
 * was checked, where, with whom; the audit log only, never the customer's slip), and the
 * portal's cancellation approval number when there is one. A finding that contradicts what
 * KICC's answers imply (issue 13 finding 3) is said to, and needs the reason for it. Errors
 * show once a field is touched, all of them after a first "record".
 */
export function ResolutionForm({ implies }: { implies: RecordImplies }) {
  const desk = useDesk();
  const t = useT();
  const draft = useDeskStore('review', (s) => s.draft);
  const touched = useDeskStore('review', (s) => s.touched);
  const showAll = useDeskStore('review', (s) => s.showAll);
  const saving = useDeskStore('review', (s) => s.saving);
  const saveError = useDeskStore('review', (s) => s.saveError);
  const errors = validateResolution(draft, implies);
  const shown = (field: ResolutionField): MessageKey | undefined =>
    showAll || touched[field] ? errors[field] : undefined;
  const fieldErrors = (field: ResolutionField) => {
    const key = shown(field);
    return key === undefined ? [] : [{ field, rule: 'required' as const, message: both(key) }];
  };
  const outcomeError = shown('outcome');
  const against = isAgainstRecord(draft, implies);
  const change = desk.review.getState().change;

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
              onChange={() => change('outcome', option.value)}
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
      <ManagerText
        label={t('review.note')}
        value={draft.note}
        onChange={(value) => change('note', value)}
        help="review.noteHelp"
        error={shown('note')}
        placeholder={t('review.notePlaceholder')}
      />
      {draft.outcome === 'cancelled' && (
        <Field
          label={t('review.cancelAprvNo')}
          value={draft.cancelAprvNo}
          onChange={(value) => change('cancelAprvNo', value)}
          errors={fieldErrors('cancelAprvNo')}
          help={t('review.cancelAprvNoHelp')}
          maxLength={10}
        />
      )}
      {against && (
        <div className="override" data-against={implies}>
          <p className="notice notice-bad" role="alert">
            {t('review.againstRecord', { implies: t(`review.implies.${implies}`) })}
          </p>
          <ManagerText
            label={t('review.overrideReason')}
            value={draft.overrideReason}
            onChange={(value) => change('overrideReason', value)}
            help="review.overrideHelp"
            error={shown('overrideReason')}
          />
        </div>
      )}
      <ErrorNotice error={saveError} />
      <button type="submit" className={against ? undefined : 'primary'} disabled={saving}>
        {t(recordLabel(draft.outcome, against))}
      </button>
    </form>
  );
}

const both = (key: MessageKey) => ({ ko: translate('ko', key), en: translate('en', key) });
