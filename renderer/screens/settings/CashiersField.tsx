import { useId } from 'react';
import type { FieldError } from '../../../shared/kicc/fields';
import { pick } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/useT';

/**
 * The store's cashiers (issue 13 finding 5), one per line, "번호 이름": each types their number on
 * the cancellation's confirmation and is recorded as its requester. Empty: a one-person store,
 * recorded as "계산원". Checked as typed with the rules main applies (./form.ts parseCashiers).
 */
export function CashiersField({
  value,
  onChange,
  errors,
}: {
  value: string;
  onChange(value: string): void;
  errors: readonly FieldError[];
}) {
  const t = useT();
  const language = useLanguage();
  const id = useId();
  return (
    <div className="field" data-invalid={errors.length > 0}>
      <h3>
        <label htmlFor={id}>{t('settings.cashiers')}</label>
      </h3>
      <textarea
        id={id}
        className="mono cashiers-input"
        rows={4}
        value={value}
        placeholder={t('settings.cashiersPlaceholder')}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errors.length > 0}
        aria-describedby={`${id}-help${errors.length > 0 ? ` ${id}-errors` : ''}`}
        spellCheck={false}
      />
      <p id={`${id}-help`} className="field-help">
        {t('settings.cashiersHelp')}
      </p>
      {errors.length > 0 && (
        <ul id={`${id}-errors`} className="field-errors">
          {errors.map((error) => (
            <li key={pick(error.message, 'en')}>{pick(error.message, language)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
